/// A point on the simulation's clock, in milliseconds since the cluster was created.
/// The engine never reads the wall clock; everything is measured on this one.
public struct VirtualTime: Codable, Comparable, Hashable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public static let zero = VirtualTime(milliseconds: 0)
    /// Where the clock stops: Go's longest time.Duration (int64 nanoseconds, ~292 years) after
    /// the start, so a time in nanoseconds (event names) still fits in an Int64.
    public static let end = VirtualTime(milliseconds: Int64.max / 1_000_000)

    /// `self + d`, but never past `end` (a huge `tick` or settle limit stops the clock there).
    public func clampedAdding(_ d: VirtualDuration) -> VirtualTime {
        milliseconds >= Self.end.milliseconds - d.milliseconds ? Self.end : self + d
    }

    public static func < (a: VirtualTime, b: VirtualTime) -> Bool { a.milliseconds < b.milliseconds }
    public static func + (t: VirtualTime, d: VirtualDuration) -> VirtualTime {
        VirtualTime(milliseconds: t.milliseconds + d.milliseconds)
    }
    public static func - (t: VirtualTime, d: VirtualDuration) -> VirtualTime {
        VirtualTime(milliseconds: t.milliseconds - d.milliseconds)
    }
    public static func - (a: VirtualTime, b: VirtualTime) -> VirtualDuration {
        VirtualDuration(milliseconds: a.milliseconds - b.milliseconds)
    }

    /// `HH:MM:SS` since the start, the form the prompt shows.
    public var description: String {
        let total = milliseconds / 1000
        let h = total / 3600
        let m = (total / 60) % 60
        let s = total % 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(h)):\(two(m)):\(two(s))"
    }
}

/// A span of virtual time.
public struct VirtualDuration: Codable, Comparable, Hashable, Sendable {
    public var milliseconds: Int64
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    /// API fields in seconds are int64 (grace periods, toleration seconds): a span longer than the
    /// clock can run is cut to that, which waits just as forever, instead of overflowing.
    public static func seconds(_ s: Int64) -> VirtualDuration {
        let limit = VirtualTime.end.milliseconds / 1000
        return VirtualDuration(milliseconds: min(max(s, -limit), limit) * 1000)
    }
    public static func milliseconds(_ ms: Int64) -> VirtualDuration { VirtualDuration(milliseconds: ms) }
    public static func minutes(_ m: Int64) -> VirtualDuration { VirtualDuration(milliseconds: m * 60_000) }
    public static func < (a: VirtualDuration, b: VirtualDuration) -> Bool { a.milliseconds < b.milliseconds }
    public static func + (a: VirtualDuration, b: VirtualDuration) -> VirtualDuration {
        VirtualDuration(milliseconds: a.milliseconds + b.milliseconds)
    }
    public static func - (a: VirtualDuration, b: VirtualDuration) -> VirtualDuration {
        VirtualDuration(milliseconds: a.milliseconds - b.milliseconds)
    }
    public static func * (a: VirtualDuration, k: Int64) -> VirtualDuration {
        VirtualDuration(milliseconds: a.milliseconds * k)
    }
    public static let zero = VirtualDuration(milliseconds: 0)

    /// Whole seconds, rounded down.
    public var seconds: Int64 { milliseconds / 1000 }

    /// Go's `time.Duration.String` for durations the kubelet prints (`1.2s`, `20s`, `5m0s`).
    public var goString: String {
        if milliseconds == 0 { return "0s" }
        let ms = milliseconds
        if ms < 1000 { return "\(ms)ms" }
        let totalSeconds = ms / 1000
        let frac = ms % 1000
        let h = totalSeconds / 3600
        let m = (totalSeconds / 60) % 60
        let s = totalSeconds % 60
        var secs = "\(s)"
        if frac != 0 {
            var f = String(frac)
            f = String(repeating: "0", count: 3 - f.count) + f
            while f.hasSuffix("0") { f.removeLast() }
            secs += "." + f
        }
        if h > 0 { return "\(h)h\(m)m\(secs)s" }
        if m > 0 { return "\(m)m\(secs)s" }
        return "\(secs)s"
    }
}
