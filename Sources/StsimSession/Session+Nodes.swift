import StsimEngine
import StsimLanguage

/// Node commands: crash and boot (faults), cordon, uncordon, drain and taint (kubectl's).
extension Session {
    func crash(_ node: Argument) throws {
        switch cluster.crash(node: node.text) {
        case .failure(let error): throw error
        case .success(true):
            printer.line("node/\(node.text) crashed: its containers are dead and its kubelet is silent")
        case .success(false): printer.line("node/\(node.text) is already down")
        }
        autoSettle()
    }

    func boot(_ node: Argument) throws {
        switch cluster.boot(node: node.text) {
        case .failure(let error): throw error
        case .success(true): printer.line("node/\(node.text) booted: its kubelet is back, with no containers")
        case .success(false): printer.line("node/\(node.text) is not down")
        }
        autoSettle()
    }

    /// `kubectl cordon` / `uncordon` and their lines (11.5).
    func cordon(_ node: Argument, _ unschedulable: Bool) throws {
        guard let n = cluster.get(Node.self, node.text) else { throw APIError.notFound(.node, node.text) }
        let word = unschedulable ? "cordoned" : "uncordoned"
        if (n.spec.unschedulable ?? false) == unschedulable {
            printer.line("node/\(node.text) already \(word)")
            return
        }
        if case .failure(let error) = cluster.setUnschedulable(node.text, unschedulable) { throw error }
        printer.line("node/\(node.text) \(word)")
        autoSettle()
    }

    /// `kubectl drain NODE`: cordon, evict every pod there, wait until each is gone. Pods no
    /// controller would recreate are refused without `--force`, as kubectl does.
    func drain(_ node: Argument, force: Bool) throws {
        guard let n = cluster.get(Node.self, node.text) else { throw APIError.notFound(.node, node.text) }
        if n.spec.unschedulable ?? false {
            printer.line("node/\(node.text) already cordoned")
        } else {
            if case .failure(let error) = cluster.setUnschedulable(node.text, true) { throw error }
            printer.line("node/\(node.text) cordoned")
        }
        let pods = cluster.store.pods(onNode: node.text).compactMap { cluster.get($0).flatMap(Pod.init) }
            .filter { $0.status.phase != .succeeded && $0.status.phase != .failed }
        let bare = pods.filter { $0.metadata.controllerRef == nil }.map {
            "\($0.metadata.namespace)/\($0.metadata.name)"
        }
        if !bare.isEmpty, !force {
            throw SessionError(
                "unable to drain node \"\(node.text)\" due to error: cannot delete Pods that declare no controller (use --force to override): \(bare.joined(separator: ", "))",
                hint: "drain \(node.text) --force deletes them for good: nothing recreates them")
        }
        for pod in pods {
            printer.line("evicting pod \(pod.metadata.namespace)/\(pod.metadata.name)")
            if case .failure(let error) = cluster.evict(pod: pod.metadata.name, namespace: pod.metadata.namespace) {
                throw error
            }
        }
        // kubectl waits for each evicted pod to be gone (a new pod of the same name does not count).
        var remaining = pods
        let result = cluster.run(
            until: { c in
                remaining = remaining.filter { p in
                    c.get(Pod.self, p.metadata.name, namespace: p.metadata.namespace)?.metadata.uid == p.metadata.uid
                }
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
        printer.line("node/\(node.text) drained")
        autoSettle()
    }

    /// `kubectl taint node NODE key=value:Effect` / `key-`.
    func taint(_ node: Argument, _ t: TaintText) throws {
        let result =
            t.remove
            ? cluster.removeTaint(key: t.key, effect: t.effect, node: node.text)
            : cluster.addTaint(Taint(key: t.key, value: t.value, effect: t.effect ?? .noSchedule), node: node.text)
        switch result {
        case .failure(let error)
        where error.reason == .notFound && error.kind == .node && !error.message.hasPrefix("taint"):
            throw error
        case .failure(let error): throw SessionError(error.message)
        case .success: printer.line("node/\(node.text) \(t.remove ? "untainted" : "tainted")")
        }
        autoSettle()
    }
}
