/// How each kind of probe asks the container (upstream pkg/probe/exec, pkg/probe/http,
/// pkg/probe/tcp): the answer is nil on success, else `failed: OUTPUT` or `errored: WHY`.
extension Kubelet {
    /// Runs an exec probe through the container runtime: exit status 0 passes; otherwise the
    /// output is the command's stdout and stderr together.
    func execProbeFailure(_ pod: Pod, _ i: Int, _ command: [String], timeout: VirtualDuration) -> String? {
        let clock = ProbeClock(limit: timeout)
        let hooks = ShellHooks(sleep: { try clock.spend($0) })
        do {
            let r = try cluster.runInContainer(pod, container: i, argv: command, hooks: hooks)
            return r.exitCode == 0 ? nil : "failed: " + r.inOrder.map(\.text).joined()
        } catch let stopped as ShellStopped {
            return Self.execError(stopped.error, command)
        } catch {
            return Self.execError(error, command)
        }
    }

    private static func execError(_ error: any Error, _ command: [String]) -> String {
        switch error {
        // The CRI's timeout error, as the exec prober passes it on (Go's %q of the command).
        case is ProbeClock.TimedOut: "failed: command \"\(command.joined(separator: " "))\" timed out"
        case ShellFailure.notSimulated(let tool): "errored: stsim does not simulate \(tool) in a probe"
        case ShellFailure.unsupported(let why): "errored: stsim cannot run this probe: \(why)"
        case ShellFailure.runaway(let steps): "errored: stsim stopped the probe after \(steps) steps"
        default: "errored: \(error)"
        }
    }

    /// An HTTP GET from the node to the pod's address, answered by the program listening there:
    /// a status from 200 to 399 passes. Transport errors are Go's `client.Do` errors, which the
    /// prober reports as failures.
    func httpProbeFailure(_ rp: RuntimePod, _ pod: Pod, _ i: Int, path: String, port: String, scheme: String?)
        -> String?
    {
        let number: Int
        switch Self.resolvePort(port, pod.spec.containers[i]) {
        case .success(let n): number = n
        case .failure(let why): return "errored: " + why.text
        }
        let ip = rp.podIP ?? ""
        let https = scheme?.uppercased() == "HTTPS"
        let url = "\(https ? "https" : "http")://\(ip):\(number)\(path.hasPrefix("/") ? path : "/" + path)"
        let request = HTTPRequest(path: path, client: Self.gateway(of: ip), userAgent: "kube-probe/1.32")
        switch cluster.deliver(request, ip: ip, port: number, from: nodeName) {
        case .success(let response):
            // stsim's programs speak plain HTTP, so a TLS handshake gets an HTTP answer.
            if https { return "failed: Get \"\(url)\": http: server gave HTTP response to HTTPS client" }
            return (200..<400).contains(response.status)
                ? nil : "failed: HTTP probe failed with statuscode: \(response.status)"
        case .failure(let error):
            return "failed: Get \"\(url)\": " + Self.dialError(error, ip: ip, port: number)
        }
    }

    /// A TCP connection to the pod's address: it passes when a running program listens there.
    func tcpProbeFailure(_ rp: RuntimePod, _ pod: Pod, _ i: Int, port: String) -> String? {
        let number: Int
        switch Self.resolvePort(port, pod.spec.containers[i]) {
        case .success(let n): number = n
        case .failure(let why): return "errored: " + why.text
        }
        let ip = rp.podIP ?? ""
        guard let error = cluster.connect(ip: ip, port: number, from: nodeName) else { return nil }
        return "failed: " + Self.dialError(error, ip: ip, port: number)
    }

    /// Go's net.Dial error text.
    private static func dialError(_ error: ConnectError, ip: String, port: Int) -> String {
        switch error {
        case .timedOut: "dial tcp \(ip):\(port): i/o timeout"
        case .refused, .unknownHost: "dial tcp \(ip):\(port): connect: connection refused"
        }
    }

    struct PortError: Error { var text: String }

    /// pkg/probe/util.go's ResolveContainerPort: a number, or the name of one of the
    /// container's ports; an unknown name falls through to strconv.Atoi and its error.
    static func resolvePort(_ port: String, _ c: Container) -> Result<Int, PortError> {
        if let n = Int(port) { return .success(n) }
        if let p = c.ports.first(where: { $0.name == port }) { return .success(p.containerPort) }
        return .failure(PortError(text: "strconv.Atoi: parsing \"\(port)\": invalid syntax"))
    }

    /// Probes leave the node through the host end of the pod's veth, the .1 of the node's pod
    /// subnet (kindnet's ptp plugin), so programs log that address as the client.
    static func gateway(of podIP: String) -> String {
        var parts = podIP.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 else { return podIP }
        parts[3] = "1"
        return parts.joined(separator: ".")
    }
}

/// The virtual time an exec probe's command has taken (its `sleep`s), held against
/// `timeoutSeconds`.
final class ProbeClock {
    struct TimedOut: Error {}
    let limit: VirtualDuration
    private var spent = VirtualDuration.zero

    init(limit: VirtualDuration) { self.limit = limit }

    func spend(_ d: VirtualDuration) throws {
        spent = spent + d
        if !(spent < limit) { throw TimedOut() }
    }
}
