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
