import StsimEngine

/// The kinds the API serves, in discovery order (the order `kubectl get all` lists them in).
enum ServedResources {
    struct Group {
        /// "" for the core group.
        var name: String
        var kinds: [ResourceKind]
        var groupVersion: String { name.isEmpty ? "v1" : "\(name)/v1" }
        /// The URL root: `/api/v1` or `/apis/apps/v1`.
        var root: String { name.isEmpty ? "api/v1" : "apis/\(name)/v1" }
    }

    static let groups: [Group] = ResourceKind.servedGroups.map { Group(name: $0.group, kinds: $0.kinds) }

    static func kind(group: String, plural: String) -> ResourceKind? {
        groups.first { $0.name == group }?.kinds.first { $0.plural == plural }
    }

    static func isAll(_ kind: ResourceKind) -> Bool { kind.categories == ["all"] }

    static let verbs = "[" + ResourceKind.servedVerbs.map { "\"\($0)\"" }.joined(separator: ",") + "]"

    /// Subresources: name, the kind it answers with (group, kind), and its verbs.
    static func subresources(_ kind: ResourceKind) -> [(name: String, group: String, kind: String, verbs: String)] {
        switch kind {
        case .pod:
            [
                ("eviction", "policy", "Eviction", #"["create"]"#),
                ("exec", "", "PodExecOptions", #"["create","get"]"#),
                ("log", "", "Pod", #"["get"]"#),
                ("status", "", "Pod", #"["get","patch","update"]"#),
            ]
        case .statefulSet, .replicaSet:
            [
                ("scale", "autoscaling", "Scale", #"["get","patch","update"]"#),
                ("status", "apps", kind.kind, #"["get","patch","update"]"#),
            ]
        case .podDisruptionBudget:
            [("status", "policy", kind.kind, #"["get","patch","update"]"#)]
        default: []
        }
    }
}
