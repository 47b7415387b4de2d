import StsimEngine

/// apimachinery's `duration.HumanDuration` (reference 11.4): the AGE column, event ages, and
/// every other duration kubectl prints for people.
public enum HumanDuration {
    /// Formats `d`, truncating to whole seconds toward zero as Go's `int(d.Seconds())` does.
    public static func format(_ d: VirtualDuration) -> String {
        let seconds = d.milliseconds / 1000
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 60 * 2 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let s = seconds % 60
            return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
        }
        if minutes < 60 * 3 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 {
            let m = minutes % 60
            return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let h = hours % 24
            return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let dy = (hours / 24) % 365
            return dy == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(dy)d"
        }
        return "\(hours / 24 / 365)y"
    }

    /// The AGE of something stamped at `time`. API timestamps have whole-second precision, so the
    /// stamp is truncated to its second (a pod created at 0.9 s is `1s` old at 1.2 s, as in
    /// kubectl); truncating `now` as well gives the same whole seconds. A missing timestamp
    /// prints `<unknown>`.
    public static func age(of time: VirtualTime?, now: VirtualTime) -> String {
        guard let time else { return "<unknown>" }
        return format(.seconds(wholeSeconds(now) - wholeSeconds(time)))
    }

    static func wholeSeconds(_ t: VirtualTime) -> Int64 {
        // Floor, not truncation, so that negative offsets (never expected) still round down.
        t.milliseconds >= 0 ? t.milliseconds / 1000 : -((-t.milliseconds + 999) / 1000)
    }
}
