import StsimEngine

/// `--field-selector`: `FIELD=VALUE`, `FIELD==VALUE` and `FIELD!=VALUE` terms joined by commas
/// (apimachinery's fields.ParseSelector). The API server decides which fields a kind lets a
/// list select on; the session answers with its refusal.
public struct FieldSelector: Hashable, Sendable {
    public struct Term: Hashable, Sendable {
        public var field: String
        public var value: String
        public var equal: Bool
    }
    public var terms: [Term]
    /// As typed, for the server's messages.
    public var text: String
    public var location: SourceLocation

    static func parse(_ a: Argument) throws(Diagnostic) -> FieldSelector {
        var terms: [Term] = []
        for part in a.text.split(separator: ",", omittingEmptySubsequences: true) {
            let p = String(part)
            guard let eq = p.firstIndex(of: "=") else {
                throw Diagnostic(at: a.location, "invalid selector: '\(a.text)'; can't understand '\(p)'")
            }
            let negated = eq > p.startIndex && p[p.index(before: eq)] == "!"
            let fieldEnd = negated ? p.index(before: eq) : eq
            var valueStart = p.index(after: eq)
            if !negated, valueStart < p.endIndex, p[valueStart] == "=" { valueStart = p.index(after: valueStart) }
            terms.append(
                Term(
                    field: String(p[..<fieldEnd]).trimmingSpaces(), value: String(p[valueStart...]).trimmingSpaces(),
                    equal: !negated))
        }
        return FieldSelector(terms: terms, text: a.text, location: a.location)
    }

    /// The fields each kind's list selects on, besides metadata.name and metadata.namespace
    /// (the field label conversion functions of kubernetes/pkg/apis/*/v1/conversion.go).
    public static func fields(of kind: ResourceKind) -> [String] {
        switch kind {
        case .pod:
            return [
                "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
            ]
        case .event:
            return [
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
                "reportingComponent", "source", "type",
            ]
        case .node: return ["spec.unschedulable"]
        case .secret: return ["type"]
        case .namespace: return ["status.phase"]
        case .replicaSet: return ["status.replicas"]
        default: return []
        }
    }
}
