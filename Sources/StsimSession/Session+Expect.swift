import StsimEngine
import StsimLanguage

extension Session {
    /// Checks print nothing when they hold; a failure is reported as `FILE:LINE: expectation
    /// failed: ...` and fails the script.
    func expect(_ expectation: Expectation) throws -> Outcome {
        switch expectation {
        case .objectState(let kind, let name, let state, let node):
            let actual = try observedState(kind, name: name.text, wanted: state)
            if !actual.matches {
                throw ExpectationFailure(
                    message: "\(kind.singular)/\(name.text) is \(actual.description), not \(state)")
            }
            if let node {
                let onNode = cluster.get(Pod.self, name.text)?.spec.nodeName
                if onNode != node {
                    throw ExpectationFailure(
                        message: "\(kind.singular)/\(name.text) is on \(onNode ?? "no node"), not on \(node)")
                }
            }
        case .count(let kind, let selectorText, let comparison, let value):
            let selector = try selectorText.map {
                try SelectorText.parse($0, at: SourceLocation(file: "<expect>", line: 1, column: 1))
            }
            let n = cluster.list(kind, selector: selector).count
            if !comparison.holds(n, value) {
                let which = selectorText.map { " with \($0)" } ?? ""
                throw ExpectationFailure(
                    message: "there are \(n) \(kind.plural)\(which), expected \(comparison.rawValue) \(value)")
            }
        case .dnsAnswerCount(let type, let name, let count):
            let n = dnsAnswerCount(type: type, name: name)
            if n != count {
                throw ExpectationFailure(
                    message: "dig \(type.rawValue) \(name) answers \(n) record\(n == 1 ? "" : "s"), expected \(count)")
            }
        case .outputContains(let text):
            if !previousOutput.contains(text) {
                let kept =
                    previousOutput.utf8.count >= Printer.keptOutputBytes
                    ? " (only its first \(Printer.keptOutputBytes >> 20) MiB are kept for this check)" : ""
                throw ExpectationFailure(
                    message: "the previous command's output does not contain \"\(text)\"\(kept)")
            }
        case .history(let check, let since):
            try expectHistory(check, since: since)
        case .error(let inner):
            switch runCommand(inner) {
            case .failed: return .ok
            case .quit: return .quit
            case .interrupted: return .interrupted
            case .ok:
                throw ExpectationFailure(message: "expected an error from `\(inner.text)`, but it succeeded")
            }
        }
        return .ok
    }

    /// The state an `expect` compares against, in the words a learner uses.
    private func observedState(_ kind: ResourceKind, name: String, wanted: String)
        throws -> (matches: Bool, description: String)
    {
        guard case .success(let object) = cluster.get(kind, name: name) else {
            return (wanted == "Deleted", "not there (Deleted)")
        }
        switch object {
        case .pod(let pod):
            let status = podStatusText(pod)
            switch wanted {
            case "Ready": return (pod.isReady, pod.isReady ? "Ready" : "\(status) and not Ready")
            case "NotReady": return (!pod.isReady, pod.isReady ? "Ready" : "NotReady")
            case "Running":
                return (pod.status.phase == .running && pod.metadata.deletionTimestamp == nil, status)
            default: return (status == wanted, status)
            }
        case .persistentVolumeClaim(let claim):
            let phase =
                claim.metadata.deletionTimestamp != nil ? "Terminating" : claim.status.phase?.rawValue ?? "Pending"
            return (phase == wanted, phase)
        case .persistentVolume(let volume):
            let phase = volume.status.phase?.rawValue ?? "Pending"
            return (phase == wanted, phase)
        case .statefulSet(let set):
            let ready = set.status.readyReplicas == (set.spec.replicas ?? 1)
            let text = "\(set.status.readyReplicas)/\(set.spec.replicas ?? 1) ready"
            return (wanted == "Ready" ? ready : wanted == "NotReady" ? !ready : false, text)
        case .node(let node):
            let ready = node.isReady
            return (wanted == "Ready" ? ready : wanted == "NotReady" ? !ready : false, ready ? "Ready" : "NotReady")
        default:
            throw SessionError("expect can check pods, pvc, pv, sts and nodes, not \(kind.plural)")
        }
    }
}
