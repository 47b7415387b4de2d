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

    /// `name` is the query as the user typed it (echoed on the `<<>> DiG` line); the QUESTION
    /// section shows the name that was actually asked, `answer.name`, which differs when the
    /// session resolved a short name through the pod's search list, as `dig +search` shows it.
    public static func render(
        query name: String, type: DNSRecordType, answer: DNSAnswer, now: VirtualTime,
        calendar: VirtualCalendar = .standard, echoed: String? = nil
    ) -> String {
        let qname = fullyQualified(answer.name.isEmpty ? name : answer.name)
        let negative = answer.status == .nxDomain || answer.answers.isEmpty
        let authority = negative ? [soa(zone: soaZone(of: qname), now: now, calendar: calendar)] : []
        var out = "\n"
        // `echoed`: the arguments as typed in a pod (`dig SRV kubia...`, `dig kubia`).
        out += "; <<>> DiG \(version) <<>> \(echoed ?? "\(type.rawValue) \(name)")\n"
        out += ";; global options: +cmd\n"
        out += ";; Got answer:\n"
        if qname.hasSuffix(".local.") {
            // dig 9.16+ warns about every name under .local, which cluster.local is.
            out += ";; WARNING: .local is reserved for Multicast DNS\n"
            out += ";; You are currently testing what happens when an mDNS query is leaked to DNS\n"
        }
        out +=
            ";; ->>HEADER<<- opcode: QUERY, status: \(answer.status.rawValue), id: \(messageID(type: type, name: qname))\n"
        // ADDITIONAL counts the EDNS OPT record too, as dig does.
        out +=
            ";; flags: qr aa rd; QUERY: 1, ANSWER: \(answer.answers.count), AUTHORITY: \(authority.count), "
            + "ADDITIONAL: \(answer.additional.count + 1)\n"
        out += ";; WARNING: recursion requested but not available\n"
        // dig sends a client cookie and CoreDNS echoes it; the cookie is derived from the query
        // (like the id) so that the output is the same on every run.
        out += "\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n"
        out += "; COOKIE: \(cookie(type: type, name: qname)) (echoed)\n"
        out += ";; QUESTION SECTION:\n"
        // The `;` is written before BIND starts counting columns, so it shifts the line by one.
        out +=
            ";" + BINDColumns.line(qname, [("IN", BINDColumns.classColumn), (type.rawValue, BINDColumns.typeColumn)])
            + "\n"
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

    /// Owner, TTL, class, type and data at BIND's columns (see `BINDColumns`).
    static func recordLine(_ r: DNSRecord) -> String {
        BINDColumns.record(r.name, ttl: r.ttl, type: typeName(r.data), data: rdata(r.data))
    }

    static func typeName(_ d: DNSRecord.Data) -> String {
        switch d {
        case .a: "A"
        case .srv: "SRV"
        }
    }

    /// SRV data is `priority weight port target`.
    public static func rdata(_ d: DNSRecord.Data) -> String {
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
    static func soaZone(of qname: String) -> String {
        qname.hasSuffix("cluster.local.") ? "cluster.local." : "."
    }

    private static func soa(zone: String, now: VirtualTime, calendar: VirtualCalendar) -> String {
        let serial = calendar.unixSecondsAtZero + HumanDuration.wholeSeconds(now)
        guard zone != "." else {
            // Outside cluster.local CoreDNS forwards upstream; the root zone answers NXDOMAIN.
            return BINDColumns.record(
                zone, ttl: 30, type: "SOA",
                data: "a.root-servers.net. nstld.verisign-grs.com. 2025112400 1800 900 604800 86400")
        }
        return BINDColumns.record(
            zone, ttl: 30, type: "SOA", data: "ns.dns.\(zone) hostmaster.\(zone) \(serial) 7200 1800 86400 30")
    }

    /// A 16-bit id from the query, so the same question always prints the same header.
    static func messageID(type: DNSRecordType, name: String) -> Int {
        Int(fnv1a("\(type.rawValue) \(name)") & 0xFFFF)
    }

    /// dig's 8-byte client cookie as 16 hex digits, from the query.
    static func cookie(type: DNSRecordType, name: String) -> String {
        let hex = String(fnv1a("cookie \(type.rawValue) \(name)"), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// 64-bit FNV-1a: small, stable across runs and platforms (Swift's `Hasher` is seeded).
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
