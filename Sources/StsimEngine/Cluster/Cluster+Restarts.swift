/// Restarts and a lagging watch: the faults Sieve (OSDI 2022) found controllers' bugs with,
/// each an ordinary command too (`restart kubelet`, `restart controller statefulset`, `lag pods`).
extension Cluster {
    /// `restart kubelet NODE [--stale D]`: the kubelet process restarts; its containers keep
    /// running. With a stale cache it starts the pods the API had bound to the node D ago and
    /// has deleted since (kubernetes issue 59848); returns them.
    public func restartKubelet(node: String, stale: VirtualDuration = .zero) -> Result<[ObjectKey], APIError> {
        guard let kubelet = kubelets[node] else { return .failure(.notFound(.node, node)) }
        let refusal: String? =
            if kubelet.state.isDown {
                "node \(node) is powered off: boot brings it back"
            } else if !kubelet.link.isConnected {
                "node \(node) is cut off from the control plane: a restarted kubelet could list nothing (heal it first)"
            } else if kubelet.isStale {
                "the kubelet on \(node) already lists from a stale cache, until \(kubelet.state.link.staleUntil!)"
            } else if stale > Kubelet.maxStale {
                "--stale takes at most \(Kubelet.maxStale.goString): older departures are not kept"
            } else {
                nil
            }
        if let refusal { return .failure(APIError(reason: .invalid, message: refusal, kind: .node, name: node)) }
        let fault: Fault = stale > .zero ? .kubeletRestartedStale : .kubeletRestarted
        history.recordFault(fault, on: ObjectKey(kind: .node, namespace: "", name: node), at: now)
        return .success(kubelet.restart(stale: stale))
    }

    /// Whether a node's kubelet still lists from a stale cache, and until when.
    public func kubeletStaleUntil(node: String) -> VirtualTime? {
        guard let k = kubelets[node], k.isStale else { return nil }
        return k.state.link.staleUntil
    }

    /// `restart controller statefulset [--between-writes]`: at once, or cutting the next sync
    /// that writes after its first write.
    public func restartStatefulSetController(betweenWrites: Bool) {
        if !betweenWrites {
            history.recordFault(.controllerRestarted, on: controlPlaneKey, at: now)
        }
        statefulSets.restart(betweenWrites: betweenWrites)
    }

    /// A `--between-writes` restart still waiting for a sync that writes.
    public var statefulSetControllerRestartPending: Bool { statefulSets.state.restartAfterWrite ?? false }

    /// `lag pods D`: the StatefulSet controller's pod watch delivers every change D late (0 ends it).
    public func setPodWatchLag(_ lag: VirtualDuration) {
        history.recordFault(lag > .zero ? .watchLagging : .watchOnTime, on: controlPlaneKey, at: now)
        statefulSets.setPodLag(lag)
    }

    /// How late the StatefulSet controller's pod watch is.
    public var podWatchLag: VirtualDuration { statefulSets.state.podLag ?? .zero }

    /// Faults of the control plane's components are marked on its node.
    var controlPlaneKey: ObjectKey { ObjectKey(kind: .node, namespace: "", name: config.controlPlaneName) }
}
