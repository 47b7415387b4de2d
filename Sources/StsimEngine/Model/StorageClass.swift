/// `storage.k8s.io/v1 StorageClass` (cluster-scoped; no spec/status in the API shape).
public struct StorageClass: Codable, Hashable, Sendable {
    public static let defaultClassAnnotation = "storageclass.kubernetes.io/is-default-class"

    public var metadata: ObjectMeta
    public var provisioner: String
    public var reclaimPolicy: ReclaimPolicy?
    public var volumeBindingMode: VolumeBindingMode?
    public var allowVolumeExpansion: Bool?
    public var parameters: [String: String]

    public init(
        metadata: ObjectMeta = ObjectMeta(), provisioner: String = "", reclaimPolicy: ReclaimPolicy? = nil,
        volumeBindingMode: VolumeBindingMode? = nil, allowVolumeExpansion: Bool? = nil,
        parameters: [String: String] = [:]
    ) {
        self.metadata = metadata
        self.provisioner = provisioner
        self.reclaimPolicy = reclaimPolicy
        self.volumeBindingMode = volumeBindingMode
        self.allowVolumeExpansion = allowVolumeExpansion
        self.parameters = parameters
    }

    public var isDefault: Bool { metadata.annotations[Self.defaultClassAnnotation] == "true" }
}
