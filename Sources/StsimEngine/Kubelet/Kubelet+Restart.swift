/// A kubelet process restart (`restart kubelet NODE [--stale D]`). The containers live in the
/// runtime, not in the kubelet, so they keep running; the restarted kubelet lists the pods bound
/// to its node and reconciles. Listed from an API server whose watch cache lags D behind (an HA
/// control plane's slow replica), the list is the API as it was D ago: a pod deleted since, and
/// perhaps recreated on another node, is still there, bound to this node, and the kubelet starts
/// it. That is kubernetes issue 59848, the example Sieve (OSDI 2022) opens with. The kubelet
/// learns nothing newer until its view catches up, D later; then it kills what the API no longer
/// has, as after a partition.
extension Kubelet {
    /// The stalest cache `--stale` accepts; departed pods are kept this long.
    static let maxStale = VirtualDuration.minutes(5)

    /// Whether the kubelet's view still lags (it ignores the API's changes until it catches up).
    var isStale: Bool { state.link.staleUntil.map { $0 > cluster.now } ?? false }

    /// A pod bound to this node left the API: the lagging cache keeps listing it for a while.
    func podLeftAPI(_ pod: Pod) {
        let cutoff = max(cluster.now - Self.maxStale, .zero)
        // In place (the state's `_modify`): a copy of the list per deletion would cost O(n) each.
        if state.departed == nil { state.departed = [] }
        let expired = state.departed!.firstIndex { $0.at >= cutoff } ?? state.departed!.count
        if expired > 0 { state.departed!.removeFirst(expired) }
        // Its status is the kubelet's own to rebuild (admission starts one afresh): only the
        // phase is kept, which says whether the cache still shows it running.
        var kept = pod
        kept.status = PodStatus(phase: pod.status.phase)
        state.departed!.append(DepartedPod(at: cluster.now, pod: kept))
    }

    /// Restarts the kubelet. With a stale cache, it starts the pods the API had bound to this node
    /// `stale` ago and has deleted since; returns them. Its view catches up `stale` later.
    func restart(stale: VirtualDuration) -> [ObjectKey] {
        guard stale > .zero else {
            _ = reconnected()
            return []
        }
        let listedAt = max(cluster.now - stale, .zero)
        var started: [ObjectKey] = []
        for d in state.departed ?? [] where d.at > listedAt {
            var pod = d.pod
            guard let uid = pod.metadata.uid, pods[uid] == nil,
                (pod.metadata.creationTimestamp ?? .zero) <= listedAt
            else { continue }
            // Marked for deletion after the cache's moment: the cache shows it live, before the
            // end of its termination made it Succeeded or Failed.
            if let marked = pod.metadata.deletionTimestamp {
                guard marked > listedAt else { continue }
                pod.metadata.deletionTimestamp = nil
                pod.metadata.deletionGracePeriodSeconds = nil
                if pod.status.phase == .succeeded || pod.status.phase == .failed { pod.status.phase = .running }
            }
            podChanged(pod, type: .added)
            if pods[uid] != nil { started.append(key(pod)) }
        }
        state.link.staleUntil = cluster.now + stale
        cluster.invariants.viewChanged(nodeName, stale: true)
        cluster.queue.schedule(.kubeletCaughtUp(node: nodeName), at: cluster.now + stale)
        return started
    }

    /// The cache reached the API's present: reconcile as after a partition (pods the API no
    /// longer has are killed, pods bound meanwhile are admitted). Returns the pods it killed.
    @discardableResult
    func caughtUp() -> [ObjectKey] {
        guard let until = state.link.staleUntil, until <= cluster.now else { return [] }
        state.link.staleUntil = nil
        cluster.invariants.viewChanged(nodeName, stale: false)
        guard link.isConnected, !state.isDown else { return [] }
        cluster.history.recordFault(
            .kubeletCaughtUp, on: ObjectKey(kind: .node, namespace: "", name: nodeName), at: cluster.now)
        return reconnected()
    }
}
