import StsimEngine

extension Columns {
    static func podHeaders(wide: Bool) -> [String] {
        ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
            + (wide ? ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"] : [])
    }

    static func podRow(_ pod: Pod, now: VirtualTime, wide: Bool) -> [String] {
        let p = PodPrinter(pod)
        var row = [
            pod.metadata.name, p.ready, p.status, p.restartsCell(now: now),
            HumanDuration.age(of: pod.metadata.creationTimestamp, now: now),
        ]
        if wide {
            row += [
                nonEmpty(pod.status.podIP), nonEmpty(pod.spec.nodeName), "<none>",
                readinessGates(pod),
            ]
        }
        return row
    }

    /// `<true gates>/<gates>`, `<none>` without gates.
    private static func readinessGates(_ pod: Pod) -> String {
        guard !pod.spec.readinessGates.isEmpty else { return "<none>" }
        let satisfied = pod.spec.readinessGates.filter { gate in
            pod.status.conditions.first { $0.type.rawValue == gate }?.status == .true
        }
        return "\(satisfied.count)/\(pod.spec.readinessGates.count)"
    }
}
