import StsimEngine
import Yams

/// One object a manifest names, for commands that need only its identity (`delete -f FILE`,
/// `get -f FILE`): kubectl resolves kind and name and ignores the rest of the document.
public struct ManifestReference: Hashable, Sendable {
    public var kind: ResourceKind
    public var name: String
    /// As written; "" means the session's current namespace.
    public var namespace: String
    public var location: SourceLocation
}

extension ManifestLoader {
    /// The objects `text` names, in file order, and the findings about documents that name none
    /// (syntax errors, unknown kinds, missing names). Unknown fields and invalid values do not
    /// matter here, as for kubectl.
    public static func references(text: String, file: String, firstLine: Int = 1) -> (
        references: [ManifestReference], diagnostics: [Diagnostic]
    ) {
        let source = ManifestSource(text: text, file: file, firstLine: firstLine)
        let documents: [YAMLNode]
        switch YAMLDocuments.parse(text, source: source) {
        case .success(let d): documents = d
        case .failure(let f): return ([], [f.diagnostic])
        }
        var refs: [ManifestReference] = []
        var diagnostics: [Diagnostic] = []
        func visit(_ node: YAMLNode, listKind: String?, listVersion: String?) {
            guard case .mapping(let m) = node else { return }
            let location = source.location(node.mark)
            let kind = m["kind"]?.scalar?.string ?? listKind ?? ""
            let apiVersion = m["apiVersion"]?.scalar?.string ?? (listKind == nil ? "" : listVersion ?? "")
            if kind == "List" || kind.hasSuffix("List"), case .sequence(let items)? = m["items"] {
                let itemKind = kind == "List" ? nil : String(kind.dropLast(4))
                for item in items { visit(item, listKind: itemKind, listVersion: apiVersion) }
                return
            }
            switch KindResolver.resolve(apiVersion: apiVersion, kind: kind) {
            case .kind(let k):
                let meta = m["metadata"]?.mapping
                let name = meta?["name"]?.scalar?.string ?? ""
                if name.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location, "resource name may not be empty",
                            sourceLine: source.lineText(at: location)))
                } else {
                    refs.append(
                        ManifestReference(
                            kind: k, name: name, namespace: meta?["namespace"]?.scalar?.string ?? "", location: location
                        ))
                }
            case .noMatch(let message, let hint):
                diagnostics.append(
                    Diagnostic(.error, at: location, message, sourceLine: source.lineText(at: location), hint: hint))
            }
        }
        for d in documents { visit(d, listKind: nil, listVersion: nil) }
        return (refs, diagnostics)
    }
}
