/// `apps/v1 StatefulSet`.
public struct StatefulSet: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: StatefulSetSpec
    public var status: StatefulSetStatus

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: StatefulSetSpec = StatefulSetSpec(),
        status: StatefulSetStatus = StatefulSetStatus()
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

public struct PodTemplateSpec: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: PodSpec

    public init(metadata: ObjectMeta = ObjectMeta(), spec: PodSpec = PodSpec()) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct StatefulSetSpec: Codable, Hashable, Sendable {
    /// nil means "not given"; defaulting makes it 1.
    public var replicas: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec
    public var volumeClaimTemplates: [PersistentVolumeClaim]
    public var serviceName: String
    public var podManagementPolicy: PodManagementPolicy?
    public var updateStrategy: StatefulSetUpdateStrategy?
    public var revisionHistoryLimit: Int?
    public var minReadySeconds: Int?
    public var persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy?
    public var ordinals: StatefulSetOrdinals?

    public init(
        replicas: Int? = nil, selector: LabelSelector? = nil, template: PodTemplateSpec = PodTemplateSpec(),
        volumeClaimTemplates: [PersistentVolumeClaim] = [], serviceName: String = "",
        podManagementPolicy: PodManagementPolicy? = nil, updateStrategy: StatefulSetUpdateStrategy? = nil,
        revisionHistoryLimit: Int? = nil, minReadySeconds: Int? = nil,
        persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy? = nil,
        ordinals: StatefulSetOrdinals? = nil
    ) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.volumeClaimTemplates = volumeClaimTemplates
        self.serviceName = serviceName
        self.podManagementPolicy = podManagementPolicy
        self.updateStrategy = updateStrategy
        self.revisionHistoryLimit = revisionHistoryLimit
        self.minReadySeconds = minReadySeconds
        self.persistentVolumeClaimRetentionPolicy = persistentVolumeClaimRetentionPolicy
        self.ordinals = ordinals
    }

    /// `spec.ordinals.start`, or 0.
    public var ordinalStart: Int { ordinals?.start ?? 0 }
    public var isParallel: Bool { podManagementPolicy == .parallel }
}

public struct StatefulSetUpdateStrategy: Codable, Hashable, Sendable {
    public var type: StatefulSetUpdateStrategyType?
    public var rollingUpdate: RollingUpdateStatefulSetStrategy?

    public init(type: StatefulSetUpdateStrategyType? = nil, rollingUpdate: RollingUpdateStatefulSetStrategy? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

public struct RollingUpdateStatefulSetStrategy: Codable, Hashable, Sendable {
    public var partition: Int?
    /// An int (`"2"`) or a percentage (`"40%"`). Alpha in 1.32: the API keeps it only with the
    /// MaxUnavailableStatefulSet feature gate on (`Cluster.dropDisabledFields`).
    public var maxUnavailable: String?

    public init(partition: Int? = nil, maxUnavailable: String? = nil) {
        self.partition = partition
        self.maxUnavailable = maxUnavailable
    }
}

public struct StatefulSetPersistentVolumeClaimRetentionPolicy: Codable, Hashable, Sendable {
    public var whenDeleted: RetentionPolicyType?
    public var whenScaled: RetentionPolicyType?

    public init(whenDeleted: RetentionPolicyType? = nil, whenScaled: RetentionPolicyType? = nil) {
        self.whenDeleted = whenDeleted
        self.whenScaled = whenScaled
    }
}

public struct StatefulSetOrdinals: Codable, Hashable, Sendable {
    public var start: Int
    public init(start: Int = 0) { self.start = start }
}

/// `apps/v1 StatefulSetCondition`: the controller of 1.32 sets none itself.
public struct StatefulSetCondition: Codable, Hashable, Sendable {
    public var type: String
    public var status: ConditionStatus
    public var lastTransitionTime: VirtualTime?
    public var reason: String?
    public var message: String?

    public init(
        type: String, status: ConditionStatus, lastTransitionTime: VirtualTime? = nil, reason: String? = nil,
        message: String? = nil
    ) {
        self.type = type
        self.status = status
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

public struct StatefulSetStatus: Codable, Hashable, Sendable {
    public var observedGeneration: Int?
    public var replicas: Int
    public var readyReplicas: Int
    public var currentReplicas: Int
    public var updatedReplicas: Int
    public var availableReplicas: Int
    public var currentRevision: String?
    public var updateRevision: String?
    public var collisionCount: Int?
    /// Written by others through /status; the controller's next status write drops them, as
    /// upstream's fresh `StatefulSetStatus` has none.
    public var conditions: [StatefulSetCondition] = []

    public init(
        observedGeneration: Int? = nil, replicas: Int = 0, readyReplicas: Int = 0, currentReplicas: Int = 0,
        updatedReplicas: Int = 0, availableReplicas: Int = 0, currentRevision: String? = nil,
        updateRevision: String? = nil, collisionCount: Int? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.replicas = replicas
        self.readyReplicas = readyReplicas
        self.currentReplicas = currentReplicas
        self.updatedReplicas = updatedReplicas
        self.availableReplicas = availableReplicas
        self.currentRevision = currentRevision
        self.updateRevision = updateRevision
        self.collisionCount = collisionCount
    }
}
