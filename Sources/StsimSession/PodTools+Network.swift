import StsimEngine
import StsimLanguage
import StsimRender

/// The network tools in a pod: curl through the pod network, dig and nslookup against the
/// cluster DNS with the pod's resolver.
extension Session {
    /// dig as in a pod: no search list unless `+search` (dig's default), `+short` for data only.
    func digInside(_ pod: Pod, _ args: [String]) throws -> ProcessResult {
        var type = DNSRecordType.a
        var name: String?
        var short = false
        var search = false
        for a in args {
            if a.hasPrefix("+") {
                if a == "+short" {
                    short = true
                } else if a == "+search" {
                    search = true
                } else {
                    throw SessionError("stsim's dig takes +short and +search; not \(a)")
                }
            } else if a.hasPrefix("@") {
                continue
            } else if let t = DNSRecordType(rawValue: a.uppercased()),
                name != nil || ["A", "AAAA", "SRV"].contains(a.uppercased())
            {
                type = t
            } else {
                name = a
            }
        }
        guard let name else {
            throw SessionError("dig: give the name to look up, as in dig SRV kubia.default.svc.cluster.local")
        }
        let answer =
            search
            ? cluster.dnsResolve(name, type: type, namespace: pod.metadata.namespace)
            : cluster.dnsQuery(name, type: type)
        if short {
            return ProcessResult(stdout: answer.answers.map { DigOutput.rdata($0.data) + "\n" }.joined())
        }
        let query = args.filter { !$0.hasPrefix("+") && !$0.hasPrefix("@") }.joined(separator: " ")
        return ProcessResult(
            stdout: DigOutput.render(query: query, type: type, answer: answer, now: cluster.now, echoed: query))
    }

    func nslookup(_ pod: Pod, _ args: [String], busybox: Bool) -> ProcessResult {
        guard let name = args.first(where: { !$0.hasPrefix("-") }) else {
            return ProcessResult(stderr: "nslookup: interactive mode is not simulated; give a name\n", exitCode: 1)
        }
        let old = busybox && Self.isBusybox128OrOlder(pod.spec.containers.first?.image ?? "")
        // BusyBox 1.29+ has its own resolver, which tries the search list only for a name without
        // a dot: `nslookup web-0.nginx` is NXDOMAIN there, which is why the tutorial pins 1.28.
        let answer =
            busybox && !old && name.contains(".") && !name.hasSuffix(".")
            ? cluster.dnsQuery(name + ".", type: .a)
            : cluster.dnsResolve(name, type: .a, namespace: pod.metadata.namespace)
        if old {
            let reverse = reverseNames(answer)
            let (out, err) = NslookupOutput.renderBusybox128(query: name, answer: answer) { reverse[$0] }
            return ProcessResult(stdout: out, stderr: err, exitCode: err.isEmpty ? 0 : 1)
        }
        let (text, failed) = NslookupOutput.render(query: name, answer: answer, flavour: busybox ? .busybox : .bind)
        return ProcessResult(stdout: text, exitCode: failed ? 1 : 0)
    }

    /// BusyBox before 1.29 used the C library's resolver and printed reverse names.
    static func isBusybox128OrOlder(_ image: String) -> Bool { (ImageProfile.busyboxMinor(image) ?? 29) < 29 }

    /// What a reverse lookup gives for the addresses of an answer, as CoreDNS serves PTR records:
    /// the DNS server's own name, a headless service's pods by their hostnames (its SRV targets),
    /// else the name that answered. Looks only at the one name queried.
    private func reverseNames(_ answer: DNSAnswer) -> [String: String] {
        var names = ["10.96.0.10": "kube-dns.kube-system.svc.cluster.local"]
        guard answer.status == .noError else { return names }
        for record in answer.answers { if case .a(let ip) = record.data { names[ip] = String(record.name.dropLast()) } }
        for record in cluster.dnsQuery(answer.name, type: .srv).additional {
            if case .a(let ip) = record.data { names[ip] = String(record.name.dropLast()) }
        }
        return names
    }
}
