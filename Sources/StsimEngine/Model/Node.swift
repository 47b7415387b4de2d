/// `v1/Node` (cluster-scoped).
public struct Node: Codable, Hashable, Sendable {
    public static let controlPlaneRoleLabel = "node-role.kubernetes.io/control-plane"
    public static let hostnameLabel = "kubernetes.io/hostname"
    public static let zoneLabel = "topology.kubernetes.io/zone"

    public var metadata: ObjectMeta
    public var spec: NodeSpec
    public var status: NodeStatus

    public init(metadata: ObjectMeta = ObjectMeta(), spec: NodeSpec = NodeSpec(), status: NodeStatus = NodeStatus()) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public var isReady: Bool { status.condition(.ready)?.status == .true }
}

public struct Taint: Codable, Hashable, Sendable {
    public var key: String
    public var value: String?
    public var effect: TaintEffect
    public var timeAdded: VirtualTime?

    public init(key: String, value: String? = nil, effect: TaintEffect, timeAdded: VirtualTime? = nil) {
        self.key = key
        self.value = value
        self.effect = effect
        self.timeAdded = timeAdded
    }
}

public struct NodeSpec: Codable, Hashable, Sendable {
    public var podCIDR: String?
    public var unschedulable: Bool?
    public var taints: [Taint]

    public init(podCIDR: String? = nil, unschedulable: Bool? = nil, taints: [Taint] = []) {
        self.podCIDR = podCIDR
        self.unschedulable = unschedulable
        self.taints = taints
    }
}

public struct NodeConditionType: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ready: Self = "Ready", memoryPressure: Self = "MemoryPressure"
    public static let diskPressure: Self = "DiskPressure", pidPressure: Self = "PIDPressure"
}

public struct NodeCondition: Codable, Hashable, Sendable {
    public var type: NodeConditionType
    public var status: ConditionStatus
    public var lastHeartbeatTime: VirtualTime?
    public var lastTransitionTime: VirtualTime?
    public var reason: String?
    public var message: String?

    public init(
        type: NodeConditionType, status: ConditionStatus, lastHeartbeatTime: VirtualTime? = nil,
        lastTransitionTime: VirtualTime? = nil, reason: String? = nil, message: String? = nil
    ) {
        self.type = type
        self.status = status
        self.lastHeartbeatTime = lastHeartbeatTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

public struct NodeAddress: Codable, Hashable, Sendable {
    public var type: String
    public var address: String
    public init(type: String, address: String) {
        self.type = type
        self.address = address
    }
}

public struct NodeStatus: Codable, Hashable, Sendable {
    public var conditions: [NodeCondition]
    public var addresses: [NodeAddress]
    /// `capacity.pods` (110 by default).
    public var podCapacity: Int
    public var kubeletVersion: String
    public var osImage: String
    public var kernelVersion: String
    public var containerRuntimeVersion: String
    /// Images present on the node, by name (`status.images`).
    public var images: [String]
    /// `capacity` and `allocatable` besides pods (cpu, ephemeral-storage, hugepages, memory), in
    /// name order, as the kubelet reports its machine.
    public var capacity: [NodeResource] = []
    public var allocatable: [NodeResource] = []

    public init(
        conditions: [NodeCondition] = [], addresses: [NodeAddress] = [], podCapacity: Int = 110,
        kubeletVersion: String = "v1.32.0", osImage: String = "Debian GNU/Linux 12 (bookworm)",
        kernelVersion: String = "6.8.0", containerRuntimeVersion: String = "containerd://1.7.24",
        images: [String] = []
    ) {
        self.conditions = conditions
        self.addresses = addresses
        self.podCapacity = podCapacity
        self.kubeletVersion = kubeletVersion
        self.osImage = osImage
        self.kernelVersion = kernelVersion
        self.containerRuntimeVersion = containerRuntimeVersion
        self.images = images
    }

    public func condition(_ type: NodeConditionType) -> NodeCondition? { conditions.first { $0.type == type } }
    public var externalIP: String? { addresses.first { $0.type == "ExternalIP" }?.address }
    public var internalIP: String? { addresses.first { $0.type == "InternalIP" }?.address }
}

/// One named amount of `status.capacity` or `status.allocatable`, as the API writes it (`4`,
/// `8148492Ki`, `940m`).
public struct NodeResource: Codable, Hashable, Sendable {
    public var name: String
    public var quantity: String
    public init(name: String, quantity: String) {
        self.name = name
        self.quantity = quantity
    }
}
