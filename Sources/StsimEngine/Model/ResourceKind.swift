/// Every kind stsim knows, with the names kubectl accepts for it.
public enum ResourceKind: String, Codable, CaseIterable, Hashable, Sendable, Comparable {
    case pod, service, replicaSet, statefulSet, persistentVolumeClaim, persistentVolume
    case storageClass, node, endpoints, endpointSlice, event, controllerRevision
    /// Last, so that adding it kept the order of every other kind (`<`, `get all`).
    case namespace
    // Last, so that the kinds before keep their order (and saved states their slots).
    case podDisruptionBudget
    // Last again, for the same reason.
    case configMap, secret
    // Last again, for the same reason.
    case serviceAccount
    // Last again, for the same reason.
    case daemonSet

    /// `kind:` as written in manifests.
    public var kind: String {
        switch self {
        case .pod: "Pod"
        case .service: "Service"
        case .replicaSet: "ReplicaSet"
        case .statefulSet: "StatefulSet"
        case .persistentVolumeClaim: "PersistentVolumeClaim"
        case .persistentVolume: "PersistentVolume"
        case .storageClass: "StorageClass"
        case .node: "Node"
        case .endpoints: "Endpoints"
        case .endpointSlice: "EndpointSlice"
        case .event: "Event"
        case .controllerRevision: "ControllerRevision"
        case .namespace: "Namespace"
        case .podDisruptionBudget: "PodDisruptionBudget"
        case .configMap: "ConfigMap"
        case .secret: "Secret"
        case .serviceAccount: "ServiceAccount"
        case .daemonSet: "DaemonSet"
        }
    }

    /// The resource name (`pods`, `statefulsets`), as in URLs and error messages.
    public var plural: String {
        switch self {
        case .endpoints: "endpoints"
        case .storageClass: "storageclasses"
        default: kind.lowercased() + "s"
        }
    }

    public var singular: String { kind.lowercased() }

    public var shortNames: [String] {
        switch self {
        case .pod: ["po"]
        case .service: ["svc"]
        case .replicaSet: ["rs"]
        case .statefulSet: ["sts"]
        case .persistentVolumeClaim: ["pvc"]
        case .persistentVolume: ["pv"]
        case .storageClass: ["sc"]
        case .node: ["no"]
        case .endpoints: ["ep"]
        case .endpointSlice: []
        case .event: ["ev"]
        case .controllerRevision: []
        case .namespace: ["ns"]
        case .podDisruptionBudget: ["pdb"]
        case .configMap: ["cm"]
        case .secret: []
        case .serviceAccount: ["sa"]
        case .daemonSet: ["ds"]
        }
    }

    /// API group ("" for the core group).
    public var group: String {
        switch self {
        case .replicaSet, .statefulSet, .controllerRevision, .daemonSet: "apps"
        case .storageClass: "storage.k8s.io"
        case .endpointSlice: "discovery.k8s.io"
        case .podDisruptionBudget: "policy"
        default: ""
        }
    }

    public var version: String { "v1" }
    /// `apiVersion:` as written in manifests (`v1`, `apps/v1`).
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `statefulsets.apps`, `pods`: the qualified resource in API error messages.
    public var qualifiedResource: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// `statefulset.apps`, `pod`: the prefix of `kind/name` in kubectl confirmations.
    public var qualifiedSingular: String { group.isEmpty ? singular : "\(singular).\(group)" }

    public var isNamespaced: Bool {
        switch self {
        case .node, .persistentVolume, .storageClass, .namespace: false
        default: true
        }
    }

    /// Looks a kind up by any name kubectl accepts: singular, plural, short name, kind, or
    /// `plural.group` (`statefulsets.apps`). Case-insensitive like kubectl.
    public init?(name: String) {
        let n = name.lowercased()
        for k in Self.allCases {
            if n == k.singular || n == k.plural || k.shortNames.contains(n) || n == k.qualifiedResource
                || n == k.qualifiedSingular
            {
                self = k
                return
            }
        }
        return nil
    }

    /// Looks a kind up from a manifest's `apiVersion` and `kind`.
    public init?(apiVersion: String, kind: String) {
        guard let k = Self.allCases.first(where: { $0.kind == kind && $0.apiVersion == apiVersion }) else { return nil }
        self = k
    }

    public static func < (a: ResourceKind, b: ResourceKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
