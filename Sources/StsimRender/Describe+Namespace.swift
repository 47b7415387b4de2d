import StsimEngine

extension Describe {
    /// `kubectl describe namespace`. stsim has no ResourceQuota or LimitRange, so the namespace
    /// has none, and says so as kubectl does.
    public static func namespace(_ n: Namespace, now: VirtualTime, calendar: VirtualCalendar = .standard) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(n.metadata.name)")
        w.labels("Labels", n.metadata.labels)
        w.annotations(n.metadata.annotations)
        w.line(0, "Status:\t\(n.phase?.rawValue ?? "")")
        w.line(0, "")
        w.line(0, "No resource quota.")
        w.line(0, "")
        w.line(0, "No LimitRange resource.")
        return w.finish()
    }
}
