import StsimEngine

extension Describe {
    /// `kubectl describe replicaset`, for the ReplicaSet contrast: the same template as a
    /// StatefulSet, but no identity and no claim templates. `pods` are the pods the set controls.
    public static func replicaSet(
        _ r: ReplicaSet, pods: [Pod], events: [Event], now: VirtualTime, calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(r.metadata.name)")
        w.line(0, "Namespace:\t\(r.metadata.namespace)")
        w.line(0, "Selector:\t\(Formatting.selector(r.spec.selector))")
        w.labels("Labels", r.metadata.labels)
        w.annotations(r.metadata.annotations)
        if let owner = r.metadata.controllerRef { w.line(0, "Controlled By:\t\(owner.kind)/\(owner.name)") }
        w.line(0, "Replicas:\t\(r.status.replicas) current / \(r.spec.replicas ?? 1) desired")
        w.line(0, podsStatus(pods))
        podTemplate(r.spec.template, &w)
        w.events(events)
        return w.finish()
    }

    /// `Pods Status:` of a ReplicaSet or DaemonSet: its pods by phase (`getPodStatusForController`).
    static func podsStatus(_ pods: [Pod]) -> String {
        let count = { (phase: PodPhase) in pods.filter { $0.status.phase == phase }.count }
        return
            "Pods Status:\t\(count(.running)) Running / \(count(.pending)) Waiting / \(count(.succeeded)) Succeeded / \(count(.failed)) Failed"
    }
}
