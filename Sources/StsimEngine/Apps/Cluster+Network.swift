/// The pod network as programs and `curl` see it: names resolve through the pod's resolver,
/// a Service's ClusterIP forwards to one of its ready endpoints (kube-proxy), and a pod's
/// address answers only while a container there runs a program listening on that port.
extension Cluster {
    /// Sends a request to `host:port` from inside `namespace`, where `host` is a name or an IP;
    /// `node` is where the sender runs (nil: the control plane, as for the API server's proxy).
    public func httpRequest(
        _ request: HTTPRequest, host: String, port: Int, namespace: String, from node: String? = nil
    ) -> Result<HTTPResponse, ConnectError> {
        var ip = host
        if !Self.isIPv4(host) {
            let answer = dnsResolve(host, type: .a, namespace: namespace)
            let addresses: [String] = answer.answers.compactMap {
                if case .a(let a) = $0.data { return a } else { return nil }
            }
            // CoreDNS's loadbalance plugin shuffles A records; the client takes the first.
            guard !addresses.isEmpty else { return .failure(.unknownHost(host)) }
            ip = addresses.count == 1 ? addresses[0] : addresses[apps.pick(addresses.count)]
        }
        if let svc = serviceWithClusterIP(ip) {
            // kube-proxy: a random ready endpoint, at the port's target port.
            guard let sp = svc.spec.ports.first(where: { $0.port == port }) else {
                return .failure(.refused(ip: ip, port: port))
            }
            let endpoints = DNSResolver(cluster: self).readyEndpoints(svc)
            guard !endpoints.isEmpty else { return .failure(.refused(ip: ip, port: port)) }
            let e = endpoints[endpoints.count == 1 ? 0 : apps.pick(endpoints.count)]
            return deliver(
                request, ip: e.addresses[0],
                port: targetPort(sp, endpointPod: e.targetRef?.name, namespace: svc.metadata.namespace), from: node)
        }
        return deliver(request, ip: ip, port: port, from: node)
    }

    /// Hands the request to the program listening at `ip:port`, if there is one running and the
    /// network between the two nodes stands.
    func deliver(_ request: HTTPRequest, ip: String, port: Int, from node: String?) -> Result<
        HTTPResponse, ConnectError
    > {
        let source = node ?? config.controlPlaneName
        if let target = self.node(ofPodIP: ip), target != source,
            !isLinkConnected(node: target) || !isLinkConnected(node: source)
        {
            return .failure(.timedOut(ip: ip, port: port))
        }
        guard let (pod, index, program) = listener(ip: ip, port: port) else {
            return .failure(.refused(ip: ip, port: port))
        }
        return .success(program.serve(request, in: PodContext(cluster: self, pod: pod, container: index)))
    }

    /// Opens a TCP connection to `ip:port` (a tcpSocket probe): nil when a running program
    /// listens there and the network between the two nodes stands.
    func connect(ip: String, port: Int, from node: String) -> ConnectError? {
        if let target = self.node(ofPodIP: ip), target != node,
            !isLinkConnected(node: target) || !isLinkConnected(node: node)
        {
            return .timedOut(ip: ip, port: port)
        }
        return listener(ip: ip, port: port) == nil ? .refused(ip: ip, port: port) : nil
    }

    /// Whether an ICMP echo from a pod on `node` to `ip` is answered, and by a pod on the same
    /// node (no hop, TTL 64) or another (one routed hop, TTL 63). A Service's ClusterIP never
    /// answers: kube-proxy's iptables rules forward TCP and UDP ports only.
    public func pingReply(_ ip: String, from node: String?) -> PingReply {
        let source = node ?? config.controlPlaneName
        guard serviceWithClusterIP(ip) == nil, let target = self.node(ofPodIP: ip) else { return .none }
        if target != source, !isLinkConnected(node: target) || !isLinkConnected(node: source) { return .none }
        let up = kubelets[target]?.pods.values.contains { $0.podIP == ip && $0.sandboxReady } ?? false
        guard up else { return .none }
        return target == source ? .sameNode : .otherNode
    }

    /// The node a pod address belongs to: the kubelet running it, else the API's pod.
    private func node(ofPodIP ip: String) -> String? {
        for kubelet in kubelets.values where kubelet.pods.values.contains(where: { $0.podIP == ip && !$0.terminating })
        {
            return kubelet.nodeName
        }
        return list(Pod.self).first { $0.status.podIP == ip }?.spec.nodeName
    }

    /// The running container at an address whose program listens on the port: the kubelet's
    /// truth (a pod deleted from the API may still run), not the API's.
    private func listener(ip: String, port: Int) -> (Pod, Int, PodProgram)? {
        for kubelet in kubelets.values {
            for rp in kubelet.pods.values where rp.podIP == ip && !rp.terminating {
                guard let pod = store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name)?.asRun,
                    pod.metadata.uid == rp.uid
                else { continue }
                for (i, c) in rp.containers.enumerated() where c.isRunning {
                    if let program = ProgramCatalog.program(for: pod, container: i), program.port == port {
                        return (pod, i, program)
                    }
                }
            }
        }
        return nil
    }

    private func serviceWithClusterIP(_ ip: String) -> Service? {
        list(Service.self).first { !$0.isHeadless && $0.spec.clusterIP == ip }
    }

    /// A service port's target: a number, a container port's name in the endpoint's pod, or the port itself.
    func targetPort(_ sp: ServicePort, endpointPod: String?, namespace: String) -> Int {
        guard let t = sp.targetPort, !t.isEmpty else { return sp.port }
        if let n = Int(t) { return n }
        let pod = endpointPod.flatMap { store.get(Pod.self, namespace: namespace, name: $0) }
        return pod?.spec.containers.flatMap(\.ports).first { $0.name == t }?.containerPort ?? sp.port
    }

    public static func isIPv4Address(_ s: String) -> Bool { isIPv4(s) }

    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// What a ping hears back.
public enum PingReply: Sendable, Hashable {
    case none, sameNode, otherNode
}
