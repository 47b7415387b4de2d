import StsimEngine

/// BusyBox ping's lines (networking/ping.c): the header, one line per reply, and the summary.
/// Round trips are stsim's: a fixed few tens of microseconds on one node, a few hundred across.
public enum PingOutput {
    public static func render(host: String, ip: String, count: Int, reply: PingReply) -> (text: String, ok: Bool) {
        var lines = ["PING \(host) (\(ip)): 56 data bytes"]
        var times: [Int] = []
        if reply != .none {
            for seq in 0..<count {
                // Microseconds: the first packet pays for the ARP lookup.
                let micros = (reply == .sameNode ? 48 : 212) + (seq == 0 ? 31 : (seq * 7) % 13)
                times.append(micros)
                lines.append(
                    "64 bytes from \(ip): seq=\(seq) ttl=\(reply == .sameNode ? 64 : 63) time=\(ms(micros)) ms")
            }
        }
        lines.append("")
        lines.append("--- \(host) ping statistics ---")
        let received = times.count
        let loss = count == 0 ? 0 : (count - received) * 100 / count
        lines.append("\(count) packets transmitted, \(received) packets received, \(loss)% packet loss")
        if let low = times.min(), let high = times.max() {
            let avg = times.reduce(0, +) / times.count
            lines.append("round-trip min/avg/max = \(ms(low))/\(ms(avg))/\(ms(high)) ms")
        }
        return (lines.joined(separator: "\n") + "\n", received > 0)
    }

    private static func ms(_ micros: Int) -> String {
        let frac = String(micros % 1000)
        return "\(micros / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
