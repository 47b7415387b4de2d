/// Every timing of the simulated cluster in one value (reference section 14), so tests and users
/// can override them instead of hunting literals through controllers.
public struct TimingProfile: Codable, Sendable, Hashable {
    // Control plane. The node-health timings: the node lifecycle controller (monitor period,
    // grace, lease renewals), taint eviction (tolerations), PodGC and the force detach.
    /// 1.32: node-monitor-grace-period is 50 s (40 s in 1.30/1.31).
    public var nodeMonitorGracePeriod: VirtualDuration = .seconds(50)
    public var nodeMonitorPeriod: VirtualDuration = .seconds(5)
    public var leaseRenewInterval: VirtualDuration = .seconds(10)
    /// The kubelet's nodeStatusReportFrequency: an unchanged node status is posted again (its
    /// conditions' lastHeartbeatTime) every 5 min.
    public var nodeStatusReportInterval: VirtualDuration = .minutes(5)
    /// DefaultTolerationSeconds admission: not-ready / unreachable NoExecute tolerations.
    public var defaultTolerationSeconds: Int = 300
    /// The node lifecycle controller's NoExecute tainting rate per zone: --node-eviction-rate 0.1
    /// (one node per 10 s), and --secondary-node-eviction-rate 0.01 (one per 100 s) for a
    /// partially disrupted zone of a cluster above --large-cluster-size-threshold (50 nodes).
    /// A zone is partially disrupted when at least --unhealthy-zone-threshold (55%) of its nodes
    /// are not Ready.
    public var nodeEvictionInterval: VirtualDuration = .seconds(10)
    public var secondaryNodeEvictionInterval: VirtualDuration = .seconds(100)
    public var largeClusterSizeThreshold: Int = 50
    public var unhealthyZoneThreshold: Double = 0.55
    public var podGCPeriod: VirtualDuration = .seconds(20)
    public var podGCOrphanQuarantine: VirtualDuration = .seconds(40)
    public var forceDetachWait: VirtualDuration = .minutes(6)
    /// How long after a watch event a controller reacts (real clusters: milliseconds).
    public var controllerReaction: VirtualDuration = .zero
    /// Binding a pod after it appears in the scheduling queue.
    public var schedulingLatency: VirtualDuration = .zero
    /// A failed StatefulSet sync is retried by the work queue's per-item rate limiter: client-go's
    /// DefaultControllerRateLimiter waits 5 ms doubling to 1000 s.
    public var statefulSetRetryInitial: VirtualDuration = .milliseconds(5)
    public var statefulSetRetryMax: VirtualDuration = .seconds(1000)

    // Volumes
    /// Time a dynamic provisioner needs to create a volume.
    public var volumeProvisioning: VirtualDuration = .seconds(1)
    /// Recycler pod scrubbing a `Recycle` volume.
    public var volumeRecycle: VirtualDuration = .seconds(5)

    // Kubelet
    /// Sandbox creation, network setup, volume attach and mount before containers start.
    public var podSandboxSetup: VirtualDuration = .seconds(1)
    /// From a pod reaching the kubelet to its admission verdict; it also paces the loop of a pod
    /// its node keeps rejecting and its controller keeps replacing.
    public var kubeletAdmission: VirtualDuration = .seconds(1)
    /// Pulling an image that is not yet on the node (once per node and image).
    public var imagePull: VirtualDuration = .milliseconds(2500)
    /// Create and start a container whose image is present.
    public var containerStart: VirtualDuration = .seconds(1)
    /// A well-behaved container exits this long after SIGTERM (nginx: about a second).
    public var containerStopAfterSIGTERM: VirtualDuration = .seconds(1)
    /// The kubelet never gives a container less than 2 s after SIGTERM (12.4).
    public var minimumGracePeriod: VirtualDuration = .seconds(2)
    /// terminationGracePeriodSeconds when a pod does not say (defaulting makes it explicit).
    public var terminationGracePeriod: VirtualDuration = .seconds(30)
    /// The kubelet's PLEG relists containers every second: what it does about an exited
    /// container (restart it, or report CrashLoopBackOff) reaches the API at that next sync.
    public var kubeletRelist: VirtualDuration = .seconds(1)
    /// Container restart back-off: first restart at the next sync, then 10 s doubling to 300 s (12.3).
    public var restartBackoffInitial: VirtualDuration = .seconds(10)
    public var restartBackoffMax: VirtualDuration = .seconds(300)
    /// A container that ran this long since its last restart gets a fresh back-off (2 × max).
    public var restartBackoffReset: VirtualDuration = .minutes(10)

    // Events (client-go recorder, 6.3)
    public var eventDedupWindow: VirtualDuration = .minutes(10)
    public var eventAggregationWindow: VirtualDuration = .seconds(600)
    public var eventAggregationThreshold: Int = 10
    public var eventSpamBurst: Int = 25
    public var eventSpamRefill: VirtualDuration = .seconds(300)
    public var eventTTL: VirtualDuration = .minutes(60)

    public init() {}
}
