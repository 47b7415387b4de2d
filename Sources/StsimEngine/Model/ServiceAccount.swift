/// `v1 ServiceAccount`: the identity a pod's processes run as. Since 1.24 nothing fills
/// `secrets` on its own (tokens are projected into pods instead), so the SECRETS column of a
/// controller-made account reads 0.
public struct ServiceAccount: Codable, Hashable, Sendable {
    /// The account every namespace gets from the ServiceAccount controller, and pods default to.
    public static let defaultName = "default"

    public var metadata: ObjectMeta
    /// `secrets`: Secrets in the account's namespace that pods running as it may use.
    public var secrets: [SecretReference]
    /// `imagePullSecrets`: copied into a pod that names none, by the ServiceAccount admission.
    public var imagePullSecrets: [String]
    /// `automountServiceAccountToken`: whether pods get the API credentials volume (nil: yes).
    public var automountServiceAccountToken: Bool?

    public init(
        metadata: ObjectMeta = ObjectMeta(), secrets: [SecretReference] = [], imagePullSecrets: [String] = [],
        automountServiceAccountToken: Bool? = nil
    ) {
        self.metadata = metadata
        self.secrets = secrets
        self.imagePullSecrets = imagePullSecrets
        self.automountServiceAccountToken = automountServiceAccountToken
    }
}

/// An entry of a ServiceAccount's `secrets` (an `ObjectReference`: kubectl and the API read the
/// name; a namespace, when written, must be the account's own).
public struct SecretReference: Codable, Hashable, Sendable {
    public var name: String
    public var namespace: String?

    public init(name: String, namespace: String? = nil) {
        self.name = name
        self.namespace = namespace
    }
}

extension ServiceAccount: KubeResource {
    public static var resourceKind: ResourceKind { .serviceAccount }
    public init?(_ o: KubeObject) {
        guard case .serviceAccount(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .serviceAccount(self) }
}
