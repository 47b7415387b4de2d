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
    /// Node affinity reduced to the forms stsim needs: the hostnames the volume is reachable from,
    /// and a topology requirement such as a zone (`topology.gke.io/zone In [us-central1-a]`).
    public var nodeAffinityHostnames: [String]?
    public var nodeAffinityTopology: TopologyRequirement?

    public init(
        capacity: Quantity? = nil, accessModes: [PersistentVolumeAccessMode] = [],
        persistentVolumeReclaimPolicy: ReclaimPolicy? = nil, storageClassName: String? = nil,
        volumeMode: PersistentVolumeMode? = nil, claimRef: ObjectReference? = nil,
        source: PersistentVolumeSource? = nil, nodeAffinityHostnames: [String]? = nil,
        nodeAffinityTopology: TopologyRequirement? = nil
    ) {
        self.capacity = capacity
        self.accessModes = accessModes
        self.persistentVolumeReclaimPolicy = persistentVolumeReclaimPolicy
        self.storageClassName = storageClassName
        self.volumeMode = volumeMode
        self.claimRef = claimRef
        self.source = source
        self.nodeAffinityHostnames = nodeAffinityHostnames
        self.nodeAffinityTopology = nodeAffinityTopology
    }

    /// Whether a node may use the volume: every affinity requirement holds on its labels.
    public func reachable(from node: Node) -> Bool {
        if let hosts = nodeAffinityHostnames, !hosts.contains(node.metadata.name) { return false }
        if let t = nodeAffinityTopology, !t.values.contains(node.metadata.labels[t.key] ?? "") { return false }
        return true
    }
}

/// A `KEY In [VALUES]` term of a volume's required node affinity, other than the hostname.
public struct TopologyRequirement: Codable, Hashable, Sendable {
    public var key: String
    public var values: [String]
    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
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
