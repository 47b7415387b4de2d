/// `discovery.k8s.io/v1 EndpointSlice`; stsim keeps one per Service, named after it.
public struct EndpointSlice: Codable, Hashable, Sendable {
    public static let serviceNameLabel = "kubernetes.io/service-name"

    public var metadata: ObjectMeta
    public var addressType: String
    public var endpoints: [Endpoint]
    public var ports: [EndpointPort]

    public init(
        metadata: ObjectMeta = ObjectMeta(), addressType: String = "IPv4", endpoints: [Endpoint] = [],
        ports: [EndpointPort] = []
    ) {
        self.metadata = metadata
        self.addressType = addressType
        self.endpoints = endpoints
        self.ports = ports
    }
}

public struct Endpoint: Codable, Hashable, Sendable {
    public var addresses: [String]
    public var conditions: EndpointConditions
    public var hostname: String?
    public var nodeName: String?
    /// The pod (`targetRef`), by name; kind is always Pod here.
    public var targetRef: ObjectReference?

    public init(
        addresses: [String], conditions: EndpointConditions, hostname: String? = nil, nodeName: String? = nil,
        targetRef: ObjectReference? = nil
    ) {
        self.addresses = addresses
        self.conditions = conditions
        self.hostname = hostname
        self.nodeName = nodeName
        self.targetRef = targetRef
    }
}

public struct EndpointConditions: Codable, Hashable, Sendable {
    public var ready: Bool?
    public var serving: Bool?
    public var terminating: Bool?

    public init(ready: Bool? = nil, serving: Bool? = nil, terminating: Bool? = nil) {
        self.ready = ready
        self.serving = serving
        self.terminating = terminating
    }
}

public struct EndpointPort: Codable, Hashable, Sendable {
    public var name: String?
    public var port: Int?
    public var `protocol`: PortProtocol?

    public init(name: String? = nil, port: Int? = nil, protocol: PortProtocol? = nil) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
    }
}
