import StsimEngine
import StsimLanguage
import StsimRender

/// BusyBox's ping in a pod: `-c COUNT` echoes to a pod or service name through the pod's
/// resolver. Without `-c` it never ends, so stsim asks for a count.
extension Session {
    func pingInside(_ call: ToolCall) throws -> ProcessResult {
        var count: Int?
        var host: String?
        var quiet = false
        var args = Array(call.argv.dropFirst())[...]
        while let a = args.popFirst() {
            if a == "-c" {
                guard let n = args.popFirst().flatMap({ Int($0) }), n > 0 else {
                    return ProcessResult(stderr: "ping: invalid number '\(args.first ?? "")'\n", exitCode: 1)
                }
                count = n
            } else if a.hasPrefix("-c"), let n = Int(a.dropFirst(2)), n > 0 {
                count = n
            } else if a == "-q" {
                quiet = true
            } else if a.hasPrefix("-") {
                throw ShellFailure.unsupported("stsim's ping takes -c COUNT and -q; not \(a)")
            } else {
                host = a
            }
        }
        guard let host else {
            return ProcessResult(
                stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n",
                exitCode: 1)
        }
        guard let count else {
            throw ShellFailure.unsupported("ping without -c never ends; give a count, as in ping -c 3 \(host)")
        }
        var ip = host
        if !Cluster.isIPv4Address(host) {
            let answer = cluster.dnsResolve(host, type: .a, namespace: call.pod.metadata.namespace)
            guard case .a(let address)? = answer.answers.first?.data else {
                return ProcessResult(stderr: "ping: bad address '\(host)'\n", exitCode: 1)
            }
            ip = address
        }
        let reply = cluster.pingReply(ip, from: call.pod.spec.nodeName)
        var (text, ok) = PingOutput.render(host: host, ip: ip, count: count, reply: reply)
        if quiet {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            text = lines.filter { !$0.hasPrefix("64 bytes") }.joined(separator: "\n")
        }
        return ProcessResult(stdout: text, exitCode: ok ? 0 : 1)
    }
}
