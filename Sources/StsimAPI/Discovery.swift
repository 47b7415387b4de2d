import StsimEngine
import StsimManifests

/// `/version`, aggregated discovery (what kubectl 1.32 asks for first) and the legacy documents
/// (what older clients read), built from ServedResources.
enum Discovery {
    static let aggregatedType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    /// minor "32": Google Cloud SDK's kubectl dispatcher picks the client matching the server.
    static let version =
        ServerVersion.compactJSON

    static func aggregated(core: Bool) -> String {
        let items = ServedResources.groups.filter { $0.name.isEmpty == core }.map { group in
            let resources = group.kinds.map(aggregatedResource).joined(separator: ",")
            return
                #"{"metadata":{"name":"\#(group.name)"},"versions":[{"version":"v1","freshness":"Current","resources":[\#(resources)]}]}"#
        }
        return
            #"{"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","metadata":{},"items":[\#(items.joined(separator: ","))]}"#
    }

    private static func aggregatedResource(_ k: ResourceKind) -> String {
        let subresources = ServedResources.subresources(k).map {
            #"{"subresource":"\#($0.name)","responseKind":{"group":"\#($0.group)","version":"v1","kind":"\#($0.kind)"},"verbs":\#($0.verbs)}"#
        }
        return
            #"{"resource":"\#(k.plural)","responseKind":{"group":"\#(k.group)","version":"v1","kind":"\#(k.kind)"},"scope":"\#(k.isNamespaced ? "Namespaced" : "Cluster")","singularResource":"\#(k.singular)","shortNames":\#(strings(k.shortNames)),"categories":\#(ServedResources.isAll(k) ? #"["all"]"# : "[]"),"verbs":\#(ServedResources.verbs),"subresources":[\#(subresources.joined(separator: ","))]}"#
    }

    static let legacyVersions =
        #"{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1:6443"}]}"#

    static var legacyGroups: String {
        let groups = ServedResources.groups.filter { !$0.name.isEmpty }.map { g in
            let v = #"{"groupVersion":"\#(g.groupVersion)","version":"v1"}"#
            return #"{"name":"\#(g.name)","versions":[\#(v)],"preferredVersion":\#(v)}"#
        }
        return #"{"kind":"APIGroupList","apiVersion":"v1","groups":[\#(groups.joined(separator: ","))]}"#
    }

    static func legacyResources(_ group: ServedResources.Group) -> String {
        var resources: [String] = []
        for k in group.kinds {
            resources.append(
                #"{"name":"\#(k.plural)","singularName":"\#(k.singular)","namespaced":\#(k.isNamespaced),"kind":"\#(k.kind)","verbs":\#(ServedResources.verbs),"shortNames":\#(strings(k.shortNames)),"categories":\#(ServedResources.isAll(k) ? #"["all"]"# : "[]")}"#
            )
            for s in ServedResources.subresources(k) {
                let gv = s.group == group.name ? "" : #""group":"\#(s.group)","version":"v1","#
                resources.append(
                    #"{"name":"\#(k.plural)/\#(s.name)","singularName":"","namespaced":\#(k.isNamespaced),\#(gv)"kind":"\#(s.kind)","verbs":\#(s.verbs)}"#
                )
            }
        }
        return
            #"{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"\#(group.groupVersion)","resources":[\#(resources.joined(separator: ","))]}"#
    }

    static func strings(_ values: [String]) -> String {
        "[" + values.map(JSONEmitter.string).joined(separator: ",") + "]"
    }
}
