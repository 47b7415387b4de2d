public enum PodPhase: String, Codable, Hashable, Sendable {
    case pending = "Pending"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case unknown = "Unknown"
}

public struct PodConditionType: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let podReadyToStartContainers: Self = "PodReadyToStartContainers"
    public static let initialized: Self = "Initialized", ready: Self = "Ready"
    public static let containersReady: Self = "ContainersReady", podScheduled: Self = "PodScheduled"
    public static let disruptionTarget: Self = "DisruptionTarget"
}

public struct PodCondition: Codable, Hashable, Sendable {
    // Declared in this order so the struct packs into 72 bytes (five per pod).
    public var type: PodConditionType
    public var reason: String?
    public var message: String?
    public var lastTransitionTime: VirtualTime?
    public var lastProbeTime: VirtualTime?
    public var status: ConditionStatus

    public init(
        type: PodConditionType, status: ConditionStatus, lastProbeTime: VirtualTime? = nil,
        lastTransitionTime: VirtualTime? = nil, reason: String? = nil, message: String? = nil
    ) {
        self.type = type
        self.status = status
        self.lastProbeTime = lastProbeTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

public enum ContainerState: Codable, Hashable, Sendable {
    case waiting(reason: String?, message: String?)
    case running(startedAt: VirtualTime)
    /// Boxed: the rarest and largest case would otherwise size every state of every pod.
    indirect case terminated(
        exitCode: Int, reason: String?, message: String?, startedAt: VirtualTime?, finishedAt: VirtualTime?)
}

public struct ContainerStatus: Codable, Hashable, Sendable {
    public var name: String
    public var image: String
    public var imageID: String
    public var containerID: String?
    public var state: ContainerState
    public var lastState: ContainerState?
    public var ready: Bool
    public var started: Bool?
    public var restartCount: Int

    public init(
        name: String, image: String, imageID: String = "", containerID: String? = nil,
        state: ContainerState, lastState: ContainerState? = nil, ready: Bool = false,
        started: Bool? = nil, restartCount: Int = 0
    ) {
        self.name = name
        self.image = image
        self.imageID = imageID
        self.containerID = containerID
        self.state = state
        self.lastState = lastState
        self.ready = ready
        self.started = started
        self.restartCount = restartCount
    }
}

public struct PodStatus: Codable, Hashable, Sendable {
    /// nil until the API server accepts the pod (the StatefulSet "created" predicate is phase != "").
    public var phase: PodPhase?
    public var conditions: [PodCondition]
    public var containerStatuses: [ContainerStatus]
    public var initContainerStatuses: [ContainerStatus]
    public var podIP: String?
    public var hostIP: String?
    public var startTime: VirtualTime?
    public var reason: String?
    public var message: String?

    public init(
        phase: PodPhase? = nil, conditions: [PodCondition] = [], containerStatuses: [ContainerStatus] = [],
        initContainerStatuses: [ContainerStatus] = [], podIP: String? = nil, hostIP: String? = nil,
        startTime: VirtualTime? = nil, reason: String? = nil, message: String? = nil
    ) {
        self.phase = phase
        self.conditions = conditions
        self.containerStatuses = containerStatuses
        self.initContainerStatuses = initContainerStatuses
        self.podIP = podIP
        self.hostIP = hostIP
        self.startTime = startTime
        self.reason = reason
        self.message = message
    }

    public func condition(_ type: PodConditionType) -> PodCondition? { conditions.first { $0.type == type } }

    /// Sets a condition, keeping `lastTransitionTime` when the status does not change and keeping
    /// the kubelet's order of conditions (12.1).
    public mutating func setCondition(
        _ type: PodConditionType, _ status: ConditionStatus, at now: VirtualTime,
        reason: String? = nil, message: String? = nil
    ) {
        if let i = conditions.firstIndex(where: { $0.type == type }) {
            // Written back only when it changes: an unchanged status keeps sharing its array
            // with the copies the kubelet and the API server hold.
            var c = conditions[i]
            if c.status != status { c.lastTransitionTime = now }
            c.status = status
            c.reason = reason
            c.message = message
            if c != conditions[i] { conditions[i] = c }
            return
        }
        let c = PodCondition(type: type, status: status, lastTransitionTime: now, reason: reason, message: message)
        let rank = Self.conditionOrder.firstIndex(of: type) ?? Self.conditionOrder.count
        let at =
            conditions.firstIndex { (Self.conditionOrder.firstIndex(of: $0.type) ?? Self.conditionOrder.count) > rank }
            ?? conditions.count
        conditions.insert(c, at: at)
    }

    /// The order the kubelet writes conditions in (12.1).
    static let conditionOrder: [PodConditionType] = [
        .podReadyToStartContainers, .initialized, .ready, .containersReady, .podScheduled, .disruptionTarget,
    ]
}
