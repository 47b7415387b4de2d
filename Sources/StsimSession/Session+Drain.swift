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
        let pods = try drainFilters(d)
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

    /// The pods drain evicts: not finished, not a static pod's mirror, not a DaemonSet's.
    func drainablePods(_ node: String) -> [Pod] {
        nodePods(node).filter {
            !Self.isFinished($0) && $0.metadata.annotations[Pod.mirrorAnnotation] == nil
                && $0.metadata.controllerRef?.kind != "DaemonSet"
        }
    }

    private func nodePods(_ node: String) -> [Pod] {
        cluster.store.pods(onNode: node).compactMap { cluster.get($0).flatMap(Pod.init) }
    }

    private static func isFinished(_ p: Pod) -> Bool { p.status.phase == .succeeded || p.status.phase == .failed }

    /// kubectl's filters (pkg/drain/filters.go), in its order: a DaemonSet's pod is an error
    /// without --ignore-daemonsets (its DaemonSet would put it back at once) and a warning with
    /// it, or an error when its DaemonSet is gone (a warning with --force); a static pod's
    /// mirror is skipped silently; a pod of no controller is an error without --force and a
    /// warning with it. Errors end the drain after the cordon; warnings go to stderr first.
    private func drainFilters(_ d: DrainCommand) throws -> [Pod] {
        var errors: [(String, [String])] = []
        var warnings: [(String, [String])] = []
        func note(_ list: inout [(String, [String])], _ message: String, _ pod: Pod) {
            let name = "\(pod.metadata.namespace)/\(pod.metadata.name)"
            if let i = list.firstIndex(where: { $0.0 == message }) {
                list[i].1.append(name)
            } else {
                list.append((message, [name]))
            }
        }
        var evict: [Pod] = []
        for pod in nodePods(d.node.text) where !Self.isFinished(pod) {
            if let ref = pod.metadata.controllerRef, ref.kind == "DaemonSet" {
                if cluster.get(DaemonSet.self, ref.name, namespace: pod.metadata.namespace) == nil {
                    let gone = "daemonsets.apps \"\(ref.name)\" not found"
                    if d.force {
                        note(&warnings, gone, pod)
                        evict.append(pod)
                    } else {
                        note(&errors, gone, pod)
                    }
                } else if d.ignoreDaemonSets {
                    note(&warnings, "ignoring DaemonSet-managed Pods", pod)
                } else {
                    note(&errors, "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)", pod)
                }
                continue
            }
            if pod.metadata.annotations[Pod.mirrorAnnotation] != nil { continue }
            if pod.metadata.controllerRef == nil {
                if d.force {
                    note(&warnings, "deleting Pods that declare no controller", pod)
                } else {
                    note(&errors, "Pods that declare no controller (use --force to override)", pod)
                }
            }
            evict.append(pod)
        }
        let text = { (list: [(String, [String])], prefix: String) in
            list.map { "\(prefix)\($0.0): \($0.1.joined(separator: ", "))" }
        }
        if !errors.isEmpty {
            // utilerrors.NewAggregate: one error as itself, several in brackets.
            let all = text(errors, "cannot delete ")
            let joined = all.count == 1 ? all[0] : "[\(all.joined(separator: ", "))]"
            // kubectl's RunDrain: the node's error and the pending node, then the error itself.
            let node = d.node.text
            printer.errorLine("error: unable to drain node \"\(node)\" due to error: \(joined), continuing command...")
            printer.errorLine("There are pending nodes to be drained:")
            printer.errorLine(" \(node)")
            throw SessionError(
                joined,
                hint: errors.contains { $0.0.hasPrefix("DaemonSet") }
                    ? "drain \(node) --ignore-daemonsets leaves them there: their DaemonSet keeps one on every node"
                    : "drain \(node) --force deletes them for good: nothing recreates them")
        }
        if !warnings.isEmpty { printer.errorLine("Warning: " + text(warnings, "").joined(separator: "; ")) }
        return evict
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
