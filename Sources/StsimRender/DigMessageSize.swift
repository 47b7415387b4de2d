import StsimEngine

/// The `MSG SIZE  rcvd:` figure: the reply's DNS wire size. CoreDNS does not compress names in
/// its replies, which real transcripts confirm (`dig nginx.default.svc.cluster.local` against a
/// cluster reports 119 bytes: 12 header + 37 question + 47 answer + 23 OPT with the echoed cookie).
extension DigOutput {
    static func messageSize(qname: String, answer: DNSAnswer, authority: Bool) -> Int {
        var size = 12 + wireLength(qname) + 4
        for r in answer.answers + answer.additional { size += record(r) }
        if authority {
            // SOA: owner, fixed fields, two names, five 32-bit numbers.
            let zone = soaZone(of: qname)
            size += wireLength(zone) + 10 + wireLength("ns.dns.\(zone)") + wireLength("hostmaster.\(zone)") + 20
        }
        // OPT pseudo-record (11) with the echoed 8-byte client cookie (4 + 8).
        return size + 11 + 12
    }

    private static func record(_ r: DNSRecord) -> Int {
        switch r.data {
        case .a: wireLength(r.name) + 10 + 4
        case .srv(_, _, _, let target): wireLength(r.name) + 10 + 6 + wireLength(target)
        }
    }

    /// Length-prefixed labels and the root's zero byte.
    static func wireLength(_ name: String) -> Int {
        name.split(separator: ".").reduce(1) { $0 + 1 + $1.utf8.count }
    }
}
