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
        w.line(0, "Selector:\t\(Formatting.labels(s.spec.selector))")
        w.line(0, "Type:\t\((s.spec.type ?? .clusterIP).rawValue)")
        if let policy = s.spec.ipFamilyPolicy { w.line(0, "IP Family Policy:\t\(policy)") }
        w.line(0, "IP Families:\t\(s.spec.ipFamilies.isEmpty ? "<none>" : s.spec.ipFamilies.joined(separator: ","))")
        w.line(0, "IP:\t\(s.spec.clusterIP ?? "")")
        w.line(0, "IPs:\t\(s.spec.clusterIPs.isEmpty ? "<none>" : s.spec.clusterIPs.joined(separator: ","))")
        if let name = s.spec.externalName, !name.isEmpty { w.line(0, "External Name:\t\(name)") }
        for p in s.spec.ports {
            let name = p.name.flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>"
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

    /// `formatEndpointSlices` for one service port (matched by name): ready addresses in slice
    /// order (unlike `get endpoints`, describe does not sort), first 3, then ` + N more...`;
    /// `<none>` without slices, empty when no endpoint is ready.
    static func endpoints(_ slices: [EndpointSlice], port name: String) -> String {
        guard !slices.isEmpty else { return "<none>" }
        var all: [String] = []
        for slice in slices {
            let ready = slice.endpoints.filter { $0.conditions.ready ?? true }.compactMap(\.addresses.first)
            if slice.ports.isEmpty {
                all += ready
                continue
            }
            for port in slice.ports where (port.name ?? "") == name {
                all += ready.map { a in port.port.map { "\(a):\($0)" } ?? a }
            }
        }
        let shown = all.prefix(3).joined(separator: ",")
        return all.count > 3 ? "\(shown) + \(all.count - 3) more..." : shown
    }
}
