/// `v1 Endpoints`, as the endpoints controller writes it beside the EndpointSlices. stsim stores
/// only the slices (one per Service); `get endpoints` reads this view of the Service's slice.
public struct Endpoints: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var subsets: [EndpointSubset]

    public init(metadata: ObjectMeta, subsets: [EndpointSubset] = []) {
        self.metadata = metadata
        self.subsets = subsets
    }

    /// The Endpoints object of the Service whose slice this is (pkg/controller/endpoint
    /// endpoints_controller.go `syncService`): named after the Service, with the Service's labels
    /// and the headless label, and no owner; a pod that is terminating is left out unless the Service publishes
    /// not-ready addresses; addresses sorted by IP (`endpoints.SortSubsets`).
    public init(slice: EndpointSlice) {
        var meta = slice.metadata
        let service = slice.metadata.labels[EndpointSlice.serviceNameLabel] ?? slice.metadata.name
        meta.name = service
        meta.generateName = nil
        // The endpoints controller deletes an Endpoints with its Service itself: no owner.
        meta.ownerReferences = []
        meta.labels.removeValue(forKey: EndpointSlice.serviceNameLabel)
        meta.labels.removeValue(forKey: "endpointslice.kubernetes.io/managed-by")
        var ready: [EndpointAddress] = []
        var notReady: [EndpointAddress] = []
        for e in slice.endpoints {
            let isReady = e.conditions.ready ?? true
            if !isReady, e.conditions.terminating == true { continue }
            for ip in e.addresses {
                let a = EndpointAddress(ip: ip, hostname: e.hostname, nodeName: e.nodeName, targetRef: e.targetRef)
                if isReady { ready.append(a) } else { notReady.append(a) }
            }
        }
        let byIP = { (a: EndpointAddress, b: EndpointAddress) in a.ip.utf8.lexicographicallyPrecedes(b.ip.utf8) }
        self.metadata = meta
        self.subsets =
            ready.isEmpty && notReady.isEmpty
            ? []
            : [
                EndpointSubset(
                    addresses: ready.sorted(by: byIP), notReadyAddresses: notReady.sorted(by: byIP),
                    ports: slice.ports)
            ]
    }
}

public struct EndpointSubset: Codable, Hashable, Sendable {
    public var addresses: [EndpointAddress]
    public var notReadyAddresses: [EndpointAddress]
    public var ports: [EndpointPort]

    public init(addresses: [EndpointAddress], notReadyAddresses: [EndpointAddress], ports: [EndpointPort]) {
        self.addresses = addresses
        self.notReadyAddresses = notReadyAddresses
        self.ports = ports
    }
}

public struct EndpointAddress: Codable, Hashable, Sendable {
    public var ip: String
    public var hostname: String?
    public var nodeName: String?
    public var targetRef: ObjectReference?

    public init(ip: String, hostname: String? = nil, nodeName: String? = nil, targetRef: ObjectReference? = nil) {
        self.ip = ip
        self.hostname = hostname
        self.nodeName = nodeName
        self.targetRef = targetRef
    }
}
