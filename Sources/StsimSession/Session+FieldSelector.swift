import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// `get --field-selector`: the API server's filter on a list. A field the kind does not
    /// select on is the server's refusal, in the words kubectl prints.
    func fieldSelected(
        _ objects: [KubeObject], kind: ResourceKind, by selector: FieldSelector, labels: String?
    ) throws -> [KubeObject] {
        let known = ["metadata.name", "metadata.namespace"] + FieldSelector.fields(of: kind)
        if let unknown = selector.terms.first(where: { !known.contains($0.field) }) {
            let resource = "\(kind.apiVersion == "v1" ? "/v1" : kind.apiVersion), Resource=\(kind.plural)"
            throw Diagnostic(
                at: selector.location,
                "Error from server (BadRequest): Unable to find \"\(resource)\" that match label selector \"\(labels ?? "")\", "
                    + "field selector \"\(selector.text)\": \"\(unknown.field)\" is not a known field selector: "
                    + "only \"metadata.name\", \"metadata.namespace\"",
                hint: known.count > 2
                    ? "\(kind.plural) also select on \(known.dropFirst(2).joined(separator: ", "))" : nil)
        }
        return objects.filter { object in
            let tree = ManifestWriter.wire(object, timestamps: Session.timestamps)
            return selector.terms.allSatisfy { term in
                (Self.fieldValue(tree, term.field) == term.value) == term.equal
            }
        }
    }

    /// The field as the server's field set holds it: text, `true`/`false`, or empty when unset.
    private static func fieldValue(_ tree: WireValue, _ field: String) -> String {
        let path = field == "source" ? "source.component" : field
        var value: WireValue? = tree
        for part in path.split(separator: ".") { value = value?.fields?.first { $0.0 == part }?.1 }
        switch value {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .bool(let b)?: return b ? "true" : "false"
        default: return ""
        }
    }
}
