import StsimEngine

extension Columns {
    static func serviceHeaders(wide: Bool) -> [String] {
        ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"] + (wide ? ["SELECTOR"] : [])
    }

    static func serviceRow(_ s: Service, now: VirtualTime, wide: Bool) -> [String] {
        let type = s.spec.type ?? .clusterIP
        var row = [
            s.metadata.name, type.rawValue, clusterIP(s), externalIP(s), ports(s),
            HumanDuration.age(of: s.metadata.creationTimestamp, now: now),
        ]
        if wide { row.append(Formatting.labels(s.spec.selector)) }
        return row
    }

    /// `clusterIPs[0]`: `None` for a headless Service.
    static func clusterIP(_ s: Service) -> String {
        if let first = s.spec.clusterIPs.first, !first.isEmpty { return first }
        return Columns.nonEmpty(s.spec.clusterIP)
    }

    /// stsim has no external IPs or load balancers: a LoadBalancer waits forever (`<pending>`).
    private static func externalIP(_ s: Service) -> String {
        switch s.spec.type ?? .clusterIP {
        case .loadBalancer: "<pending>"
        case .externalName: Columns.nonEmpty(s.spec.externalName)
        default: "<none>"
        }
    }

    /// `80/TCP`, `80:30080/TCP`, comma-joined; `<none>` without ports.
    static func ports(_ s: Service) -> String {
        guard !s.spec.ports.isEmpty else { return "<none>" }
        return s.spec.ports.map { p in
            let proto = (p.protocol ?? .tcp).rawValue
            if let node = p.nodePort, node != 0 { return "\(p.port):\(node)/\(proto)" }
            return "\(p.port)/\(proto)"
        }.joined(separator: ",")
    }

    static let endpointsHeaders = ["NAME", "ENDPOINTS", "AGE"]

    /// `kubectl get endpoints` (printEndpoints): ready addresses only (the printer ignores
    /// `notReadyAddresses`), every port of a subset over its addresses, first 3 `ip:port`, then
    /// ` + N more...`.
    static func endpointsRow(_ e: Endpoints, now: VirtualTime) -> [String] {
        [e.metadata.name, endpointsText(e), HumanDuration.age(of: e.metadata.creationTimestamp, now: now)]
    }

    /// The Service a slice belongs to (its label), falling back to the slice's own name.
    static func serviceName(of slice: EndpointSlice) -> String {
        slice.metadata.labels[EndpointSlice.serviceNameLabel] ?? slice.metadata.name
    }

    static func endpointsText(_ e: Endpoints) -> String {
        var all: [String] = []
        for subset in e.subsets {
            let addresses = subset.addresses.map(\.ip)
            if subset.ports.isEmpty {
                all += addresses
            } else {
                for port in subset.ports {
                    for a in addresses { all.append(port.port.map { "\(a):\($0)" } ?? a) }
                }
            }
        }
        guard !all.isEmpty else { return "<none>" }
        let shown = all.prefix(3).joined(separator: ",")
        return all.count > 3 ? "\(shown) + \(all.count - 3) more..." : shown
    }

    static let endpointSliceHeaders = ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"]

    /// `kubectl get endpointslices`: every endpoint's first address, ready or not.
    static func endpointSliceRow(_ slice: EndpointSlice, now: VirtualTime) -> [String] {
        let ports = slice.ports.compactMap(\.port).map(String.init)
        let addresses = slice.endpoints.compactMap(\.addresses.first)
        func list(_ items: [String]) -> String {
            guard !items.isEmpty else { return "<unset>" }
            let shown = items.prefix(3).joined(separator: ",")
            return items.count > 3 ? "\(shown) + \(items.count - 3) more..." : shown
        }
        return [
            slice.metadata.name, slice.addressType, list(ports), list(addresses),
            HumanDuration.age(of: slice.metadata.creationTimestamp, now: now),
        ]
    }
}
