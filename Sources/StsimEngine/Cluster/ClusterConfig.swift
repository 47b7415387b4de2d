/// How a new cluster looks. The defaults are what a user gets without asking (issue 3).
public struct ClusterConfig: Codable, Sendable, Hashable {
    public var seed: UInt64 = 1
    /// Which real cluster's nodes and storage to imitate (`--cluster`).
    public var profile: ClusterProfile = .stsim
    /// Nodes that take workloads (`node-1 ... node-N` in the stsim profile), besides any
    /// control-plane node the profile has.
    public var workerCount: Int = 3
    /// Whether the profile's StorageClasses are installed (tests turn them off).
    public var defaultStorageClass: Bool = true
    /// Where requests "from the control plane" come from (the API server's proxy).
    public var controlPlaneName: String { profile.controlPlaneName ?? "control-plane" }
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
    /// Set only once a gate is named, so a state saved without gates reads back, and one saved
    /// with the defaults writes what it always wrote.
    var gateSettings: FeatureGates?
    /// `--feature-gates`, `set feature-gate`: what the API server and the controllers enable.
    public var featureGates: FeatureGates {
        get { gateSettings ?? FeatureGates() }
        set { gateSettings = newValue }
    }

    public init() {}

    public init(
        seed: UInt64, profile: ClusterProfile = .stsim, workerCount: Int = 3, defaultStorageClass: Bool = true,
        timing: TimingProfile = TimingProfile()
    ) {
        self.seed = seed
        self.profile = profile
        self.workerCount = workerCount
        self.defaultStorageClass = defaultStorageClass
        self.timing = timing
    }
}
