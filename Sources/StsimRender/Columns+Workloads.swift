import StsimEngine

extension Columns {
    static func statefulSetHeaders(wide: Bool) -> [String] {
        ["NAME", "READY", "AGE"] + (wide ? ["CONTAINERS", "IMAGES"] : [])
    }

    /// READY is `readyReplicas/spec.replicas`, so a scale-down can briefly show `3/2` (6.1).
    static func statefulSetRow(_ s: StatefulSet, now: VirtualTime, wide: Bool) -> [String] {
        var row = [
            s.metadata.name, "\(s.status.readyReplicas)/\(s.spec.replicas ?? 1)",
            HumanDuration.age(of: s.metadata.creationTimestamp, now: now),
        ]
        if wide { row += containersAndImages(s.spec.template.spec) }
        return row
    }

    static func replicaSetHeaders(wide: Bool) -> [String] {
        ["NAME", "DESIRED", "CURRENT", "READY", "AGE"] + (wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : [])
    }

    static func replicaSetRow(_ r: ReplicaSet, now: VirtualTime, wide: Bool) -> [String] {
        var row = [
            r.metadata.name, "\(r.spec.replicas ?? 1)", "\(r.status.replicas)", "\(r.status.readyReplicas)",
            HumanDuration.age(of: r.metadata.creationTimestamp, now: now),
        ]
        if wide { row += containersAndImages(r.spec.template.spec) + [Formatting.selector(r.spec.selector)] }
        return row
    }

    static func daemonSetHeaders(wide: Bool) -> [String] {
        ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"]
            + (wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : [])
    }

    /// `printDaemonSet`: the counts of the status, the template's node selector.
    static func daemonSetRow(_ d: DaemonSet, now: VirtualTime, wide: Bool) -> [String] {
        let st = d.status
        var row = [
            d.metadata.name, "\(st.desiredNumberScheduled)", "\(st.currentNumberScheduled)", "\(st.numberReady)",
            "\(st.updatedNumberScheduled)", "\(st.numberAvailable)",
            Formatting.labels(d.spec.template.spec.nodeSelector),
            HumanDuration.age(of: d.metadata.creationTimestamp, now: now),
        ]
        if wide { row += containersAndImages(d.spec.template.spec) + [Formatting.selector(d.spec.selector)] }
        return row
    }

    static let controllerRevisionHeaders = ["NAME", "CONTROLLER", "REVISION", "AGE"]

    static func controllerRevisionRow(_ c: ControllerRevision, now: VirtualTime) -> [String] {
        [
            c.metadata.name, c.metadata.controllerRef.map(Formatting.controllerName) ?? "<none>", "\(c.revision)",
            HumanDuration.age(of: c.metadata.creationTimestamp, now: now),
        ]
    }

    /// `layoutContainerCells`: names and images, each comma-joined.
    private static func containersAndImages(_ spec: PodSpec) -> [String] {
        [spec.containers.map(\.name).joined(separator: ","), spec.containers.map(\.image).joined(separator: ",")]
    }
}

extension Columns {
    static let podDisruptionBudgetHeaders = ["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"]

    /// `printPodDisruptionBudget`: an unset bound prints N/A.
    static func podDisruptionBudgetRow(_ b: PodDisruptionBudget, now: VirtualTime) -> [String] {
        [
            b.metadata.name, b.spec.minAvailable ?? "N/A", b.spec.maxUnavailable ?? "N/A",
            "\(b.status.disruptionsAllowed)", HumanDuration.age(of: b.metadata.creationTimestamp, now: now),
        ]
    }
}
