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
}
