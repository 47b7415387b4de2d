/// `v1/PersistentVolumeClaim`.
public struct PersistentVolumeClaim: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: PersistentVolumeClaimSpec
    public var status: PersistentVolumeClaimStatus

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: PersistentVolumeClaimSpec = PersistentVolumeClaimSpec(),
        status: PersistentVolumeClaimStatus = PersistentVolumeClaimStatus()
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// `GetPersistentVolumeClaimClass`: absent counts as "" (8.1).
    public var storageClass: String { spec.storageClassName ?? "" }
}

public struct PersistentVolumeClaimSpec: Codable, Hashable, Sendable {
    public var accessModes: [PersistentVolumeAccessMode]
    /// `resources.requests.storage`.
    public var storageRequest: Quantity?
    public var storageClassName: String?
    public var volumeMode: PersistentVolumeMode?
    public var volumeName: String?
    public var selector: LabelSelector?

    public init(
        accessModes: [PersistentVolumeAccessMode] = [], storageRequest: Quantity? = nil,
        storageClassName: String? = nil, volumeMode: PersistentVolumeMode? = nil,
        volumeName: String? = nil, selector: LabelSelector? = nil
    ) {
        self.accessModes = accessModes
        self.storageRequest = storageRequest
        self.storageClassName = storageClassName
        self.volumeMode = volumeMode
        self.volumeName = volumeName
        self.selector = selector
    }
}

public enum PersistentVolumeClaimPhase: String, Codable, Hashable, Sendable {
    case pending = "Pending"
    case bound = "Bound"
    case lost = "Lost"
}

public struct PersistentVolumeClaimStatus: Codable, Hashable, Sendable {
    public var phase: PersistentVolumeClaimPhase?
    public var accessModes: [PersistentVolumeAccessMode]
    /// `status.capacity.storage`: the bound PV's size.
    public var capacity: Quantity?

    public init(
        phase: PersistentVolumeClaimPhase? = nil, accessModes: [PersistentVolumeAccessMode] = [],
        capacity: Quantity? = nil
    ) {
        self.phase = phase
        self.accessModes = accessModes
        self.capacity = capacity
    }
}
