import StsimEngine

/// `apps/v1 DaemonSet` as the API prints it (`get ds -o yaml`), fields in the Go structs' order.
extension WireEncoder {
    func daemonSetSpec(_ s: DaemonSetSpec) -> WireValue {
        var o = WireObject()
        o["selector"] = s.selector.map(selector)
        o["template"] = template(s.template)
        var rolling = WireObject()
        rolling["maxSurge"] = .intOrString(s.updateStrategy.maxSurge)
        rolling["maxUnavailable"] = .intOrString(s.updateStrategy.maxUnavailable)
        var strategy = WireObject()
        if s.updateStrategy.type == "RollingUpdate" { strategy["rollingUpdate"] = rolling.value }
        strategy["type"] = .string(s.updateStrategy.type)
        o["updateStrategy"] = strategy.value
        o.int("revisionHistoryLimit", s.revisionHistoryLimit)
        return o.value
    }

    /// Zero counts are left out as the API's `omitempty` leaves them, but for the four that
    /// have no `omitempty` (current, misscheduled, desired, ready).
    func daemonSetStatus(_ s: DaemonSetStatus) -> WireValue {
        var o = WireObject()
        o["currentNumberScheduled"] = .int(s.currentNumberScheduled)
        o["numberMisscheduled"] = .int(s.numberMisscheduled)
        o["desiredNumberScheduled"] = .int(s.desiredNumberScheduled)
        o["numberReady"] = .int(s.numberReady)
        o.int("observedGeneration", s.observedGeneration)
        o.nonZero("updatedNumberScheduled", s.updatedNumberScheduled)
        o.nonZero("numberAvailable", s.numberAvailable)
        o.nonZero("numberUnavailable", s.numberUnavailable)
        return o.value
    }
}

extension MappingReader {
    func daemonSetSpec(timestamps: Timestamps) -> DaemonSetSpec {
        nested("spec", goType: "DaemonSetSpec") { s in
            var spec = DaemonSetSpec(
                selector: s.labelSelector("selector"),
                template: s.podTemplate(timestamps: timestamps) ?? PodTemplateSpec(),
                revisionHistoryLimit: s.int("revisionHistoryLimit"))
            s.unmodelled("minReadySeconds")
            if let u = s.nested(
                "updateStrategy", goType: "DaemonSetUpdateStrategy",
                { u in
                    var strategy = DaemonSetUpdateStrategy(type: u.string("type") ?? "RollingUpdate")
                    u.nested("rollingUpdate", goType: "RollingUpdateDaemonSet") { r in
                        if let m = r.intOrString("maxUnavailable") { strategy.maxUnavailable = m }
                        if let m = r.intOrString("maxSurge") { strategy.maxSurge = m }
                    }
                    return strategy
                })
            {
                spec.updateStrategy = u
            }
            return spec
        } ?? DaemonSetSpec()
    }

    func daemonSetStatus() -> DaemonSetStatus {
        nested("status", goType: "DaemonSetStatus") { s in
            s.unmodelled("conditions", "collisionCount")
            return DaemonSetStatus(
                currentNumberScheduled: s.int("currentNumberScheduled") ?? 0,
                numberMisscheduled: s.int("numberMisscheduled") ?? 0,
                desiredNumberScheduled: s.int("desiredNumberScheduled") ?? 0, numberReady: s.int("numberReady") ?? 0,
                observedGeneration: s.int("observedGeneration", goTypeName: "int64"),
                updatedNumberScheduled: s.int("updatedNumberScheduled") ?? 0,
                numberAvailable: s.int("numberAvailable") ?? 0, numberUnavailable: s.int("numberUnavailable") ?? 0)
        } ?? DaemonSetStatus()
    }
}
