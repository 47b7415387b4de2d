/// `v1/PersistentVolume` (cluster-scoped).
public struct PersistentVolume: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: PersistentVolumeSpec
    public var status: PersistentVolumeStatus

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: PersistentVolumeSpec = PersistentVolumeSpec(),
        status: PersistentVolumeStatus = PersistentVolumeStatus()
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// `GetPersistentVolumeClass`: absent counts as "" (8.1).
    public var storageClass: String { spec.storageClassName ?? "" }
}

/// `spec.claimRef`.
public struct ObjectReference: Codable, Hashable, Sendable {
    public var kind: String?
    public var apiVersion: String?
    public var namespace: String?
    public var name: String
    public var uid: UID?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(
        kind: String? = nil, apiVersion: String? = nil, namespace: String? = nil, name: String,
        uid: UID? = nil, resourceVersion: String? = nil, fieldPath: String? = nil
    ) {
        self.kind = kind
        self.apiVersion = apiVersion
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.fieldPath = fieldPath
    }
}

public enum PersistentVolumeSource: Codable, Hashable, Sendable {
    case hostPath(path: String, type: String?)
    case local(path: String)
    case nfs(server: String, path: String)
    /// A volume made by a provisioner; stsim keeps its files itself.
    case csi(driver: String, volumeHandle: String)
}

public struct PersistentVolumeSpec: Codable, Hashable, Sendable {
    public var capacity: Quantity?
    public var accessModes: [PersistentVolumeAccessMode]
    public var persistentVolumeReclaimPolicy: ReclaimPolicy?
    public var storageClassName: String?
    public var volumeMode: PersistentVolumeMode?
    public var claimRef: ObjectReference?
    public var source: PersistentVolumeSource?
    /// Node affinity reduced to the one form stsim needs: the hostnames the volume is reachable from.
    public var nodeAffinityHostnames: [String]?

    public init(
        capacity: Quantity? = nil, accessModes: [PersistentVolumeAccessMode] = [],
        persistentVolumeReclaimPolicy: ReclaimPolicy? = nil, storageClassName: String? = nil,
        volumeMode: PersistentVolumeMode? = nil, claimRef: ObjectReference? = nil,
        source: PersistentVolumeSource? = nil, nodeAffinityHostnames: [String]? = nil
    ) {
        self.capacity = capacity
        self.accessModes = accessModes
        self.persistentVolumeReclaimPolicy = persistentVolumeReclaimPolicy
        self.storageClassName = storageClassName
        self.volumeMode = volumeMode
        self.claimRef = claimRef
        self.source = source
        self.nodeAffinityHostnames = nodeAffinityHostnames
    }
}

public enum PersistentVolumePhase: String, Codable, Hashable, Sendable {
    case pending = "Pending"
    case available = "Available"
    case bound = "Bound"
    case released = "Released"
    case failed = "Failed"
}

public struct PersistentVolumeStatus: Codable, Hashable, Sendable {
    public var phase: PersistentVolumePhase?
    public var reason: String?
    public var message: String?
    public var lastPhaseTransitionTime: VirtualTime?

    public init(
        phase: PersistentVolumePhase? = nil, reason: String? = nil, message: String? = nil,
        lastPhaseTransitionTime: VirtualTime? = nil
    ) {
        self.phase = phase
        self.reason = reason
        self.message = message
        self.lastPhaseTransitionTime = lastPhaseTransitionTime
    }
}
