import StsimEngine

/// Durations as users write them (`500ms`, `30s`, `5m`, `1h`, `1m30s`), Go's time.ParseDuration
/// subset that kubectl flags accept; a bare number means seconds, as with `--grace-period`.
public enum DurationText {
    public static func parse(_ text: String) -> VirtualDuration? {
        if let whole = Int64(text), whole >= 0 {
            return whole <= VirtualTime.end.milliseconds / 1000 ? .seconds(whole) : nil
        }
        var total: Int64 = 0
        var chars = Substring(text)
        guard !chars.isEmpty else { return nil }
        while !chars.isEmpty {
            let digits = chars.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, let value = Double(digits) else { return nil }
            chars = chars.dropFirst(digits.count)
            let unit = chars.prefix { $0.isASCII && $0.isLetter }
            chars = chars.dropFirst(unit.count)
            let scale: Double
            switch unit {
            case "ms": scale = 1
            case "s": scale = 1000
            case "m": scale = 60_000
            case "h": scale = 3_600_000
            case "d": scale = 86_400_000
            default: return nil
            }
            // Out of range is "not a duration", not a trap.
            let ms = (value * scale).rounded()
            guard ms < 9e18 else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(Int64(ms))
            guard !overflow else { return nil }
            total = sum
        }
        // Go's time.Duration ends at 2562047h47m16.854775807s; kubectl refuses longer ones too.
        guard total <= VirtualTime.end.milliseconds else { return nil }
        return VirtualDuration(milliseconds: total)
    }

    /// The short form used in messages: `1m30s`, `500ms`, `0s`.
    public static func format(_ d: VirtualDuration) -> String {
        var ms = d.milliseconds
        if ms == 0 { return "0s" }
        var out = ms < 0 ? "-" : ""
        ms = abs(ms)
        let h = ms / 3_600_000
        let m = (ms / 60_000) % 60
        let s = (ms / 1000) % 60
        let rest = ms % 1000
        if h > 0 { out += "\(h)h" }
        if m > 0 { out += "\(m)m" }
        if s > 0 || (rest > 0 && ms >= 1000) {
            out += rest > 0 ? "\(s).\(String(rest + 1000).dropFirst().replacing(/0+$/, with: ""))s" : "\(s)s"
        } else if rest > 0 {
            out += "\(rest)ms"
        }
        return out
    }
}
