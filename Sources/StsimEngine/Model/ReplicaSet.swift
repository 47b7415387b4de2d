/// `apps/v1 ReplicaSet`, the contrast to StatefulSets (random names, shared claims).
public struct ReplicaSet: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: ReplicaSetSpec
    public var status: ReplicaSetStatus

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: ReplicaSetSpec = ReplicaSetSpec(),
        status: ReplicaSetStatus = ReplicaSetStatus()
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

public struct ReplicaSetSpec: Codable, Hashable, Sendable {
    public var replicas: Int?
    public var minReadySeconds: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec

    public init(
        replicas: Int? = nil, minReadySeconds: Int? = nil, selector: LabelSelector? = nil,
        template: PodTemplateSpec = PodTemplateSpec()
    ) {
        self.replicas = replicas
        self.minReadySeconds = minReadySeconds
        self.selector = selector
        self.template = template
    }
}

public struct ReplicaSetStatus: Codable, Hashable, Sendable {
    public var replicas: Int
    public var fullyLabeledReplicas: Int
    public var readyReplicas: Int
    public var availableReplicas: Int
    public var observedGeneration: Int?

    public init(
        replicas: Int = 0, fullyLabeledReplicas: Int = 0, readyReplicas: Int = 0, availableReplicas: Int = 0,
        observedGeneration: Int? = nil
    ) {
        self.replicas = replicas
        self.fullyLabeledReplicas = fullyLabeledReplicas
        self.readyReplicas = readyReplicas
        self.availableReplicas = availableReplicas
        self.observedGeneration = observedGeneration
    }
}
