import StsimEngine
import StsimLanguage

/// `kubectl drain NODE` (kubectl pkg/drain): cordon, evict every pod there through the eviction
/// subresource, wait until each is gone. An eviction a PodDisruptionBudget refuses (429) is tried
/// again every 5 seconds, until the budget allows it or the global `--timeout` passes.
extension Session {
    /// What one drain is waiting for: evicted pods not gone yet, refused pods and their next
    /// attempt, and the errors that end it.
    struct DrainRun {
        var waiting: [Pod] = []
        var retries: [(pod: Pod, at: VirtualTime)] = []
        var errors: [String] = []
        let deadline: VirtualTime?
        let timeout: VirtualDuration?
        let gracePeriodSeconds: Int?
    }

    static let evictionRetryDelay = VirtualDuration.seconds(5)

    func drain(_ d: DrainCommand) throws {
        let node = d.node
        guard let n = cluster.get(Node.self, node.text) else { throw APIError.notFound(.node, node.text) }
        if n.spec.unschedulable ?? false {
            printer.line("node/\(node.text) already cordoned")
        } else {
            if case .failure(let error) = cluster.setUnschedulable(node.text, true) { throw error }
            printer.line("node/\(node.text) cordoned")
        }
        // kubectl's mirrorPodFilter: a static pod's mirror is skipped (its kubelet owns it).
        let pods = drainablePods(node.text)
        let bare = pods.filter { $0.metadata.controllerRef == nil }.map {
            "\($0.metadata.namespace)/\($0.metadata.name)"
        }
        if !bare.isEmpty, !d.force {
            throw SessionError(
                "unable to drain node \"\(node.text)\" due to error: cannot delete Pods that declare no controller (use --force to override): \(bare.joined(separator: ", "))",
                hint: "drain \(node.text) --force deletes them for good: nothing recreates them")
        }
        var run = DrainRun(
            deadline: d.timeout.map { cluster.now.clampedAdding($0) }, timeout: d.timeout,
            gracePeriodSeconds: d.gracePeriodSeconds)
        for pod in pods { attemptEviction(pod, &run) }
        if run.retries.isEmpty, run.errors.isEmpty {
            try awaitEvicted(node.text, run.waiting)
        } else {
            try retryEvictions(node.text, &run)
        }
        printer.line("node/\(node.text) drained")
        autoSettle()
    }

    /// The pods drain evicts: not finished, not a static pod's mirror.
    func drainablePods(_ node: String) -> [Pod] {
        cluster.store.pods(onNode: node).compactMap { cluster.get($0).flatMap(Pod.init) }
            .filter {
                $0.status.phase != .succeeded && $0.status.phase != .failed
                    && $0.metadata.annotations[Pod.mirrorAnnotation] == nil
            }
    }

    /// One attempt of kubectl's per-pod loop: the `evicting pod` line, the global timeout, then
    /// the eviction and what its answer means.
    func attemptEviction(_ pod: Pod, _ run: inout DrainRun) {
        let (name, ns) = (pod.metadata.name, pod.metadata.namespace)
        printer.line("evicting pod \(ns)/\(name)")
        if let deadline = run.deadline, let timeout = run.timeout, cluster.now >= deadline {
            run.errors.append(
                "error when evicting pods/\"\(name)\" -n \"\(ns)\": global timeout reached: \(timeout.goString)")
            return
        }
        switch cluster.evict(pod: name, namespace: ns, gracePeriodSeconds: run.gracePeriodSeconds) {
        case .success: run.waiting.append(pod)
        case .failure(let e) where e.reason == .notFound: break
        case .failure(let e) where e.reason == .tooManyRequests:
            printer.errorLine("error when evicting pods/\"\(name)\" -n \"\(ns)\" (will retry after 5s): \(e.message)")
            run.retries.append((pod, cluster.now + Self.evictionRetryDelay))
        case .failure(let e):
            run.errors.append("error when evicting pods/\"\(name)\" -n \"\(ns)\": \(e.message)")
        }
    }

    /// Every eviction was accepted at once: wait until each pod is gone (a new pod of the same
    /// name does not count), as kubectl's waitForDelete does.
    private func awaitEvicted(_ node: String, _ pods: [Pod]) throws {
        var remaining = pods
        let result = cluster.run(
            until: { c in
                remaining = remaining.filter { !Self.isGone($0, in: c) }
                return remaining.isEmpty
            }, timeout: settleLimit, shouldStop: interrupted)
        for pod in pods where !remaining.contains(where: { $0.metadata.uid == pod.metadata.uid }) {
            printer.line("pod/\(pod.metadata.name) evicted")
        }
        guard result.reason == .satisfied else {
            let names = remaining.map(\.metadata.name).joined(separator: ", ")
            throw SessionError(
                "drain did not complete within \(DurationText.format(settleLimit)): \(names) still there",
                hint: "a pod on an unreachable node never finishes terminating")
        }
    }

    static func isGone(_ pod: Pod, in c: Cluster) -> Bool {
        c.get(Pod.self, pod.metadata.name, namespace: pod.metadata.namespace)?.metadata.uid != pod.metadata.uid
    }
}
