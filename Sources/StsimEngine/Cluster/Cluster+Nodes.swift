extension Cluster {
    /// Adds a worker node (`create node NAME [--zone Z]`); its kubelet registers it Ready.
    @discardableResult
    public func createNode(_ name: String, labels: [String: String] = [:], zone: String? = nil) -> Result<
        KubeObject, APIError
    > {
        var l = labels
        if let zone {
            l[Node.zoneLabel] = zone
            // GKE's PD driver places disks by its own zone label, which GKE sets on every node.
            if config.profile == .gke { l[ClusterProfile.gkeZoneLabel] = zone }
        }
        return create(.node(Node(metadata: ObjectMeta(name: name, labels: l))))
    }

    /// `kubectl cordon` / `uncordon`.
    @discardableResult
    public func setUnschedulable(_ node: String, _ unschedulable: Bool) -> Result<KubeObject, APIError> {
        guard var n = store.get(Node.self, namespace: "", name: node) else { return .failure(.notFound(.node, node)) }
        n.spec.unschedulable = unschedulable ? true : nil
        if unschedulable, !n.spec.taints.contains(where: { $0.key == "node.kubernetes.io/unschedulable" }) {
            n.spec.taints.append(Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule, timeAdded: now))
        } else if !unschedulable {
            n.spec.taints.removeAll { $0.key == "node.kubernetes.io/unschedulable" }
        }
        return .success(store.replace(.node(n), at: now))
    }

    /// What the kubelet writes when it registers a node: labels, pod CIDR, addresses, Ready.
    func registerNode(_ n: inout Node) {
        let name = n.metadata.name
        n.metadata.labels["kubernetes.io/hostname"] = name
        n.metadata.labels["kubernetes.io/os"] = "linux"
        n.metadata.labels["kubernetes.io/arch"] = "amd64"
        n.metadata.labels["beta.kubernetes.io/os"] = "linux"
        n.metadata.labels["beta.kubernetes.io/arch"] = "amd64"
        let index = ipam.subnetIndex(for: name)
        if n.spec.podCIDR == nil { n.spec.podCIDR = "10.244.\(index).0/24" }
        if n.status.addresses.isEmpty {
            n.status.addresses = NodeMachine.addresses(config.profile, index: index, name: name)
        }
        NodeMachine.of(config.profile).report(into: &n.status)
        if n.status.conditions.isEmpty { n.status.conditions = Self.healthyConditions(at: now) }
        if n.status.podCapacity == 110 { n.status.podCapacity = config.podCapacityPerNode }
    }

    /// The conditions a healthy kubelet posts (at registration, and again when it is heard from).
    static func healthyConditions(at now: VirtualTime) -> [NodeCondition] {
        [
            NodeCondition(
                type: .memoryPressure, status: .false, lastHeartbeatTime: now, lastTransitionTime: now,
                reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available"),
            NodeCondition(
                type: .diskPressure, status: .false, lastHeartbeatTime: now, lastTransitionTime: now,
                reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure"),
            NodeCondition(
                type: .pidPressure, status: .false, lastHeartbeatTime: now, lastTransitionTime: now,
                reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available"),
            NodeCondition(
                type: .ready, status: .true, lastHeartbeatTime: now, lastTransitionTime: now, reason: "KubeletReady",
                message: "kubelet is posting ready status"),
        ]
    }
}
