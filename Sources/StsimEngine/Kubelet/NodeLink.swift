/// A node's connection to the control plane. Everything the kubelet learns from the API (its
/// pods) and everything it tells the API (pod status, events, the final delete of a terminated
/// pod) passes here. A partition cuts the link: the kubelet's containers keep
/// running (its truth), while the API stops hearing about them (the API's view). Its state is
/// part of the kubelet's (`KubeletState.link`).
final class NodeLink {
    unowned let cluster: Cluster
    unowned var kubelet: Kubelet!
    /// While false, nothing crosses in either direction.
    var isConnected: Bool {
        get { kubelet.state.link.isConnected }
        set { kubelet.state.link.isConnected = newValue }
    }
    /// When the kubelet first renewed its Lease; renewals follow every `leaseRenewInterval`.
    var leasePhase: VirtualTime {
        get { kubelet.state.link.leasePhase }
        set { kubelet.state.link.leasePhase = newValue }
    }
    /// When the link was cut (the last renewal happened at or before it).
    var cutAt: VirtualTime? {
        get { kubelet.state.link.cutAt }
        set { kubelet.state.link.cutAt = newValue }
    }

    /// The last Lease renewal that reached the API. Renewals are not queued events: while the
    /// link stands they happen every 10 s on the same phase, so the time of the last one is
    /// arithmetic. This keeps 1,000 idle nodes free (no event per node every 10 s) and lets
    /// `settle` stop; the node lifecycle controller only needs an event once a link is cut.
    func lastLeaseRenewal(at now: VirtualTime, interval: VirtualDuration) -> VirtualTime {
        let until = cutAt ?? now
        guard until >= leasePhase, interval.milliseconds > 0 else { return leasePhase }
        let step = interval.milliseconds
        return VirtualTime(
            milliseconds: leasePhase.milliseconds + (until.milliseconds - leasePhase.milliseconds) / step * step)
    }

    init(cluster: Cluster) { self.cluster = cluster }

    /// API → kubelet: a pod bound to this node changed.
    func deliver(_ pod: Pod, type: ChangeType) {
        if type == .deleted { kubelet.podLeftAPI(pod) }
        // A kubelet listing from a stale cache learns of changes only when it catches up.
        guard isConnected, !kubelet.isStale else { return }
        kubelet.podChanged(pod, type: type)
    }

    /// Kubelet → API: the pod's status as the kubelet sees it. Conditions other components own
    /// (PodScheduled, DisruptionTarget) are kept from the API object.
    func reportStatus(_ key: ObjectKey, uid: UID, _ status: PodStatus) {
        guard isConnected, var pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
            pod.metadata.uid == uid
        else { return }
        var merged = status
        for c in pod.status.conditions where c.type == .disruptionTarget && merged.condition(c.type) == nil {
            merged.conditions.append(c)
        }
        guard merged != pod.status else { return }
        pod.status = merged
        cluster.write(pod)
    }

    /// Kubelet → API: the containers are gone; remove the pod object (a delete with grace 0).
    func confirmDeletion(_ key: ObjectKey, uid: UID) {
        guard isConnected, let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
            pod.metadata.uid == uid
        else { return }
        cluster.removePod(key)
    }

    /// Kubelet → API: an event about a pod.
    func recordEvent(
        _ type: EventType, _ reason: String, _ message: String, about key: ObjectKey, uid: UID, fieldPath: String?
    ) {
        guard isConnected else { return }
        cluster.recordEvent(
            type, reason, message, about: key, uid: uid, source: "kubelet", fieldPath: fieldPath, host: kubelet.nodeName
        )
    }
}
