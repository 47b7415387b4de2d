/// The API server's proxy subresources (`/api/v1/namespaces/NS/pods/NAME[:PORT]/proxy/PATH`
/// and `.../services/NAME[:PORT]/proxy/PATH`), which `kubectl proxy` passes requests to.
/// Errors are the API server's (k/k pkg/registry/core/pod/strategy.go `ResourceLocation`,
/// service/storage `ResourceLocation`, apimachinery proxy's error responder).
extension Cluster {
    public enum ProxyResource: String, Sendable { case pods, services }

    /// The address the API server's requests come from: the control-plane node's.
    var apiServerAddress: String {
        store.get(Node.self, namespace: "", name: config.controlPlaneName)?.status.internalIP ?? "172.18.0.2"
    }

    public func proxy(_ request: HTTPRequest, namespace: String, resource: ProxyResource, name target: String)
        -> Result<HTTPResponse, APIError>
    {
        // `name`, `name:port` or `scheme:name:port`.
        let parts = target.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = parts.count == 3 ? parts[1] : parts[0]
        let port = parts.count >= 2 ? parts[parts.count - 1] : ""
        var req = request
        req.client = apiServerAddress
        switch resource {
        case .pods: return proxyToPod(req, namespace: namespace, name: name, port: port)
        case .services: return proxyToService(req, namespace: namespace, name: name, port: port)
        }
    }

    private func proxyToPod(_ request: HTTPRequest, namespace: String, name: String, port: String) -> Result<
        HTTPResponse, APIError
    > {
        guard let pod = store.get(Pod.self, namespace: namespace, name: name) else {
            return .failure(.notFound(.pod, name))
        }
        // Without a port, the first port any container declares.
        var number = Int(port)
        if port.isEmpty { number = pod.spec.containers.lazy.compactMap { $0.ports.first?.containerPort }.first ?? 80 }
        if number == nil { number = pod.spec.containers.flatMap(\.ports).first { $0.name == port }?.containerPort }
        guard let ip = pod.status.podIP, !ip.isEmpty else {
            return .failure(APIError(reason: .badRequest, message: "address not allowed"))
        }
        guard let n = number else {
            return .failure(
                APIError(
                    reason: .serviceUnavailable,
                    message: "error trying to reach service: dial tcp: lookup \(port): no such host"))
        }
        return reach(request, ip: ip, port: n)
    }

    private func proxyToService(_ request: HTTPRequest, namespace: String, name: String, port: String) -> Result<
        HTTPResponse, APIError
    > {
        guard let svc = store.get(Service.self, namespace: namespace, name: name) else {
            return .failure(.notFound(.service, name))
        }
        let sp =
            port.isEmpty ? svc.spec.ports.first : svc.spec.ports.first { $0.name == port || String($0.port) == port }
        let endpoints = DNSResolver(cluster: self).readyEndpoints(svc)
        guard let sp, !endpoints.isEmpty else {
            return .failure(
                APIError(reason: .serviceUnavailable, message: "no endpoints available for service \"\(name)\""))
        }
        let e = endpoints[endpoints.count == 1 ? 0 : apps.pick(endpoints.count)]
        return reach(
            request, ip: e.addresses[0], port: targetPort(sp, endpointPod: e.targetRef?.name, namespace: namespace))
    }

    private func reach(_ request: HTTPRequest, ip: String, port: Int) -> Result<HTTPResponse, APIError> {
        switch deliver(request, ip: ip, port: port, from: nil) {
        case .success(let r): return .success(r)
        case .failure(.timedOut):
            // The API server's dialer gives up after its timeout.
            return .failure(
                APIError(
                    reason: .serviceUnavailable,
                    message: "error trying to reach service: dial tcp \(ip):\(port): i/o timeout"))
        case .failure:
            return .failure(
                APIError(
                    reason: .serviceUnavailable,
                    message: "error trying to reach service: dial tcp \(ip):\(port): connect: connection refused"))
        }
    }
}
