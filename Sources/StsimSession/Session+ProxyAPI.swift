import StsimEngine
import StsimManifests
import StsimRender

/// kubectl proxy passes every path to the API server, not only `.../proxy/`: `/version`, and the
/// objects' own paths (`/api/v1/namespaces/NS/pods[/NAME]`, `/apis/apps/v1/...`), read with GET.
/// The server indents its JSON for curl (apiserver's responsewriters do for a curl or wget
/// User-Agent) with two spaces, in its own field order; list items carry no kind or apiVersion.
struct APIPath {
    enum Target {
        case version
        case list(ResourceKind, namespace: String?)
        case object(ResourceKind, namespace: String?, name: String)
    }

    let target: Target

    init?(_ full: String) {
        let path = full.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if path == "/version" || path == "/version/" {
            target = .version
            return
        }
        var parts = path.split(separator: "/").map(String.init)
        let group: String
        if parts.count >= 2, parts[0] == "api", parts[1] == "v1" {
            group = ""
            parts.removeFirst(2)
        } else if parts.count >= 3, parts[0] == "apis", parts[2] == "v1" {
            group = parts[1]
            parts.removeFirst(3)
        } else {
            return nil
        }
        var namespace: String?
        if parts.count >= 3, parts[0] == "namespaces" {
            namespace = parts[1]
            parts.removeFirst(2)
        } else if group.isEmpty, parts.count == 2, parts[0] == "namespaces" {
            target = .object(.namespace, namespace: nil, name: parts[1])
            return
        }
        guard (1...2).contains(parts.count),
            let kind = ResourceKind.allCases.first(where: { $0.plural == parts[0] && $0.group == group }),
            namespace == nil || kind.isNamespaced
        else { return nil }
        target =
            parts.count == 1 ? .list(kind, namespace: namespace) : .object(kind, namespace: namespace, name: parts[1])
    }
}

extension Session {
    /// The API server's answer to a GET on `path`: status, and the body.
    func apiAnswer(_ path: APIPath) -> (status: Int, body: String) {
        let t = Session.timestamps
        switch path.target {
        case .version:
            return (200, JSONEmitter.apiDocument(ServerVersion.wire))
        case .list(let kind, let namespace):
            let objects = cluster.list(kind, namespace: namespace, allNamespaces: namespace == nil && kind.isNamespaced)
            let items: [WireValue] = objects.map { object in
                guard case .object(let fields) = ManifestWriter.wire(object, timestamps: t) else { return .null }
                return .object(fields.filter { $0.0 != "kind" && $0.0 != "apiVersion" })
            }
            let list = WireValue.object([
                ("kind", .string(kind.kind + "List")), ("apiVersion", .string(kind.apiVersion)),
                ("metadata", .object([("resourceVersion", .string(String(cluster.resourceVersion)))])),
                ("items", .array(items)),
            ])
            return (200, JSONEmitter.apiDocument(list))
        case .object(let kind, let namespace, let name):
            let found = cluster.list(kind, namespace: namespace).first { $0.metadata.name == name }
            guard let object = found else {
                let e = APIError.notFound(kind, name)
                return (e.code, StatusJSON.render(e))
            }
            return (200, JSONEmitter.apiDocument(ManifestWriter.wire(object, timestamps: t)))
        }
    }
}
