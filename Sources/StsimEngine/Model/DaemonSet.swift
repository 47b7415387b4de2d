/// `apps/v1 DaemonSet`: one pod per node. stsim has the ones a distribution installs
/// (kube-proxy, kind's kindnet); a learner's own are refused at create (`NotSimulated`).
public struct DaemonSet: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: DaemonSetSpec
    public var status: DaemonSetStatus

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: DaemonSetSpec = DaemonSetSpec(),
        status: DaemonSetStatus = DaemonSetStatus()
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// The annotation the API server's DaemonSet strategy sets to the generation (kept for
    /// clients of extensions/v1beta1; `describe ds` shows it).
    public static let templateGenerationAnnotation = "deprecated.daemonset.template.generation"
}

public struct DaemonSetSpec: Codable, Hashable, Sendable {
    public var selector: LabelSelector?
    public var template: PodTemplateSpec
    /// `RollingUpdate` with `maxUnavailable: 1` and `maxSurge: 0`, the API's defaults.
    public var updateStrategy: DaemonSetUpdateStrategy
    public var revisionHistoryLimit: Int?

    public init(
        selector: LabelSelector? = nil, template: PodTemplateSpec = PodTemplateSpec(),
        updateStrategy: DaemonSetUpdateStrategy = DaemonSetUpdateStrategy(), revisionHistoryLimit: Int? = 10
    ) {
        self.selector = selector
        self.template = template
        self.updateStrategy = updateStrategy
        self.revisionHistoryLimit = revisionHistoryLimit
    }
}

public struct DaemonSetUpdateStrategy: Codable, Hashable, Sendable {
    public var type: String
    public var maxUnavailable: String
    public var maxSurge: String

    public init(type: String = "RollingUpdate", maxUnavailable: String = "1", maxSurge: String = "0") {
        self.type = type
        self.maxUnavailable = maxUnavailable
        self.maxSurge = maxSurge
    }
}

public struct DaemonSetStatus: Codable, Hashable, Sendable {
    public var currentNumberScheduled: Int
    public var numberMisscheduled: Int
    public var desiredNumberScheduled: Int
    public var numberReady: Int
    public var observedGeneration: Int?
    public var updatedNumberScheduled: Int
    public var numberAvailable: Int
    public var numberUnavailable: Int

    public init(
        currentNumberScheduled: Int = 0, numberMisscheduled: Int = 0, desiredNumberScheduled: Int = 0,
        numberReady: Int = 0, observedGeneration: Int? = nil, updatedNumberScheduled: Int = 0, numberAvailable: Int = 0,
        numberUnavailable: Int = 0
    ) {
        self.currentNumberScheduled = currentNumberScheduled
        self.numberMisscheduled = numberMisscheduled
        self.desiredNumberScheduled = desiredNumberScheduled
        self.numberReady = numberReady
        self.observedGeneration = observedGeneration
        self.updatedNumberScheduled = updatedNumberScheduled
        self.numberAvailable = numberAvailable
        self.numberUnavailable = numberUnavailable
    }
}
