/// `projected`: one directory gathering several sources (core/v1 ProjectedVolumeSource). The
/// ServiceAccount admission adds one to every pod, `kube-api-access-xxxxx`: the account's token,
/// the cluster CA from `kube-root-ca.crt`, and the pod's namespace.
public struct ProjectedVolumeSource: Codable, Hashable, Sendable {
    public enum Source: Codable, Hashable, Sendable {
        /// A token for the pod's ServiceAccount, at `path`.
        case serviceAccountToken(path: String, expirationSeconds: Int?, audience: String?)
        /// A ConfigMap's keys (`name`, `items`, `optional`; a projection has no `defaultMode`).
        case configMap(KeyProjection)
        case secret(KeyProjection)
        /// Fields of the pod itself, each at its path.
        case downwardAPI([DownwardAPIFile])
    }

    public var sources: [Source]
    /// The files' permission bits; the API server defaults it to 0644 (420).
    public var defaultMode: Int?

    public init(sources: [Source], defaultMode: Int? = nil) {
        self.sources = sources
        self.defaultMode = defaultMode
    }

    /// The admission plugin's path for the token volume (`DefaultAPITokenMountPath`).
    public static let apiAccessMountPath = "/var/run/secrets/kubernetes.io/serviceaccount"
    /// The volume's name before its random suffix.
    public static let apiAccessPrefix = "kube-api-access-"
    /// `WarnOnlyBoundTokenExpirationSeconds`: 1 h plus 7 s, which marks the token as one the API
    /// server may extend (to a year) and warns about once it is past the hour.
    public static let apiAccessExpirationSeconds = 3607

    /// `TokenVolumeSource()` of the ServiceAccount admission plugin.
    public static let apiAccess = ProjectedVolumeSource(
        sources: [
            .serviceAccountToken(path: "token", expirationSeconds: apiAccessExpirationSeconds, audience: nil),
            .configMap(KeyProjection(name: "kube-root-ca.crt", items: [.init(key: "ca.crt", path: "ca.crt")])),
            .downwardAPI([DownwardAPIFile(path: "namespace", fieldPath: "metadata.namespace", apiVersion: "v1")]),
        ],
        defaultMode: 420)
}

/// One `downwardAPI` item: a pod field (`fieldRef`) as a file.
public struct DownwardAPIFile: Codable, Hashable, Sendable {
    public var path: String
    public var fieldPath: String
    public var apiVersion: String?
    public var mode: Int?

    public init(path: String, fieldPath: String, apiVersion: String? = nil, mode: Int? = nil) {
        self.path = path
        self.fieldPath = fieldPath
        self.apiVersion = apiVersion
        self.mode = mode
    }
}
