/// The variables the kubelet gives every container for the Services it may reach
/// (pkg/kubelet/envvars FromServices): `NAME_SERVICE_HOST`, `NAME_SERVICE_PORT`, one
/// `NAME_SERVICE_PORT_PORTNAME` per named port, then Docker's link variables (`NAME_PORT`,
/// `NAME_PORT_443_TCP` and its `_PROTO`, `_PORT`, `_ADDR`). The services are the `kubernetes`
/// Service of `default`, and those of the pod's namespace (enableServiceLinks, true by
/// default), as they stand when the container is created: a Service made later is not in it.
extension Cluster {
    func serviceEnvironment(namespace: String) -> [(String, String)] {
        var services: [String: Service] = [:]
        for s in list(Service.self, namespace: namespace) { services[s.metadata.name] = s }
        if let api = get(Service.self, "kubernetes", namespace: "default") { services["kubernetes"] = api }
        // The kubelet walks a map of them (no order of its own); stsim takes them by name.
        var env: [(String, String)] = []
        for name in services.keys.sorted() {
            guard let s = services[name], let ip = s.spec.clusterIP, !ip.isEmpty, ip != "None",
                let first = s.spec.ports.first
            else { continue }
            let prefix = Self.envVariableName(name)
            env.append((prefix + "_SERVICE_HOST", ip))
            env.append((prefix + "_SERVICE_PORT", String(first.port)))
            for p in s.spec.ports {
                if let portName = p.name, !portName.isEmpty {
                    env.append((prefix + "_SERVICE_PORT_" + Self.envVariableName(portName), String(p.port)))
                }
            }
            for (i, p) in s.spec.ports.enumerated() {
                let proto = (p.protocol ?? .tcp).rawValue
                let address = "\(proto.lowercased())://\(ip):\(p.port)"
                if i == 0 { env.append((prefix + "_PORT", address)) }
                let portPrefix = "\(prefix)_PORT_\(p.port)_\(proto.uppercased())"
                env += [
                    (portPrefix, address), (portPrefix + "_PROTO", proto.lowercased()),
                    (portPrefix + "_PORT", String(p.port)), (portPrefix + "_ADDR", ip),
                ]
            }
        }
        return env
    }

    /// makeEnvVariableName: upper case, `-` as `_`.
    static func envVariableName(_ s: String) -> String {
        s.uppercased().map { $0 == "-" ? "_" : $0 }.reduce(into: "") { $0.append($1) }
    }
}
