import StsimEngine

extension Describe {
    /// `kubectl describe pod`. While a deletion is pending, `Status: Terminating (lasts <age>)`
    /// counts from the deletionTimestamp, which the API sets to the request time plus the grace
    /// period; so during the grace period real kubectl prints `(lasts <invalid>)`, and this does too.
    public static func pod(
        _ p: Pod, events: [Event], now: VirtualTime, blockedReason: String? = nil,
        notes: [String: String] = [:], calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.notes = notes
        w.line(0, "Name:\t\(p.metadata.name)")
        w.line(0, "Namespace:\t\(p.metadata.namespace)")
        if let priority = p.spec.priority { w.line(0, "Priority:\t\(priority)") }
        if let sa = p.spec.serviceAccountName, !sa.isEmpty { w.line(0, "Service Account:\t\(sa)") }
        if let node = p.spec.nodeName, !node.isEmpty {
            w.line(0, "Node:\t\(node)/\(p.status.hostIP ?? "")")
        } else {
            w.line(0, "Node:\t<none>")
        }
        if let start = p.status.startTime { w.line(0, "Start Time:\t\(w.date(start))") }
        w.labels("Labels", p.metadata.labels)
        w.annotations(p.metadata.annotations)
        if let deletion = p.metadata.deletionTimestamp, p.status.phase != .failed, p.status.phase != .succeeded {
            w.line(0, "Status:\tTerminating (lasts \(w.age(deletion)))")
            w.line(0, "Termination Grace Period:\t\(p.metadata.deletionGracePeriodSeconds ?? 0)s")
            // stsim's addition, like describe sts's Blocked: why the Terminating never ends.
            if let blockedReason { w.line(0, "Blocked:\t\(blockedReason)") }
        } else {
            w.line(0, "Status:\t\(p.status.phase?.rawValue ?? "")")
        }
        if let reason = p.status.reason, !reason.isEmpty { w.line(0, "Reason:\t\(reason)") }
        if let message = p.status.message, !message.isEmpty { w.line(0, "Message:\t\(message)") }
        w.line(0, "IP:\t\(p.status.podIP ?? "")")
        if let ip = p.status.podIP, !ip.isEmpty {
            w.line(0, "IPs:")
            w.line(0, "  IP:\t\(ip)")
        } else {
            w.line(0, "IPs:\t<none>")
        }
        if let owner = p.metadata.controllerRef { w.line(0, "Controlled By:\t\(owner.kind)/\(owner.name)") }
        if !p.spec.initContainers.isEmpty {
            w.containers(
                "Init Containers", p.spec.initContainers, statuses: p.status.initContainerStatuses, pod: p, space: "")
        }
        w.containers("Containers", p.spec.containers, statuses: p.status.containerStatuses, pod: p, space: "")
        if !p.status.conditions.isEmpty {
            w.line(0, "Conditions:")
            w.line(1, "Type\tStatus")
            // describe.go writes "%v \t%v \n": the trailing space is kubectl's.
            for c in p.status.conditions { w.line(1, "\(c.type.rawValue) \t\(c.status.rawValue) ") }
        }
        w.volumes(p.spec.volumes, space: "")
        w.line(0, "QoS Class:\t\(PodQOS.of(p.spec))")
        w.labels("Node-Selectors", p.spec.nodeSelector)
        w.tolerations(p.spec.tolerations)
        w.events(events)
        return w.finish()
    }
}
