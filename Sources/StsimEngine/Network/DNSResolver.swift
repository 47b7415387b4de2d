/// DNS record types stsim answers.
public enum DNSRecordType: String, Sendable, Hashable {
    case a = "A"
    case aaaa = "AAAA"
    case srv = "SRV"
}

/// One answer record, as CoreDNS fills it (10.2).
public struct DNSRecord: Sendable, Hashable {
    public enum Data: Sendable, Hashable {
        case a(String)
        case srv(priority: Int, weight: Int, port: Int, target: String)
    }
    /// Owner name, fully qualified with the trailing dot.
    public var name: String
    public var ttl: Int
    public var data: Data
}

public struct DNSAnswer: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case noError = "NOERROR"
        case nxDomain = "NXDOMAIN"
    }
    public var status: Status
    /// The name that answered, fully qualified (after search domains, for `resolve`).
    public var name: String
    public var answers: [DNSRecord]
    /// A records for SRV targets (dig's ADDITIONAL SECTION).
    public var additional: [DNSRecord]
}

/// Cluster DNS as CoreDNS's kubernetes plugin answers it, computed from Services and
/// EndpointSlices (reference 10): only endpoints whose `ready` condition is true are served.
struct DNSResolver {
    static let ttl = 30
    let cluster: Cluster
    var zone: String { "cluster.local" }

    /// The pod resolver's search list in a namespace (kubeadm defaults, ndots:5).
    func searchDomains(namespace: String) -> [String] { ["\(namespace).svc.\(zone)", "svc.\(zone)", zone] }

    /// Resolves like a pod's libc resolver: names with fewer than 5 dots try the search list first.
    func resolve(_ name: String, type: DNSRecordType, namespace: String) -> DNSAnswer {
        var n = name
        let absolute = n.hasSuffix(".")
        if absolute { n.removeLast() }
        if !absolute, n.split(separator: ".").count - 1 < 5 {
            for domain in searchDomains(namespace: namespace) {
                let a = query("\(n).\(domain)", type: type)
                if a.status == .noError { return a }
            }
        }
        return query(n, type: type)
    }

    /// Answers one fully-qualified name (with or without the trailing dot), like `dig` does.
    func query(_ name: String, type: DNSRecordType) -> DNSAnswer {
        var n = name.lowercased()
        if n.hasSuffix(".") { n.removeLast() }
        let fqdn = n + "."
        let nx = DNSAnswer(status: .nxDomain, name: fqdn, answers: [], additional: [])
        if n.hasSuffix(".pod.\(zone)") { return podName(n, fqdn: fqdn, type: type) }
        let suffix = ".svc.\(zone)"
        guard n.hasSuffix(suffix) else { return nx }
        var labels = n.dropLast(suffix.count).split(separator: ".").map(String.init)
        // <svc>.<ns> | <host>.<svc>.<ns> | _<port>._<proto>.<svc>.<ns>
        guard labels.count >= 2 else { return nx }
        let ns = labels.removeLast()
        let svcName = labels.removeLast()
        guard let svc = cluster.store.get(Service.self, namespace: ns, name: svcName) else { return nx }
        let base = "\(svcName).\(ns)\(suffix)"
        let endpoints = readyEndpoints(svc)
        func target(_ e: Endpoint) -> String {
            if let h = e.hostname { return "\(h).\(base)." }
            return "\(e.addresses[0].replacingDots()).\(base)."
        }
        switch labels.count {
        case 0:
            if type == .aaaa { return DNSAnswer(status: .noError, name: fqdn, answers: [], additional: []) }
            if type == .a {
                if !svc.isHeadless, let ip = svc.spec.clusterIP {
                    return DNSAnswer(
                        status: .noError, name: fqdn, answers: [DNSRecord(name: fqdn, ttl: Self.ttl, data: .a(ip))],
                        additional: [])
                }
                return DNSAnswer(
                    status: .noError, name: fqdn,
                    answers: endpoints.map { DNSRecord(name: fqdn, ttl: Self.ttl, data: .a($0.addresses[0])) },
                    additional: [])
            }
            return srv(fqdn: fqdn, svc: svc, endpoints: endpoints, port: nil, proto: nil, target: target)
        case 1:
            // A per-pod name exists only for a ready endpoint with that hostname.
            guard let e = endpoints.first(where: { $0.hostname == labels[0] }) else { return nx }
            if type == .a {
                return DNSAnswer(
                    status: .noError, name: fqdn,
                    answers: [DNSRecord(name: fqdn, ttl: Self.ttl, data: .a(e.addresses[0]))], additional: [])
            }
            return DNSAnswer(status: .noError, name: fqdn, answers: [], additional: [])
        case 2 where labels[0].hasPrefix("_") && labels[1].hasPrefix("_"):
            guard type == .srv else { return DNSAnswer(status: .noError, name: fqdn, answers: [], additional: []) }
            return srv(
                fqdn: fqdn, svc: svc, endpoints: endpoints, port: String(labels[0].dropFirst()),
                proto: String(labels[1].dropFirst()), target: target)
        default:
            return nx
        }
    }

    /// `<a-b-c-d>.<ns>.pod.cluster.local` (kubeadm's Corefile: `pods insecure`): the IP as written.
    private func podName(_ n: String, fqdn: String, type: DNSRecordType) -> DNSAnswer {
        let labels = n.dropLast(".pod.\(zone)".count).split(separator: ".")
        let octets = labels.first?.split(separator: "-").compactMap { UInt8($0) } ?? []
        guard labels.count == 2, octets.count == 4 else {
            return DNSAnswer(status: .nxDomain, name: fqdn, answers: [], additional: [])
        }
        if type != .a { return DNSAnswer(status: .noError, name: fqdn, answers: [], additional: []) }
        return DNSAnswer(
            status: .noError, name: fqdn,
            answers: [
                DNSRecord(name: fqdn, ttl: Self.ttl, data: .a(octets.map(String.init).joined(separator: ".")))
            ], additional: [])
    }

    private func srv(
        fqdn: String, svc: Service, endpoints: [Endpoint], port: String?, proto: String?, target: (Endpoint) -> String
    ) -> DNSAnswer {
        let ports = svc.spec.ports.filter { p in
            (port == nil || (p.name ?? "").lowercased() == port)
                && (proto == nil || (p.protocol ?? .tcp).rawValue.lowercased() == proto)
        }
        if port != nil, ports.isEmpty { return DNSAnswer(status: .nxDomain, name: fqdn, answers: [], additional: []) }
        var records: [(Int, String, String)] = []
        if svc.isHeadless {
            for e in endpoints {
                for p in ports { records.append((Int(p.targetPort ?? "") ?? p.port, target(e), e.addresses[0])) }
            }
        } else if let ip = svc.spec.clusterIP {
            let name = fqdn.split(separator: ".").suffix(5).joined(separator: ".") + "."
            for p in ports { records.append((p.port, port == nil ? fqdn : name, ip)) }
        }
        let weight = records.isEmpty ? 0 : max(1, 100 / records.count)
        let answers = records.map {
            DNSRecord(name: fqdn, ttl: Self.ttl, data: .srv(priority: 0, weight: weight, port: $0.0, target: $0.1))
        }
        var seen = Set<String>()
        let additional = records.filter { seen.insert($0.1).inserted }.map {
            DNSRecord(name: $0.1, ttl: Self.ttl, data: .a($0.2))
        }
        return DNSAnswer(status: .noError, name: fqdn, answers: answers, additional: additional)
    }

    /// The Service's endpoints CoreDNS serves (`ready` true or unset), ordered by pod name.
    func readyEndpoints(_ svc: Service) -> [Endpoint] {
        let key = ObjectKey(kind: .service, namespace: svc.metadata.namespace, name: svc.metadata.name)
        var out: [Endpoint] = []
        for name in cluster.endpoints.sliceNames(for: key) {
            guard let slice = cluster.store.get(EndpointSlice.self, namespace: key.namespace, name: name) else {
                continue
            }
            out += slice.endpoints.filter { $0.conditions.ready ?? true }
        }
        return out.sorted { ($0.targetRef?.name ?? "").utf8.lexicographicallyPrecedes(($1.targetRef?.name ?? "").utf8) }
    }
}

extension String {
    func replacingDots() -> String { String(map { $0 == "." ? "-" : $0 }) }
}

extension Cluster {
    /// Answers a DNS query for one name as given (like `dig`, which does not use search domains).
    public func dnsQuery(_ name: String, type: DNSRecordType) -> DNSAnswer {
        DNSResolver(cluster: self).query(name, type: type)
    }

    /// Resolves a name as a pod in `namespace` would (search domains, ndots:5).
    public func dnsResolve(_ name: String, type: DNSRecordType, namespace: String? = nil) -> DNSAnswer {
        DNSResolver(cluster: self).resolve(name, type: type, namespace: namespace ?? config.namespace)
    }

    /// The search list of a pod's /etc/resolv.conf in a namespace.
    public func dnsSearchDomains(namespace: String? = nil) -> [String] {
        DNSResolver(cluster: self).searchDomains(namespace: namespace ?? config.namespace)
    }
}
