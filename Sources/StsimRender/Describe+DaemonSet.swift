import StsimEngine

extension Describe {
    /// `kubectl describe daemonset` (describe.go `describeDaemonSet`): the status counts, the
    /// pods by phase, the template. `pods` are the pods the DaemonSet controls.
    public static func daemonSet(
        _ d: DaemonSet, pods: [Pod], events: [Event], now: VirtualTime, calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(d.metadata.name)")
        w.line(0, "Namespace:\t\(d.metadata.namespace)")
        w.line(0, "Selector:\t\(Formatting.selector(d.spec.selector))")
        w.line(0, "Node-Selector:\t\(Formatting.labels(d.spec.template.spec.nodeSelector))")
        w.labels("Labels", d.metadata.labels)
        w.annotations(d.metadata.annotations)
        let st = d.status
        w.line(0, "Desired Number of Nodes Scheduled: \(st.desiredNumberScheduled)")
        w.line(0, "Current Number of Nodes Scheduled: \(st.currentNumberScheduled)")
        w.line(0, "Number of Nodes Scheduled with Up-to-date Pods: \(st.updatedNumberScheduled)")
        w.line(0, "Number of Nodes Scheduled with Available Pods: \(st.numberAvailable)")
        w.line(0, "Number of Nodes Misscheduled: \(st.numberMisscheduled)")
        w.line(0, podsStatus(pods))
        podTemplate(d.spec.template, &w)
        w.events(events)
        return w.finish()
    }
}
