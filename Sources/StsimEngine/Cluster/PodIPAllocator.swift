/// Pod addresses as kubeadm clusters hand them out: 10.244.0.0/16, one /24 per node (the
/// control plane gets .0, workers .1, .2, ... in creation order), host-local IPAM giving the next
/// free address after the last one it gave.
struct PodIPAllocator: Codable {
    private var subnets: [String: Int] = [:]
    private var nextSubnet = 0
    private var used: [Int: Set<Int>] = [:]
    private var last: [Int: Int] = [:]

    mutating func subnetIndex(for node: String) -> Int {
        if let i = subnets[node] { return i }
        let i = nextSubnet
        nextSubnet += 1
        subnets[node] = i
        return i
    }

    /// The next free address on the node's /24 (.2 to .254), or nil when the range is full.
    mutating func allocate(on node: String) -> String? {
        let s = subnetIndex(for: node)
        var candidate = last[s] ?? 1
        for _ in 0..<253 {
            candidate = candidate >= 254 ? 2 : candidate + 1
            if used[s, default: []].insert(candidate).inserted {
                last[s] = candidate
                return "10.244.\(s % 256).\(candidate)"
            }
        }
        return nil
    }

    mutating func release(_ ip: String, on node: String) {
        guard let s = subnets[node], let host = ip.split(separator: ".").last.flatMap({ Int($0) }) else { return }
        used[s]?.remove(host)
    }
}
