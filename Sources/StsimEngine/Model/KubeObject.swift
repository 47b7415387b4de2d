/// An object of any stored kind. The store and the change feed carry these. `indirect`: each
/// object lives in one shared box, so a table slot or a change-feed entry costs a pointer.
public indirect enum KubeObject: Codable, Hashable, Sendable {
    case pod(Pod)
    case service(Service)
    case replicaSet(ReplicaSet)
    case statefulSet(StatefulSet)
    case persistentVolumeClaim(PersistentVolumeClaim)
    case persistentVolume(PersistentVolume)
    case storageClass(StorageClass)
    case node(Node)
    case endpointSlice(EndpointSlice)
    /// A view, never stored: `get endpoints` builds it from the Service's slice.
    case endpoints(Endpoints)
    case event(Event)
    case controllerRevision(ControllerRevision)
    case namespace(Namespace)
    case podDisruptionBudget(PodDisruptionBudget)
    case configMap(ConfigMap)
    case secret(Secret)
    case serviceAccount(ServiceAccount)
    case daemonSet(DaemonSet)

    public var kind: ResourceKind {
        switch self {
        case .pod: .pod
        case .service: .service
        case .replicaSet: .replicaSet
        case .statefulSet: .statefulSet
        case .persistentVolumeClaim: .persistentVolumeClaim
        case .persistentVolume: .persistentVolume
        case .storageClass: .storageClass
        case .node: .node
        case .endpointSlice: .endpointSlice
        case .endpoints: .endpoints
        case .event: .event
        case .controllerRevision: .controllerRevision
        case .namespace: .namespace
        case .podDisruptionBudget: .podDisruptionBudget
        case .configMap: .configMap
        case .secret: .secret
        case .serviceAccount: .serviceAccount
        case .daemonSet: .daemonSet
        }
    }

    public var metadata: ObjectMeta {
        get {
            switch self {
            case .pod(let o): o.metadata
            case .service(let o): o.metadata
            case .replicaSet(let o): o.metadata
            case .statefulSet(let o): o.metadata
            case .persistentVolumeClaim(let o): o.metadata
            case .persistentVolume(let o): o.metadata
            case .storageClass(let o): o.metadata
            case .node(let o): o.metadata
            case .endpointSlice(let o): o.metadata
            case .endpoints(let o): o.metadata
            case .event(let o): o.metadata
            case .controllerRevision(let o): o.metadata
            case .namespace(let o): o.metadata
            case .podDisruptionBudget(let o): o.metadata
            case .configMap(let o): o.metadata
            case .secret(let o): o.metadata
            case .serviceAccount(let o): o.metadata
            case .daemonSet(let o): o.metadata
            }
        }
        set {
            switch self {
            case .pod(var o):
                o.metadata = newValue
                self = .pod(o)
            case .service(var o):
                o.metadata = newValue
                self = .service(o)
            case .replicaSet(var o):
                o.metadata = newValue
                self = .replicaSet(o)
            case .statefulSet(var o):
                o.metadata = newValue
                self = .statefulSet(o)
            case .persistentVolumeClaim(var o):
                o.metadata = newValue
                self = .persistentVolumeClaim(o)
            case .persistentVolume(var o):
                o.metadata = newValue
                self = .persistentVolume(o)
            case .storageClass(var o):
                o.metadata = newValue
                self = .storageClass(o)
            case .node(var o):
                o.metadata = newValue
                self = .node(o)
            case .endpointSlice(var o):
                o.metadata = newValue
                self = .endpointSlice(o)
            case .endpoints(var o):
                o.metadata = newValue
                self = .endpoints(o)
            case .event(var o):
                o.metadata = newValue
                self = .event(o)
            case .controllerRevision(var o):
                o.metadata = newValue
                self = .controllerRevision(o)
            case .namespace(var o):
                o.metadata = newValue
                self = .namespace(o)
            case .podDisruptionBudget(var o):
                o.metadata = newValue
                self = .podDisruptionBudget(o)
            case .configMap(var o):
                o.metadata = newValue
                self = .configMap(o)
            case .secret(var o):
                o.metadata = newValue
                self = .secret(o)
            case .serviceAccount(var o):
                o.metadata = newValue
                self = .serviceAccount(o)
            case .daemonSet(var o):
                o.metadata = newValue
                self = .daemonSet(o)
            }
        }
    }

    public var name: String { metadata.name }
    public var namespace: String { metadata.namespace }
    public var key: ObjectKey {
        switch self {
        case .pod(let o): ObjectKey(kind: .pod, namespace: o.metadata.namespace, name: o.metadata.name)
        default: ObjectKey(kind: kind, namespace: metadata.namespace, name: metadata.name)
        }
    }

    /// Single fields read without copying the whole `metadata` (the store's hot path).
    var uid: UID? {
        switch self {
        case .pod(let o): o.metadata.uid
        default: metadata.uid
        }
    }

    var ownerReferences: [OwnerReference] {
        switch self {
        case .pod(let o): o.metadata.ownerReferences
        default: metadata.ownerReferences
        }
    }

    var podNodeName: String? {
        if case .pod(let o) = self { return o.spec.nodeName }
        return nil
    }
}

/// Identifies one object: kind, namespace ("" when cluster-scoped) and name.
public struct ObjectKey: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: ResourceKind
    public var namespace: String
    public var name: String

    public init(kind: ResourceKind, namespace: String, name: String) {
        self.kind = kind
        self.namespace = kind.isNamespaced ? namespace : ""
        self.name = name
    }

    /// Kind, then namespace, then name in byte order (kubectl lists in name byte order, 11.1).
    public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.namespace != b.namespace { return a.namespace.utf8.lexicographicallyPrecedes(b.namespace.utf8) }
        return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
    }

    public var description: String {
        namespace.isEmpty ? "\(kind.singular)/\(name)" : "\(kind.singular)/\(namespace)/\(name)"
    }
}

/// A Swift type stored under one kind.
public protocol KubeResource: Hashable, Sendable {
    static var resourceKind: ResourceKind { get }
    var metadata: ObjectMeta { get set }
    init?(_ object: KubeObject)
    var erased: KubeObject { get }
}

extension Pod: KubeResource {
    public static var resourceKind: ResourceKind { .pod }
    public init?(_ o: KubeObject) {
        guard case .pod(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .pod(self) }
}
extension Service: KubeResource {
    public static var resourceKind: ResourceKind { .service }
    public init?(_ o: KubeObject) {
        guard case .service(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .service(self) }
}
extension ReplicaSet: KubeResource {
    public static var resourceKind: ResourceKind { .replicaSet }
    public init?(_ o: KubeObject) {
        guard case .replicaSet(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .replicaSet(self) }
}
extension DaemonSet: KubeResource {
    public static var resourceKind: ResourceKind { .daemonSet }
    public init?(_ o: KubeObject) {
        guard case .daemonSet(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .daemonSet(self) }
}
extension StatefulSet: KubeResource {
    public static var resourceKind: ResourceKind { .statefulSet }
    public init?(_ o: KubeObject) {
        guard case .statefulSet(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .statefulSet(self) }
}
extension PersistentVolumeClaim: KubeResource {
    public static var resourceKind: ResourceKind { .persistentVolumeClaim }
    public init?(_ o: KubeObject) {
        guard case .persistentVolumeClaim(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .persistentVolumeClaim(self) }
}
extension PersistentVolume: KubeResource {
    public static var resourceKind: ResourceKind { .persistentVolume }
    public init?(_ o: KubeObject) {
        guard case .persistentVolume(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .persistentVolume(self) }
}
extension StorageClass: KubeResource {
    public static var resourceKind: ResourceKind { .storageClass }
    public init?(_ o: KubeObject) {
        guard case .storageClass(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .storageClass(self) }
}
extension Node: KubeResource {
    public static var resourceKind: ResourceKind { .node }
    public init?(_ o: KubeObject) {
        guard case .node(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .node(self) }
}
extension EndpointSlice: KubeResource {
    public static var resourceKind: ResourceKind { .endpointSlice }
    public init?(_ o: KubeObject) {
        guard case .endpointSlice(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .endpointSlice(self) }
}
extension Event: KubeResource {
    public static var resourceKind: ResourceKind { .event }
    public init?(_ o: KubeObject) {
        guard case .event(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .event(self) }
}
extension ControllerRevision: KubeResource {
    public static var resourceKind: ResourceKind { .controllerRevision }
    public init?(_ o: KubeObject) {
        guard case .controllerRevision(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .controllerRevision(self) }
}
extension PodDisruptionBudget: KubeResource {
    public static var resourceKind: ResourceKind { .podDisruptionBudget }
    public init?(_ o: KubeObject) {
        guard case .podDisruptionBudget(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .podDisruptionBudget(self) }
}
extension ConfigMap: KubeResource {
    public static var resourceKind: ResourceKind { .configMap }
    public init?(_ o: KubeObject) {
        guard case .configMap(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .configMap(self) }
}
extension Secret: KubeResource {
    public static var resourceKind: ResourceKind { .secret }
    public init?(_ o: KubeObject) {
        guard case .secret(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .secret(self) }
}
