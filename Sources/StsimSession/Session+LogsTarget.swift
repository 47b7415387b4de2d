import StsimEngine
import StsimLanguage

/// `logs TYPE/NAME`: kubectl's LogsForObject takes a pod, or a workload or Service whose selector
/// picks the pods, of which it reads the first in podutils.ByLogging's order and says so on
/// stderr when there was a choice ("Found 2 pods, using pod/web-0").
extension Session {
    func logsPod(_ word: Argument) throws -> Argument {
        guard let slash = word.text.firstIndex(of: "/") else { return word }
        let type = String(word.text[..<slash])
        let name = String(word.text[word.text.index(after: slash)...])
        guard let kind = ResourceKind(name: type) else {
            let unknown = ResourceKind.unknown(type)
            throw Diagnostic(at: word.location, unknown.message, hint: unknown.hint)
        }
        let selector: LabelSelector
        switch kind {
        case .pod: return Argument(name, at: word.location)
        case .statefulSet:
            guard let set = cluster.get(StatefulSet.self, name) else { throw APIError.notFound(kind, name) }
            selector = set.spec.selector ?? LabelSelector()
        case .replicaSet:
            guard let set = cluster.get(ReplicaSet.self, name) else { throw APIError.notFound(kind, name) }
            selector = set.spec.selector ?? LabelSelector()
        case .daemonSet:
            guard let set = cluster.get(DaemonSet.self, name) else { throw APIError.notFound(kind, name) }
            selector = set.spec.selector ?? LabelSelector()
        case .service:
            guard let svc = cluster.get(Service.self, name) else { throw APIError.notFound(kind, name) }
            selector = LabelSelector(matchLabels: svc.spec.selector)
        default:
            // polymorphichelpers.LogsForObject's words, with the Go type it was given.
            let type = "*" + (kind.apiVersion.split(separator: "/").last.map(String.init) ?? "v1") + "." + kind.kind
            throw SessionError(
                "cannot get the logs from \(type): selector for \(type) not implemented",
                hint:
                    "logs reads a pod's log, or the first pod's of a StatefulSet, ReplicaSet, DaemonSet or Service (logs sts/web)"
            )
        }
        let pods: [Pod] =
            selector.isEmpty
            ? []
            : cluster.list(.pod, selector: selector).compactMap {
                if case .pod(let p) = $0 { p } else { nil }
            }
        guard let first = pods.min(by: Self.logsOrder) else {
            throw SessionError("timed out waiting for the condition", hint: "no pod of \(type)/\(name) exists yet")
        }
        if pods.count > 1 { printer.errorLine("Found \(pods.count) pods, using pod/\(first.metadata.name)") }
        return Argument(first.metadata.name, at: word.location)
    }

    /// podutils.ByLogging: assigned before unassigned; Running, Unknown, then Pending; ready before
    /// not ready; ready longer before shorter; more restarts before fewer; older before newer.
    static func logsOrder(_ a: Pod, _ b: Pod) -> Bool {
        let assignedA = !(a.spec.nodeName ?? "").isEmpty
        let assignedB = !(b.spec.nodeName ?? "").isEmpty
        if assignedA != assignedB { return assignedA }
        func phaseRank(_ p: Pod) -> Int {
            switch p.status.phase {
            case .running: 0
            case .unknown: 1
            case .pending: 2
            default: 3
            }
        }
        if phaseRank(a) != phaseRank(b) { return phaseRank(a) < phaseRank(b) }
        if a.isReady != b.isReady { return a.isReady }
        if a.isReady, let ta = a.status.condition(.ready)?.lastTransitionTime,
            let tb = b.status.condition(.ready)?.lastTransitionTime, ta != tb
        {
            return ta < tb
        }
        let restartsA = a.status.containerStatuses.map(\.restartCount).max() ?? 0
        let restartsB = b.status.containerStatuses.map(\.restartCount).max() ?? 0
        if restartsA != restartsB { return restartsA > restartsB }
        let ca = a.metadata.creationTimestamp ?? .end
        let cb = b.metadata.creationTimestamp ?? .end
        if ca != cb { return ca < cb }
        return a.metadata.name < b.metadata.name
    }
}
