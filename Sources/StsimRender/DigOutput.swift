import StsimEngine

/// `dig TYPE NAME` as BIND 9.18's dig prints a CoreDNS answer (reference 10.3), from the
/// engine's `DNSAnswer`. Byte-identical across runs: the message id is derived from the query,
/// the `WHEN:` line comes from the virtual calendar, and `Query time` is 0 (CoreDNS answers from
/// memory, and virtual time does not pass during a query).
public enum DigOutput {
    /// The BIND release a current dnsutils image (Debian bookworm) carries.
    static let version = "9.18.33"
    /// kubeadm's cluster DNS address (10.3).
    static let server = "10.96.0.10"

    /// `name` is the query as the user typed it; `type` is `A`, `AAAA` or `SRV`.
    public static func render(
        query name: String, type: DNSRecordType, answer: DNSAnswer, now: VirtualTime,
        calendar: VirtualCalendar = .standard
    ) -> String {
        let qname = fullyQualified(name)
        let negative = answer.status == .nxDomain || answer.answers.isEmpty
        let authority = negative ? [soa(zone: zone(of: qname), now: now, calendar: calendar)] : []
        var out = "\n"
        out += "; <<>> DiG \(version) <<>> \(type.rawValue) \(name)\n"
        out += ";; global options: +cmd\n"
        out += ";; Got answer:\n"
        if qname.hasSuffix(".local.") {
            // dig 9.16+ warns about every name under .local, which cluster.local is.
            out += ";; WARNING: .local is reserved for Multicast DNS\n"
            out += ";; You are currently testing what happens when an mDNS query is leaked to DNS\n"
        }
        out += ";; ->>HEADER<<- opcode: QUERY, status: \(answer.status.rawValue), id: \(messageID(type: type, name: qname))\n"
        // ADDITIONAL counts the EDNS OPT record too, as dig does.
        out += ";; flags: qr aa rd; QUERY: 1, ANSWER: \(answer.answers.count), AUTHORITY: \(authority.count), "
            + "ADDITIONAL: \(answer.additional.count + 1)\n"
        out += ";; WARNING: recursion requested but not available\n"
        out += "\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n"
        out += ";; QUESTION SECTION:\n"
        out += ";" + columns([qname], then: ["IN", type.rawValue], ownerWidthBonus: 1) + "\n"
        out += section("ANSWER", answer.answers.map(recordLine))
        out += section("AUTHORITY", authority)
        out += section("ADDITIONAL", answer.additional.map(recordLine))
        out += "\n;; Query time: 0 msec\n"
        out += ";; SERVER: \(server)#53(\(server)) (UDP)\n"
        out += ";; WHEN: \(calendar.unixDate(now))\n"
        out += ";; MSG SIZE  rcvd: \(messageSize(qname: qname, answer: answer, authority: !authority.isEmpty))\n"
        out += "\n"
        return out
    }

    private static func section(_ title: String, _ lines: [String]) -> String {
        lines.isEmpty ? "" : "\n;; \(title) SECTION:\n" + lines.map { $0 + "\n" }.joined()
    }

    /// Owner, TTL, class, type and data separated by tabs; owners shorter than 24 columns get
    /// extra tabs up to column 24 (8-column tab stops), as in 10.3.
    static func recordLine(_ r: DNSRecord) -> String {
        columns([r.name], then: ["\(r.ttl)", "IN", typeName(r.data), rdata(r.data)])
    }

    private static func columns(_ owner: [String], then fields: [String], ownerWidthBonus: Int = 0) -> String {
        let width = owner[0].unicodeScalars.count + ownerWidthBonus
        let tabs = width < 24 ? (24 - width + 7) / 8 : 1
        return owner[0] + String(repeating: "\t", count: tabs) + fields.joined(separator: "\t")
    }

    static func typeName(_ d: DNSRecord.Data) -> String {
        switch d {
        case .a: "A"
        case .srv: "SRV"
        }
    }

    /// SRV data is `priority weight port target`.
    static func rdata(_ d: DNSRecord.Data) -> String {
        switch d {
        case .a(let ip): ip
        case .srv(let priority, let weight, let port, let target): "\(priority) \(weight) \(port) \(target)"
        }
    }

    static func fullyQualified(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? lower : lower + "."
    }

    /// CoreDNS answers negative and empty replies with its zone's SOA in AUTHORITY; the zone is
    /// the cluster domain. The serial is a Unix time, taken here from the virtual calendar.
    private static func zone(of qname: String) -> String {
        qname.hasSuffix("cluster.local.") ? "cluster.local." : "."
    }

    private static func soa(zone: String, now: VirtualTime, calendar: VirtualCalendar) -> String {
        let serial = calendar.unixSecondsAtZero + HumanDuration.wholeSeconds(now)
        return columns([zone], then: ["30", "IN", "SOA", "ns.dns.\(zone) hostmaster.\(zone) \(serial) 7200 1800 86400 30"])
    }

    /// A 16-bit id from the query (FNV-1a), so the same question always prints the same header.
    static func messageID(type: DNSRecordType, name: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in "\(type.rawValue) \(name)".utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash & 0xFFFF)
    }
}
