/// How a new cluster looks. The defaults are what a user gets without asking (issue 3).
public struct ClusterConfig: Codable, Sendable, Hashable {
    public var seed: UInt64 = 1
    /// Workers `node-1 ... node-N`, besides the control-plane node.
    public var workerCount: Int = 3
    public var controlPlaneName: String = "control-plane"
    /// Whether the default StorageClass `standard` exists.
    public var defaultStorageClass: Bool = true
    /// Provisioner named by the default class (minikube's: Immediate binding, reclaim Delete).
    public var defaultProvisioner: String = "k8s.io/minikube-hostpath"
    public var podCapacityPerNode: Int = 110
    public var timing: TimingProfile = TimingProfile()
    /// Changes retained between two `drainChanges` calls; more are counted, not kept.
    public var changeFeedLimit: Int = 20_000
    /// Events retained (oldest dropped first), on top of the 1 h TTL.
    public var eventRetentionLimit: Int = 20_000
    /// Records of the history that `expect order|never|within|throughout` read (oldest dropped
    /// first), about 200 bytes each: 200,000 hold a 10,000-pod scale-up from end to end.
    public var historyLimit: Int = 200_000
    public var namespace: String = "default"
    public var limits = ClusterLimits()

    public init() {}

    public init(
        seed: UInt64, workerCount: Int = 3, defaultStorageClass: Bool = true, timing: TimingProfile = TimingProfile()
    ) {
        self.seed = seed
        self.workerCount = workerCount
        self.defaultStorageClass = defaultStorageClass
        self.timing = timing
    }
}
