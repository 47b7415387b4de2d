import StsimEngine

/// Turns virtual times into the RFC 3339 texts the API prints (`2024-05-01T10:00:05Z`) and back.
/// Virtual time 0 is `epochSeconds` (Unix time), a fixed value the session chooses, so output is
/// the same on every run. The API keeps whole seconds (metav1.Time), and so does this.
public struct Timestamps: Sendable, Hashable {
    public var epochSeconds: Int64

    public init(epochSeconds: Int64) { self.epochSeconds = epochSeconds }

    /// 2024-01-01T00:00:00Z, used when the session does not choose.
    public static let standard = Timestamps(epochSeconds: 1_704_067_200)

    public func format(_ t: VirtualTime) -> String {
        let unix = epochSeconds + floorDiv(t.milliseconds, 1000)
        let days = floorDiv(unix, 86_400)
        let secs = unix - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        return
            "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
    public func parse(_ text: String) -> VirtualTime? {
        let c = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int64? {
            guard r.upperBound <= c.count else { return nil }
            var v: Int64 = 0
            for i in r {
                guard c[i] >= 48, c[i] <= 57 else { return nil }
                v = v * 10 + Int64(c[i] - 48)
            }
            return v
        }
        guard c.count >= 20, c[4] == 45, c[7] == 45, c[10] == 84 || c[10] == 116, c[13] == 58, c[16] == 58,
            let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10),
            let h = num(11..<13), let mi = num(14..<16), let s = num(17..<19),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        if c[i] == 46 {
            i += 1
            while i < c.count, c[i] >= 48, c[i] <= 57 { i += 1 }
        }
        var offset: Int64 = 0
        if i < c.count, c[i] == 90 || c[i] == 122, i + 1 == c.count {
        } else if i + 6 == c.count, c[i] == 43 || c[i] == 45, c[i + 3] == 58, let oh = num(i + 1..<i + 3),
            let om = num(i + 4..<i + 6)
        {
            offset = (oh * 3600 + om * 60) * (c[i] == 45 ? -1 : 1)
        } else {
            return nil
        }
        let unix = Self.days(fromCivil: y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offset
        return VirtualTime(milliseconds: (unix - epochSeconds) * 1000)
    }

    private func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { CivilDate.floorDiv(a, b) }

    static func days(fromCivil y: Int64, _ m: Int64, _ d: Int64) -> Int64 { CivilDate.days(year: y, month: m, day: d) }

    static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
        let c = CivilDate.date(days: z)
        return (c.year, c.month, c.day)
    }
}
