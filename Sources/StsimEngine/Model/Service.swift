/// `v1/Service`.
public struct Service: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: ServiceSpec
    public var status: ServiceStatus

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: ServiceSpec = ServiceSpec(), status: ServiceStatus = ServiceStatus()
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public var isHeadless: Bool { spec.clusterIP == "None" }
}

public struct ServiceSpec: Codable, Hashable, Sendable {
    public var type: ServiceType?
    public var selector: [String: String]
    public var ports: [ServicePort]
    /// `"None"` for a headless Service.
    public var clusterIP: String?
    public var clusterIPs: [String]
    public var publishNotReadyAddresses: Bool?
    public var sessionAffinity: String?
    public var ipFamilies: [String]
    public var ipFamilyPolicy: String?
    public var internalTrafficPolicy: String?
    public var externalName: String?

    public init(
        type: ServiceType? = nil, selector: [String: String] = [:], ports: [ServicePort] = [],
        clusterIP: String? = nil, clusterIPs: [String] = [], publishNotReadyAddresses: Bool? = nil,
        sessionAffinity: String? = nil, ipFamilies: [String] = [], ipFamilyPolicy: String? = nil,
        internalTrafficPolicy: String? = nil, externalName: String? = nil
    ) {
        self.type = type
        self.selector = selector
        self.ports = ports
        self.clusterIP = clusterIP
        self.clusterIPs = clusterIPs
        self.publishNotReadyAddresses = publishNotReadyAddresses
        self.sessionAffinity = sessionAffinity
        self.ipFamilies = ipFamilies
        self.ipFamilyPolicy = ipFamilyPolicy
        self.internalTrafficPolicy = internalTrafficPolicy
        self.externalName = externalName
    }
}

public struct ServicePort: Codable, Hashable, Sendable {
    public var name: String?
    public var `protocol`: PortProtocol?
    public var port: Int
    /// An int or a named container port, as written.
    public var targetPort: String?
    public var nodePort: Int?

    public init(
        name: String? = nil, protocol: PortProtocol? = nil, port: Int, targetPort: String? = nil, nodePort: Int? = nil
    ) {
        self.name = name
        self.protocol = `protocol`
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
    }
}

public struct ServiceStatus: Codable, Hashable, Sendable {
    public init() {}
}
