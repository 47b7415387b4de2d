import StsimEngine

/// `v1 Node`.
extension MappingReader {
    func nodeSpec(_ timestamps: Timestamps) -> NodeSpec {
        nested("spec", goType: "NodeSpec") { s in
            s.unmodelled("podCIDRs", "providerID", "configSource", "externalID")
            return NodeSpec(
                podCIDR: s.string("podCIDR"), unschedulable: s.bool("unschedulable"),
                taints: s.objects("taints", goType: "Taint") { t in
                    Taint(
                        key: t.string("key") ?? "", value: t.string("value"),
                        effect: t.openEnum("effect", TaintEffect.self, goTypeName: "v1.TaintEffect")
                            ?? TaintEffect(rawValue: ""),
                        timeAdded: t.time("timeAdded", timestamps))
                } ?? [])
        } ?? NodeSpec()
    }

    func nodeStatus(_ timestamps: Timestamps) -> NodeStatus {
        nested("status", goType: "NodeStatus") { s in
            var status = NodeStatus()
            status.conditions =
                s.objects("conditions", goType: "NodeCondition") { c in
                    NodeCondition(
                        type: NodeConditionType(rawValue: c.string("type") ?? ""), status: c.conditionStatus(),
                        lastHeartbeatTime: c.time("lastHeartbeatTime", timestamps),
                        lastTransitionTime: c.time("lastTransitionTime", timestamps), reason: c.string("reason"),
                        message: c.string("message"))
                } ?? []
            status.addresses =
                s.objects("addresses", goType: "NodeAddress") { a in
                    NodeAddress(type: a.string("type") ?? "", address: a.string("address") ?? "")
                } ?? []
            let capacity = s.quantityMap("capacity") ?? []
            if let pods = capacity.first(where: { $0.name == "pods" })?.quantity {
                status.podCapacity = Int(clamping: pods.value)
            }
            status.capacity = Self.resources(capacity)
            status.allocatable = Self.resources(s.quantityMap("allocatable") ?? [])
            if let info = s.object("nodeInfo", goType: "NodeSystemInfo") {
                if let v = info.string("kubeletVersion") { status.kubeletVersion = v }
                if let v = info.string("osImage") { status.osImage = v }
                if let v = info.string("kernelVersion") { status.kernelVersion = v }
                if let v = info.string("containerRuntimeVersion") { status.containerRuntimeVersion = v }
                info.unmodelled(
                    "machineID", "systemUUID", "bootID", "kubeProxyVersion", "operatingSystem", "architecture")
                info.finish()
            }
            status.images =
                s.objects("images", goType: "ContainerImage") { i in
                    _ = i.int("sizeBytes", goTypeName: "int64")
                    return i.strings("names")?.first
                } ?? []
            s.unmodelled(
                "daemonEndpoints", "volumesInUse", "volumesAttached", "config", "runtimeHandlers", "features", "phase")
            return status
        } ?? NodeStatus()
    }
}

extension MappingReader {
    /// A node's resource list without `pods` (kept apart), in name order.
    static func resources(_ list: [(name: String, quantity: Quantity?)]) -> [NodeResource] {
        list.compactMap { r in
            guard r.name != "pods", let q = r.quantity else { return nil }
            return NodeResource(name: r.name, quantity: q.text)
        }.sorted { $0.name < $1.name }
    }
}
