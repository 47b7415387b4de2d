import StsimEngine

/// `v1 Pod` status (the spec is shared with templates, Decode+PodSpec.swift).
extension MappingReader {
    func podStatus(_ timestamps: Timestamps) -> PodStatus {
        nested("status", goType: "PodStatus") { s in
            var status = PodStatus()
            status.phase = s.phase("phase", PodPhase.self)
            status.conditions =
                s.objects("conditions", goType: "PodCondition") { c in
                    PodCondition(
                        type: PodConditionType(rawValue: c.string("type") ?? ""), status: c.conditionStatus(),
                        lastProbeTime: c.time("lastProbeTime", timestamps),
                        lastTransitionTime: c.time("lastTransitionTime", timestamps),
                        reason: c.string("reason"), message: c.string("message"))
                } ?? []
            status.containerStatuses =
                s.objects("containerStatuses", goType: "ContainerStatus") { $0.containerStatus(timestamps) } ?? []
            status.initContainerStatuses =
                s.objects("initContainerStatuses", goType: "ContainerStatus") { $0.containerStatus(timestamps) } ?? []
            status.podIP = s.string("podIP")
            status.hostIP = s.string("hostIP")
            status.startTime = s.time("startTime", timestamps)
            status.reason = s.string("reason")
            status.message = s.string("message")
            // Derived from the spec's resources (PodQOS) whenever it is written: read, not kept.
            _ = s.string("qosClass")
            s.unmodelled(
                "podIPs", "hostIPs", "nominatedNodeName", "ephemeralContainerStatuses", "resize",
                "resourceClaimStatuses")
            return status
        } ?? PodStatus()
    }

    func conditionStatus() -> ConditionStatus {
        let text = string("status") ?? ""
        if let s = ConditionStatus(rawValue: text) { return s }
        ctx.report(
            .error, path: child("status"),
            "\(child("status")): Unsupported value: \"\(text)\": supported values: \"False\", \"True\", \"Unknown\"")
        return .unknown
    }

    private func containerStatus(_ timestamps: Timestamps) -> ContainerStatus {
        var c = ContainerStatus(
            name: string("name") ?? "", image: string("image") ?? "", imageID: string("imageID") ?? "",
            containerID: string("containerID"),
            state: state("state", timestamps) ?? .waiting(reason: nil, message: nil),
            lastState: state("lastState", timestamps), ready: bool("ready") ?? false, started: bool("started"),
            restartCount: int("restartCount") ?? 0)
        unmodelled("allocatedResources", "resources", "volumeMounts", "user", "allocatedResourcesStatus")
        c.restartCount = max(0, c.restartCount)
        return c
    }

    /// A container state; an empty `lastState: {}` (as kubectl prints it) means none.
    private func state(_ key: String, _ timestamps: Timestamps) -> ContainerState? {
        nested(key, goType: "ContainerState") { s in
            if let w = s.nested(
                "waiting", goType: "ContainerStateWaiting",
                { w in
                    ContainerState.waiting(reason: w.string("reason"), message: w.string("message"))
                })
            {
                return w
            }
            if let r = s.nested(
                "running", goType: "ContainerStateRunning",
                { r in
                    ContainerState.running(startedAt: r.time("startedAt", timestamps) ?? .zero)
                })
            {
                return r
            }
            return s.nested("terminated", goType: "ContainerStateTerminated") { t in
                t.unmodelled("signal", "containerID")
                return ContainerState.terminated(
                    exitCode: t.int("exitCode") ?? 0, reason: t.string("reason"), message: t.string("message"),
                    startedAt: t.time("startedAt", timestamps), finishedAt: t.time("finishedAt", timestamps))
            }
        } ?? nil
    }
}
