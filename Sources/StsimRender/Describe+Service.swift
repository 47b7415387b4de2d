import StsimEngine

extension Describe {
    /// `kubectl describe service`. `endpointSlices` are the Service's slices; each port's
    /// `Endpoints:` line lists the ready addresses as `get endpoints` does.
    public static func service(
        _ s: Service, endpointSlices: [EndpointSlice], events: [Event], now: VirtualTime,
        calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(s.metadata.name)")
        w.line(0, "Namespace:\t\(s.metadata.namespace)")
        w.labels("Labels", s.metadata.labels)
        w.annotations(s.metadata.annotations)
        w.line(0, "Selector:\t\(s.spec.selector.isEmpty ? "" : Formatting.labels(s.spec.selector))")
        w.line(0, "Type:\t\((s.spec.type ?? .clusterIP).rawValue)")
        if let policy = s.spec.ipFamilyPolicy { w.line(0, "IP Family Policy:\t\(policy)") }
        w.line(0, "IP Families:\t\(s.spec.ipFamilies.isEmpty ? "<none>" : s.spec.ipFamilies.joined(separator: ","))")
        w.line(0, "IP:\t\(s.spec.clusterIP ?? "")")
        w.line(0, "IPs:\t\(s.spec.clusterIPs.isEmpty ? "<none>" : s.spec.clusterIPs.joined(separator: ","))")
        if s.spec.type == .externalName { w.line(0, "External Name:\t\(s.spec.externalName ?? "")") }
        for p in s.spec.ports {
            let name = (p.name ?? "").isEmpty ? "<unset>" : p.name!
            let proto = (p.protocol ?? .tcp).rawValue
            w.line(0, "Port:\t\(name)\t\(p.port)/\(proto)")
            w.line(0, "TargetPort:\t\(p.targetPort ?? String(p.port))/\(proto)")
            if let node = p.nodePort, node != 0 { w.line(0, "NodePort:\t\(name)\t\(node)/\(proto)") }
            w.line(0, "Endpoints:\t\(endpoints(endpointSlices, port: p.name ?? ""))")
        }
        w.line(0, "Session Affinity:\t\(s.spec.sessionAffinity ?? "None")")
        if let policy = s.spec.internalTrafficPolicy { w.line(0, "Internal Traffic Policy:\t\(policy)") }
        w.events(events)
        return w.finish()
    }

    /// `formatEndpointSlices` for one service port (matched by name): ready addresses, first 3,
    /// then ` + N more...`; empty when there are none.
    static func endpoints(_ slices: [EndpointSlice], port name: String) -> String {
        var all: [String] = []
        for slice in slices {
            for port in slice.ports where (port.name ?? "") == name {
                let addresses = slice.endpoints.filter { $0.conditions.ready ?? true }.flatMap(\.addresses)
                    .sorted(byBytes: { $0 })
                all += addresses.map { a in port.port.map { "\(a):\($0)" } ?? a }
            }
        }
        let shown = all.prefix(3).joined(separator: ",")
        return all.count > 3 ? "\(shown) + \(all.count - 3) more..." : shown
    }
}
