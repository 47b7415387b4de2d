/// Node faults (reference 9): a partition cuts a node's link to the control plane, heal restores it.
extension Cluster {
    /// `partition NODE`: the kubelet keeps running its containers and keeps its volumes, but can
    /// no longer renew its Lease, post status or see API changes. Returns false if the link was
    /// already cut.
    @discardableResult
    public func partition(node: String) -> Result<Bool, APIError> {
        guard let link = kubelets[node]?.link else {
            return .failure(.notFound(.node, node))
        }
        guard link.isConnected else { return .success(false) }
        link.isConnected = false
        link.cutAt = now
        invariants.linkChanged(node, connected: false)
        nodeLifecycle.linkCut(node)
        history.recordFault(.partitioned, on: ObjectKey(kind: .node, namespace: "", name: node), at: now)
        return .success(true)
    }

    /// `heal NODE`: the link is back. The kubelet renews its Lease and posts Ready at once, then
    /// reconciles its pods with the API (9.9); the node lifecycle controller removes the taints at
    /// its next check. Returns the pods whose containers the kubelet killed because the API no
    /// longer has them, or nil if the link was not cut.
    @discardableResult
    public func heal(node: String, as fault: Fault = .healed) -> Result<[ObjectKey]?, APIError> {
        guard let kubelet = kubelets[node] else {
            return .failure(.notFound(.node, node))
        }
        if kubelet.state.isDown {
            return .failure(
                APIError(
                    reason: .invalid, message: "node \(node) is powered off: boot brings it back", kind: .node,
                    name: node))
        }
        let link = kubelet.link
        guard !link.isConnected else { return .success(nil) }
        history.recordFault(fault, on: ObjectKey(kind: .node, namespace: "", name: node), at: now)
        link.isConnected = true
        link.cutAt = nil
        invariants.linkChanged(node, connected: true)
        link.leasePhase = now
        postReady(node)
        if store.get(Node.self, namespace: "", name: node) == nil {
            kubelet.nodeObjectDeleted(kubelet.state.lastRegistered ?? Node(metadata: ObjectMeta(name: node)))
        }
        let killed = kubelet.reconnected()
        attachDetach.nodeMayDetach(node)
        nodeLifecycle.linkRestored(node)
        return .success(killed)
    }

    /// Why a pod's deletion cannot complete, in one line, or nil when nothing holds it.
    public func terminationBlocker(pod: Pod) -> String? {
        guard pod.metadata.deletionTimestamp != nil, let node = pod.spec.nodeName, isPartitioned(node: node) else {
            return nil
        }
        return
            "\(node) is unreachable: only its kubelet can confirm the containers stopped, so the deletion cannot complete"
    }

    /// When the node's kubelet last renewed its Lease (every 10 s while the link stands).
    public func leaseRenewTime(node: String) -> VirtualTime? {
        kubelets[node]?.link.lastLeaseRenewal(at: now, interval: timing.leaseRenewInterval)
    }

    /// Whether a machine of this name exists (its Node object may have been deleted from the API).
    public func hasMachine(node: String) -> Bool { kubelets[node] != nil }

    /// Whether a node's link is cut (partitioned or crashed).
    public func isPartitioned(node: String) -> Bool { kubelets[node].map { !$0.link.isConnected } ?? false }

    /// The kubelet's node status update: every condition healthy again, heartbeats now.
    private func postReady(_ name: String) {
        guard var node = store.get(Node.self, namespace: "", name: name) else { return }
        let healthy = Self.healthyConditions(at: now)
        for i in node.status.conditions.indices {
            guard let h = healthy.first(where: { $0.type == node.status.conditions[i].type }) else { continue }
            if node.status.conditions[i].status != h.status { node.status.conditions[i].lastTransitionTime = now }
            node.status.conditions[i].status = h.status
            node.status.conditions[i].reason = h.reason
            node.status.conditions[i].message = h.message
            node.status.conditions[i].lastHeartbeatTime = now
        }
        write(node)
    }
}

// MARK: Crash and boot

extension Cluster {
    /// `crash NODE`: the machine loses power. Its containers die with it and the kubelet falls
    /// silent (the API hears nothing, as in a partition). Returns false if it was already down.
    @discardableResult
    public func crash(node: String) -> Result<Bool, APIError> {
        guard let kubelet = kubelets[node] else {
            return .failure(.notFound(.node, node))
        }
        guard !kubelet.state.isDown else { return .success(false) }
        history.recordFault(.crashed, on: ObjectKey(kind: .node, namespace: "", name: node), at: now)
        kubelet.powerOff()
        if kubelet.link.isConnected {
            kubelet.link.isConnected = false
            kubelet.link.cutAt = now
            invariants.linkChanged(node, connected: false)
            nodeLifecycle.linkCut(node)
        }
        return .success(true)
    }

    /// `boot NODE`: power on. The kubelet starts with no containers, reaches the API, completes
    /// the deletions it missed and starts the pods still bound to it afresh.
    @discardableResult
    public func boot(node: String) -> Result<Bool, APIError> {
        guard let kubelet = kubelets[node] else {
            return .failure(.notFound(.node, node))
        }
        guard kubelet.state.isDown else { return .success(false) }
        kubelet.state.isDown = false
        _ = heal(node: node, as: .booted)
        return .success(true)
    }

    /// Whether a node is powered off.
    public func isDown(node: String) -> Bool { kubelets[node]?.state.isDown ?? false }

    // MARK: Taints, cordon, eviction

    /// `kubectl taint node NODE key=value:Effect`. Fails as kubectl does when the node already has
    /// a taint with that key and effect.
    public func addTaint(_ taint: Taint, node: String) -> Result<KubeObject, APIError> {
        guard var n = store.get(Node.self, namespace: "", name: node) else { return .failure(.notFound(.node, node)) }
        if n.spec.taints.contains(where: { $0.key == taint.key && $0.effect == taint.effect }) {
            return .failure(
                APIError(
                    reason: .invalid,
                    message:
                        "node \(node) already has \(taint.key) taint(s) with same effect(s) and --overwrite is false",
                    kind: .node, name: node))
        }
        var t = taint
        if t.effect == .noExecute { t.timeAdded = now }
        n.spec.taints.append(t)
        return .success(store.replace(.node(n), at: now))
    }

    /// `kubectl taint node NODE key-` (every effect) or `key:Effect-`.
    public func removeTaint(key: String, effect: TaintEffect?, node: String) -> Result<KubeObject, APIError> {
        guard var n = store.get(Node.self, namespace: "", name: node) else { return .failure(.notFound(.node, node)) }
        let before = n.spec.taints.count
        n.spec.taints.removeAll { $0.key == key && (effect == nil || $0.effect == effect) }
        guard n.spec.taints.count < before else {
            return .failure(
                APIError(
                    reason: .notFound, message: "taint \"\(key + (effect.map { ":\($0.rawValue)" } ?? ""))\" not found",
                    kind: .node, name: node))
        }
        return .success(store.replace(.node(n), at: now))
    }
}
