/// Virtual time on the calendar, as programs in the pods print it (`date`, nginx's logs). The
/// clock has no date of its own; a fixed anchor keeps output byte-identical across runs.
public struct WallClock: Sendable {
    /// Mon, 24 Nov 2025 19:20:00 UTC: the date of the reference's describe examples.
    public static let unixSecondsAtZero = CivilDate.days(year: 2025, month: 11, day: 24) * 86400 + 19 * 3600 + 20 * 60

    public let year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64
    /// 0 is Sunday.
    public let weekday: Int

    public init(_ t: VirtualTime) {
        let total = Self.unixSecondsAtZero + CivilDate.floorDiv(t.milliseconds, 1000)
        let days = CivilDate.floorDiv(total, 86400)
        let secs = total - days * 86400
        (year, month, day) = CivilDate.date(days: days)
        (hour, minute, second) = (secs / 3600, secs / 60 % 60, secs % 60)
        // 1970-01-01 was a Thursday.
        weekday = Int(((days % 7) + 7 + 4) % 7)
    }

    var monthName: String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Int(month - 1)]
    }

    var weekdayName: String { ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][weekday] }

    func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// date(1)'s default output in UTC: `Mon Nov 24 19:20:00 UTC 2025` (`%a %b %e`, so a
    /// single-digit day is padded with a space).
    var dateCommand: String {
        let d = day < 10 ? " \(day)" : "\(day)"
        return "\(weekdayName) \(monthName) \(d) \(two(hour)):\(two(minute)):\(two(second)) UTC \(year)"
    }
}
