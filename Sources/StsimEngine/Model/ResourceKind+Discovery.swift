/// What the API server says about its kinds in discovery (`kubectl api-resources`, the loopback
/// API's documents): the groups it serves, in the order it serves them, and each kind's verbs
/// and categories.
extension ResourceKind {
    /// The served kinds by group, the core group first; within a group, by resource name, as a
    /// real server lists them.
    public static let servedGroups: [(group: String, kinds: [ResourceKind])] = [
        (
            "",
            [
                .configMap, .endpoints, .event, .namespace, .node, .persistentVolumeClaim, .persistentVolume, .pod,
                .secret,
                .serviceAccount, .service,
            ]
        ),
        ("apps", [.controllerRevision, .daemonSet, .replicaSet, .statefulSet]),
        ("discovery.k8s.io", [.endpointSlice]),
        ("policy", [.podDisruptionBudget]),
        ("storage.k8s.io", [.storageClass]),
    ]

    /// Every served kind supports the same verbs here.
    public static let servedVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    /// `all` for the kinds `kubectl get all` lists.
    public var categories: [String] {
        [.pod, .service, .daemonSet, .replicaSet, .statefulSet].contains(self) ? ["all"] : []
    }
}
