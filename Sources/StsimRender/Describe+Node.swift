import StsimEngine

extension Describe {
    /// `kubectl describe node`, reduced to what stsim models: no machine ids, no resource requests
    /// (every pod requests nothing, so the allocation columns read zero). The lease's RenewTime is
    /// `leaseRenewTime` when given (the engine's last renewal), else the Ready condition's last
    /// heartbeat: both say when the control plane last heard from the kubelet, which is what a
    /// partition lesson looks at. `pods` are the pods bound to the node;
    /// terminated ones are left out as kubectl's field selector does.
    public static func node(
        _ n: Node, pods: [Pod], events: [Event], now: VirtualTime, leaseRenewTime: VirtualTime? = nil,
        calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(n.metadata.name)")
        w.line(0, "Roles:\t\(Columns.nodeRoles(n))")
        w.labels("Labels", n.metadata.labels)
        w.annotations(n.metadata.annotations)
        w.line(0, "CreationTimestamp:\t\(w.date(n.metadata.creationTimestamp))")
        w.list("Taints", sortedTaints(n.spec.taints).map(taintText))
        w.line(0, "Unschedulable:\t\(n.spec.unschedulable ?? false)")
        w.line(0, "Lease:")
        w.line(1, "HolderIdentity:\t\(n.metadata.name)")
        w.line(1, "AcquireTime:\t<unset>")
        w.line(1, "RenewTime:\t\(w.date(leaseRenewTime ?? n.status.condition(.ready)?.lastHeartbeatTime))")
        conditions(n.status.conditions, &w)
        w.line(0, "Addresses:")
        for a in n.status.addresses { w.line(1, "\(a.type):\t\(a.address)") }
        resources(n.status, &w)
        w.line(0, "System Info:")
        w.line(1, "Kernel Version:\t\(n.status.kernelVersion)")
        w.line(1, "OS Image:\t\(n.status.osImage)")
        w.line(1, "Operating System:\tlinux")
        w.line(1, "Architecture:\tamd64")
        w.line(1, "Container Runtime Version:\t\(n.status.containerRuntimeVersion)")
        w.line(1, "Kubelet Version:\t\(n.status.kubeletVersion)")
        if let cidr = n.spec.podCIDR {
            w.line(0, "PodCIDR:\t\(cidr)")
            w.line(0, "PodCIDRs:\t\(cidr)")
        }
        nonTerminatedPods(pods, &w)
        w.events(events)
        return w.finish()
    }

    /// The Conditions table, written only when the node has reported any.
    static func conditions(_ conditions: [NodeCondition], _ w: inout DescribeWriter) {
        guard !conditions.isEmpty else { return }
        w.line(0, "Conditions:")
        w.line(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage")
        w.line(1, "----\t------\t-----------------\t------------------\t------\t-------")
        for c in conditions {
            // describe.go's "%v \t%v \t%s \t%s \t%v \t%v\n", spaces included.
            w.line(
                1,
                "\(c.type.rawValue) \t\(c.status.rawValue) \t\(w.date(c.lastHeartbeatTime)) \t"
                    + "\(w.date(c.lastTransitionTime)) \t\(c.reason ?? "") \t\(c.message ?? "")")
        }
    }

    /// Every pod on the node not yet finished, with the requests describe.go totals (none are set
    /// in stsim), then the node's allocated totals.
    static func nonTerminatedPods(_ pods: [Pod], _ w: inout DescribeWriter) {
        let running = pods.filter { $0.status.phase != .succeeded && $0.status.phase != .failed }
            .sortedByMetadata(\.metadata)
        w.line(0, "Non-terminated Pods:\t(\(running.count) in total)")
        // describe.go leaves an empty column after Name ("\t\t").
        w.line(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge")
        w.line(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---")
        for p in running {
            w.line(
                1,
                "\(p.metadata.namespace)\t\(p.metadata.name)\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t\(w.age(p.metadata.creationTimestamp))"
            )
        }
        w.line(0, "Allocated resources:")
        w.line(1, "(Total limits may be over 100 percent, i.e., overcommitted.)")
        w.line(1, "Resource\tRequests\tLimits")
        w.line(1, "--------\t--------\t------")
        for resource in ["cpu", "memory", "ephemeral-storage"] { w.line(1, "\(resource)\t0 (0%)\t0 (0%)") }
    }

    /// Capacity and Allocatable, resource names in order, pods among them.
    static func resources(_ s: NodeStatus, _ w: inout DescribeWriter) {
        for (title, list) in [("Capacity", s.capacity), ("Allocatable", s.allocatable)] {
            w.line(0, "\(title):")
            let all = list + [NodeResource(name: "pods", quantity: String(s.podCapacity))]
            for r in all.sorted(by: { ByteOrder.less($0.name, $1.name) }) { w.line(1, "\(r.name):\t\(r.quantity)") }
        }
    }

    /// Sorted by effect, then key (9.2).
    static func sortedTaints(_ taints: [Taint]) -> [Taint] {
        taints.sorted {
            $0.effect.rawValue != $1.effect.rawValue
                ? ByteOrder.less($0.effect.rawValue, $1.effect.rawValue) : ByteOrder.less($0.key, $1.key)
        }
    }

    /// `key=value:Effect` or `key:Effect`.
    static func taintText(_ t: Taint) -> String {
        if let v = t.value, !v.isEmpty { return "\(t.key)=\(v):\(t.effect.rawValue)" }
        return "\(t.key):\(t.effect.rawValue)"
    }
}
