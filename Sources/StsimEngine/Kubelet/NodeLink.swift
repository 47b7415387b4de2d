/// A node's connection to the control plane. Everything the kubelet learns from the API (its
/// pods) and everything it tells the API (pod status, events, the final delete of a terminated
/// pod) passes here. Issue 5 cuts the link for a partition: the kubelet's containers keep
/// running (its truth), while the API stops hearing about them (the API's view).
final class NodeLink {
    unowned let cluster: Cluster
    unowned var kubelet: Kubelet!
    /// While false, nothing crosses in either direction.
    var isConnected = true

    init(cluster: Cluster) { self.cluster = cluster }

    /// API → kubelet: a pod bound to this node changed.
    func deliver(_ pod: Pod, type: ChangeType) {
        guard isConnected else { return }
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
        cluster.store.remove(key, at: cluster.now)
    }

    /// Kubelet → API: an event about a pod.
    func recordEvent(_ type: EventType, _ reason: String, _ message: String, about key: ObjectKey, uid: UID, fieldPath: String?) {
        guard isConnected else { return }
        cluster.recordEvent(type, reason, message, about: key, uid: uid, source: "kubelet", fieldPath: fieldPath, host: kubelet.nodeName)
    }
}
