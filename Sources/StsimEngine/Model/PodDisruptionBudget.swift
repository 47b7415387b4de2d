/// `policy/v1 PodDisruptionBudget`: how many of the pods a selector picks must stay healthy while
/// evictions (`kubectl drain`) take pods away. The disruption controller writes its status; the
/// eviction subresource reads and decrements it.
public struct PodDisruptionBudget: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: PodDisruptionBudgetSpec
    public var status: PodDisruptionBudgetStatus

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: PodDisruptionBudgetSpec = PodDisruptionBudgetSpec(),
        status: PodDisruptionBudgetStatus = PodDisruptionBudgetStatus()
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `spec.unhealthyPodEvictionPolicy` (GA in 1.31).
public enum UnhealthyPodEvictionPolicy: String, Codable, Hashable, Sendable, CaseIterable {
    /// Running but not Ready pods may go only while the budget is met (the default behaviour).
    case ifHealthyBudget = "IfHealthyBudget"
    /// Running but not Ready pods may always go.
    case alwaysAllow = "AlwaysAllow"
}

public struct PodDisruptionBudgetSpec: Codable, Hashable, Sendable {
    /// Int-or-percent as written (`2`, `"50%"`); at most one of the two is set.
    public var minAvailable: String?
    public var maxUnavailable: String?
    /// nil or empty: the budget matches no pod (policy/v1).
    public var selector: LabelSelector?
    public var unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy?

    public init(
        minAvailable: String? = nil, maxUnavailable: String? = nil, selector: LabelSelector? = nil,
        unhealthyPodEvictionPolicy: UnhealthyPodEvictionPolicy? = nil
    ) {
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.selector = selector
        self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
    }
}

public struct PodDisruptionBudgetStatus: Codable, Hashable, Sendable {
    public var observedGeneration: Int?
    /// Pods evicted but not yet seen gone by the controller, with the eviction's time; entries
    /// older than two minutes are dropped.
    public var disruptedPods: [String: VirtualTime]
    public var disruptionsAllowed: Int
    public var currentHealthy: Int
    public var desiredHealthy: Int
    public var expectedPods: Int
    public var conditions: [PodDisruptionBudgetCondition]

    public init(
        observedGeneration: Int? = nil, disruptedPods: [String: VirtualTime] = [:], disruptionsAllowed: Int = 0,
        currentHealthy: Int = 0, desiredHealthy: Int = 0, expectedPods: Int = 0,
        conditions: [PodDisruptionBudgetCondition] = []
    ) {
        self.observedGeneration = observedGeneration
        self.disruptedPods = disruptedPods
        self.disruptionsAllowed = disruptionsAllowed
        self.currentHealthy = currentHealthy
        self.desiredHealthy = desiredHealthy
        self.expectedPods = expectedPods
        self.conditions = conditions
    }
}

/// `metav1.Condition` as the disruption controller writes it (type `DisruptionAllowed`).
public struct PodDisruptionBudgetCondition: Codable, Hashable, Sendable {
    public var type: String
    public var status: ConditionStatus
    public var observedGeneration: Int?
    public var lastTransitionTime: VirtualTime
    public var reason: String
    public var message: String

    public init(
        type: String, status: ConditionStatus, observedGeneration: Int?, lastTransitionTime: VirtualTime,
        reason: String, message: String
    ) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
