import StsimEngine

/// Puts virtual time on a calendar. The engine's clock starts at zero and has no date, but
/// `describe` prints RFC 1123 timestamps and `dig` prints a `WHEN:` line; a fixed anchor keeps
/// those byte-identical across runs (the wall clock would not).
public struct VirtualCalendar: Hashable, Sendable {
    /// Seconds since the Unix epoch at virtual time zero.
    public var unixSecondsAtZero: Int64

    public init(unixSecondsAtZero: Int64) { self.unixSecondsAtZero = unixSecondsAtZero }

    /// Mon, 24 Nov 2025 19:20:00 UTC: the date of the reference's describe examples, so that
    /// transcripts and the reference read alike.
    public static let standard = VirtualCalendar(unixSecondsAtZero: WallClock.unixSecondsAtZero)

    /// Go's `time.RFC1123Z` in UTC: `Mon, 24 Nov 2025 19:20:00 +0000`.
    public func rfc1123Z(_ t: VirtualTime) -> String {
        let c = civil(t)
        return "\(c.weekday), \(two(c.day)) \(c.month) \(c.year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    /// The date(1) form dig prints after `WHEN:`: `Mon Nov 24 19:20:00 UTC 2025`.
    public func unixDate(_ t: VirtualTime) -> String {
        let c = civil(t)
        return "\(c.weekday) \(c.month) \(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) UTC \(c.year)"
    }

    private struct Civil {
        var year: Int64, month: String, day: Int64, hour: Int64, minute: Int64, second: Int64, weekday: String
    }

    private func civil(_ t: VirtualTime) -> Civil {
        let total = unixSecondsAtZero + HumanDuration.wholeSeconds(t)
        let days = floorDiv(total, 86400)
        let secs = total - days * 86400
        let (y, m, d) = Self.civilFromDays(days)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        // 1970-01-01 was a Thursday.
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let w = Int(((days % 7) + 7) % 7)
        return Civil(
            year: y, month: months[Int(m - 1)], day: d, hour: secs / 3600, minute: secs / 60 % 60,
            second: secs % 60, weekday: weekdays[w])
    }

    private func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { CivilDate.floorDiv(a, b) }

    static func civilFromDays(_ z: Int64) -> (Int64, Int64, Int64) {
        let c = CivilDate.date(days: z)
        return (c.year, c.month, c.day)
    }
}
