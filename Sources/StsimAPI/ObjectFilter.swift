import Foundation
import StsimEngine

/// Which objects a list or watch asked for: kind, namespace (nil: all), `labelSelector` and
/// `fieldSelector` (the fields kubectl sends: metadata.name/namespace, spec.nodeName,
/// status.phase, and an event's involvedObject.*; `=`, `==` and `!=`).
struct ObjectFilter {
    struct FieldTerm {
        var field: String
        var value: String
        var equal: Bool
    }

    var kind: ResourceKind
    var namespace: String?
    var labels: LabelSelector?
    var fields: [FieldTerm] = []

    /// The field selector's terms; nil with the API server's complaint for a field it does not
    /// support.
    static func fieldTerms(_ text: String, kind: ResourceKind) -> Result<[FieldTerm], APIResponseError> {
        var terms: [FieldTerm] = []
        for part in text.split(separator: ",") where !part.isEmpty {
            let s = String(part)
            let term: FieldTerm
            if let r = s.range(of: "!=") {
                term = FieldTerm(field: String(s[..<r.lowerBound]), value: String(s[r.upperBound...]), equal: false)
            } else if let r = s.range(of: "==") ?? s.range(of: "=") {
                term = FieldTerm(field: String(s[..<r.lowerBound]), value: String(s[r.upperBound...]), equal: true)
            } else {
                return .failure(APIResponseError(.badRequest("invalid selector: '\(s)'; can't understand '\(s)'")))
            }
            guard Self.supported(term.field, kind: kind) else {
                return .failure(APIResponseError(.badRequest("field label not supported: \(term.field)")))
            }
            terms.append(term)
        }
        return .success(terms)
    }

    private static func supported(_ field: String, kind: ResourceKind) -> Bool {
        if field == "metadata.name" || field == "metadata.namespace" { return true }
        switch kind {
        case .pod: return field == "spec.nodeName" || field == "status.phase"
        case .event: return field.hasPrefix("involvedObject.") || field == "reason" || field == "type"
        default: return false
        }
    }

    /// The object as this filter's kind serves it, nil when the filter does not select it: stsim
    /// stores EndpointSlices only, and a Service's slice reads as its `v1 Endpoints`.
    func served(_ object: KubeObject) -> KubeObject? {
        var o = object
        if kind == .endpoints, case .endpointSlice(let slice) = object { o = .endpoints(Endpoints(slice: slice)) }
        return matches(o) ? o : nil
    }

    func matches(_ object: KubeObject) -> Bool {
        guard object.kind == kind else { return false }
        if let namespace, kind.isNamespaced, object.metadata.namespace != namespace { return false }
        if let labels, !labels.matches(object.metadata.labels) { return false }
        return fields.allSatisfy { term in (Self.value(term.field, of: object) == term.value) == term.equal }
    }

    static func value(_ field: String, of object: KubeObject) -> String {
        switch (field, object) {
        case ("metadata.name", _): return object.metadata.name
        case ("metadata.namespace", _): return object.metadata.namespace
        case ("spec.nodeName", .pod(let p)): return p.spec.nodeName ?? ""
        case ("status.phase", .pod(let p)): return p.status.phase?.rawValue ?? ""
        case ("reason", .event(let e)): return e.reason
        case ("type", .event(let e)): return e.type.rawValue
        case (_, .event(let e)): return involved(field, e.involvedObject)
        default: return ""
        }
    }

    private static func involved(_ field: String, _ ref: ObjectReference) -> String {
        switch field {
        case "involvedObject.kind": ref.kind ?? ""
        case "involvedObject.name": ref.name
        case "involvedObject.namespace": ref.namespace ?? ""
        case "involvedObject.uid": ref.uid.map { "\($0)" } ?? ""
        case "involvedObject.apiVersion": ref.apiVersion ?? ""
        case "involvedObject.fieldPath": ref.fieldPath ?? ""
        case "involvedObject.resourceVersion": ref.resourceVersion ?? ""
        default: ""
        }
    }
}
