/// The NodePorts rule (kubernetes/kubernetes pkg/scheduler/framework/plugins/nodeports), shared by
/// the scheduler's filter and the kubelet's admission (`generalFilter`): two pods on one node may
/// not want the same host port and protocol, unless both name different host IPs.
struct HostPortClaim: Codable, Hashable {
    var port: Int
    var `protocol`: String
    var ip: String

    static let reason = "node(s) didn't have free ports for the requested pod ports"

    /// The host ports a pod wants (a port without `hostPort`, or with 0, wants none).
    static func of(_ spec: PodSpec) -> [HostPortClaim] {
        spec.containers.flatMap { c in
            c.ports.compactMap { p -> HostPortClaim? in
                guard let h = p.hostPort, h > 0 else { return nil }
                let ip = (p.hostIP ?? "").isEmpty ? "0.0.0.0" : p.hostIP!
                return HostPortClaim(port: h, protocol: (p.protocol ?? .tcp).rawValue, ip: ip)
            }
        }
    }

    /// `HostPortInfo.CheckConflict`: 0.0.0.0 conflicts with every address.
    func conflicts(with other: HostPortClaim) -> Bool {
        port == other.port && `protocol` == other.protocol
            && (ip == other.ip || ip == "0.0.0.0" || other.ip == "0.0.0.0")
    }

    static func fits(_ wanted: [HostPortClaim], among used: [HostPortClaim]) -> Bool {
        !wanted.contains { w in used.contains { w.conflicts(with: $0) } }
    }
}
