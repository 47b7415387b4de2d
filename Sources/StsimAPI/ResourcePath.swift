import StsimEngine

/// `/api/v1/namespaces/default/pods/web-0/log` taken apart: kind, namespace (nil: all, or a
/// cluster-scoped kind), name and subresource.
struct ResourcePath {
    var kind: ResourceKind
    var namespace: String?
    var name: String?
    var subresource: String?

    /// nil when the path names no served resource.
    init?(_ segments: [String]) {
        var rest: ArraySlice<String>
        let group: String
        if segments.count >= 3, segments[0] == "api", segments[1] == "v1" {
            group = ""
            rest = segments[2...]
        } else if segments.count >= 4, segments[0] == "apis", segments[2] == "v1" {
            group = segments[1]
            rest = segments[3...]
        } else {
            return nil
        }
        if rest.first == "namespaces", rest.count >= 3 {
            namespace = rest.dropFirst().first
            rest = rest.dropFirst(2)
        }
        guard let plural = rest.first, let kind = ServedResources.kind(group: group, plural: plural) else { return nil }
        self.kind = kind
        if !kind.isNamespaced && namespace != nil { return nil }
        name = rest.dropFirst().first
        subresource = rest.dropFirst(2).first
        if rest.count > 3 { return nil }
    }
}
