import StsimEngine

extension Describe {
    /// `kubectl describe pdb` (describePodDisruptionBudgetV1): the budget, then the disruption
    /// controller's counts under Status.
    public static func podDisruptionBudget(
        _ b: PodDisruptionBudget, events: [Event], now: VirtualTime, calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(b.metadata.name)")
        w.line(0, "Namespace:\t\(b.metadata.namespace)")
        if let min = b.spec.minAvailable {
            w.line(0, "Min available:\t\(min)")
        } else if let max = b.spec.maxUnavailable {
            w.line(0, "Max unavailable:\t\(max)")
        }
        w.line(0, "Selector:\t\(b.spec.selector.map(Formatting.selector) ?? "<unset>")")
        w.line(0, "Status:")
        w.line(2, "Allowed disruptions:\t\(b.status.disruptionsAllowed)")
        w.line(2, "Current:\t\(b.status.currentHealthy)")
        w.line(2, "Desired:\t\(b.status.desiredHealthy)")
        w.line(2, "Total:\t\(b.status.expectedPods)")
        w.events(events)
        return w.finish()
    }
}
