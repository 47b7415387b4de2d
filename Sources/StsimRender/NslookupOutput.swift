import StsimEngine

/// `nslookup NAME` as BIND 9.18's nslookup (tutum/dnsutils) and BusyBox's print a CoreDNS
/// answer. nslookup applies the resolver's search list, so `answer.name` is the name that
/// answered.
public enum NslookupOutput {
    public enum Flavour: Sendable { case bind, busybox }

    /// The text, and whether the lookup failed (nslookup then exits 1).
    public static func render(query: String, answer: DNSAnswer, flavour: Flavour) -> (text: String, failed: Bool) {
        let server = "10.96.0.10"
        var out = "Server:\t\t\(server)\n"
        out += flavour == .bind ? "Address:\t\(server)#53\n\n" : "Address:\t\(server):53\n\n"
        let addresses: [String] = answer.answers.compactMap {
            if case .a(let ip) = $0.data { return ip } else { return nil }
        }
        if answer.status == .nxDomain || addresses.isEmpty {
            let name = answer.status == .nxDomain ? query : String(answer.name.dropLast())
            let why = answer.status == .nxDomain ? "NXDOMAIN" : "No answer"
            return (out + "** server can't find \(name): \(why)\n\n", true)
        }
        let name = String(answer.name.dropLast())
        for ip in addresses { out += "Name:\t\(name)\nAddress: \(ip)\n" }
        return (out + "\n", false)
    }

    /// BusyBox 1.28's nslookup (the tutorial pins `busybox:1.28`), which asks the C library:
    /// `printf("%-10s %s\n", ...)` columns, `Address N: IP NAME` with the name a reverse lookup
    /// gives (`reverse`), the name as typed. Standard output, then standard error on failure.
    public static func renderBusybox128(
        query: String, answer: DNSAnswer, reverse: (String) -> String?
    ) -> (stdout: String, stderr: String) {
        let server = "10.96.0.10"
        func address(_ n: Int, _ ip: String) -> String {
            "Address \(n): \(ip)" + (reverse(ip).map { " " + $0 } ?? "") + "\n"
        }
        var out = "Server:    \(server)\n" + address(1, server) + "\n"
        let addresses: [String] = answer.answers.compactMap {
            if case .a(let ip) = $0.data { return ip } else { return nil }
        }
        guard answer.status == .noError, !addresses.isEmpty else {
            return (out, "nslookup: can't resolve '\(query)'\n")
        }
        out += "Name:      \(query)\n"
        for (i, ip) in addresses.enumerated() { out += address(i + 1, ip) }
        return (out, "")
    }
}
