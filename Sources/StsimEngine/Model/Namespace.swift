/// `v1 Namespace` (cluster-scoped). Its objects live under its name; deleting it deletes them
/// first (the namespace controller), so it shows `Terminating` until they are gone.
public struct Namespace: Codable, Hashable, Sendable {
    /// The label the API server sets on every namespace (1.21+), equal to its name.
    public static let nameLabel = "kubernetes.io/metadata.name"
    /// `spec.finalizers`: the namespace controller's own, removed once the contents are gone.
    public static let kubernetesFinalizer = "kubernetes"
    /// The namespaces every cluster starts with (kubeadm, kind, minikube, GKE, EKS alike).
    public static let initial = ["default", "kube-node-lease", "kube-public", "kube-system"]
    /// The API server's lifecycle admission refuses to delete these (NamespaceLifecycle plugin).
    public static let immortal: Set<String> = ["default", "kube-system", "kube-public"]
    /// Where the distribution's own pods run (CoreDNS, the control plane, kind's provisioner): stsim's
    /// summaries, watch lines and faults are about the learner's pods, so they leave these out.
    public static let system: Set<String> = ["kube-system", "local-path-storage"]

    public enum Phase: String, Codable, Sendable {
        case active = "Active"
        case terminating = "Terminating"
    }

    public var metadata: ObjectMeta
    public var finalizers: [String]
    public var phase: Phase?

    public init(metadata: ObjectMeta = ObjectMeta(), finalizers: [String] = [], phase: Phase? = nil) {
        self.metadata = metadata
        self.finalizers = finalizers
        self.phase = phase
    }

    public static func make(_ name: String) -> Namespace { Namespace(metadata: ObjectMeta(name: name)) }
}

extension Namespace: KubeResource {
    public static var resourceKind: ResourceKind { .namespace }
    public init?(_ o: KubeObject) {
        guard case .namespace(let x) = o else { return nil }
        self = x
    }
    public var erased: KubeObject { .namespace(self) }
}
