import StsimEngine

extension Describe {
    /// `kubectl describe statefulset` (11.7), plus one `Blocked:` line per reason the engine
    /// gives for the set not progressing (`web-2 waits: web-1 is not Ready (OrderedReady)`), so
    /// that the learner sees why without reading the controller. `pods` are the pods the set's
    /// selector matches (they give "Pods Status"); `events` are the events about the set.
    public static func statefulSet(
        _ s: StatefulSet, pods: [Pod], events: [Event], blockedReasons: [String] = [], now: VirtualTime,
        calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(s.metadata.name)")
        w.line(0, "Namespace:\t\(s.metadata.namespace)")
        w.line(0, "CreationTimestamp:\t\(w.date(s.metadata.creationTimestamp))")
        w.line(0, "Selector:\t\(selectorText(s.spec.selector))")
        w.labels("Labels", s.metadata.labels)
        w.annotations(s.metadata.annotations)
        w.line(0, "Replicas:\t\(s.spec.replicas ?? 1) desired | \(s.status.replicas) total")
        w.line(0, "Update Strategy:\t\((s.spec.updateStrategy?.type ?? .rollingUpdate).rawValue)")
        if let partition = s.spec.updateStrategy?.rollingUpdate?.partition {
            w.line(1, "Partition:\t\(partition)")
            // kubectl's describe prints it only inside the partition's block (describe.go).
            if let max = s.spec.updateStrategy?.rollingUpdate?.maxUnavailable {
                w.line(1, "MaxUnavailable:\t\(max)")
            }
        }
        let count = { (phase: PodPhase) in pods.filter { $0.status.phase == phase }.count }
        w.line(
            0,
            "Pods Status:\t\(count(.running)) Running / \(count(.pending)) Waiting / \(count(.succeeded)) Succeeded / \(count(.failed)) Failed"
        )
        if !blockedReasons.isEmpty { w.list("Blocked", blockedReasons) }
        podTemplate(s.spec.template, &w)
        volumeClaimTemplates(s.spec.volumeClaimTemplates, &w)
        w.events(events)
        return w.finish()
    }

    /// `labels.Selector.String()`: like `FormatLabelSelector`, but empty for an empty selector.
    static func selectorText(_ selector: LabelSelector?) -> String {
        let text = Formatting.selector(selector)
        return text == "<none>" ? "" : text
    }

    /// `DescribePodTemplate`.
    static func podTemplate(_ t: PodTemplateSpec, _ w: inout DescribeWriter) {
        w.line(0, "Pod Template:")
        w.labels("Labels", t.metadata.labels, indent: "  ")
        if !t.metadata.annotations.isEmpty { w.annotations(t.metadata.annotations, indent: "  ") }
        if let sa = t.spec.serviceAccountName, !sa.isEmpty { w.line(1, "Service Account:\t\(sa)") }
        if !t.spec.initContainers.isEmpty {
            w.containers("Init Containers", t.spec.initContainers, statuses: nil, pod: nil, space: "  ")
        }
        w.containers("Containers", t.spec.containers, statuses: nil, pod: nil, space: "  ")
        w.volumes(t.spec.volumes, space: "  ")
        w.labels("Node-Selectors", t.spec.nodeSelector, indent: "  ")
        w.tolerations(t.spec.tolerations, indent: "  ")
    }

    /// `describeVolumeClaimTemplates`; access modes print as a Go slice, `[ReadWriteOnce]`.
    static func volumeClaimTemplates(_ templates: [PersistentVolumeClaim], _ w: inout DescribeWriter) {
        guard !templates.isEmpty else {
            w.line(0, "Volume Claims:\t<none>")
            return
        }
        w.line(0, "Volume Claims:")
        for c in templates {
            w.line(1, "Name:\t\(c.metadata.name)")
            w.line(1, "StorageClass:\t\(c.storageClass)")
            w.labels("Labels", c.metadata.labels, indent: "  ")
            w.labels("Annotations", c.metadata.annotations, indent: "  ")
            w.line(1, "Capacity:\t\(c.spec.storageRequest.map { Formatting.quantity($0) } ?? "<default>")")
            w.line(1, "Access Modes:\t[\(c.spec.accessModes.map(\.rawValue).joined(separator: " "))]")
        }
    }
}
