/// A pod's finalizers: the API server's final delete (grace 0, from the kubelet or a forced
/// delete) removes a pod only when it has none. Otherwise the pod stays Terminating, with its
/// grace period at 0, until an update removes the last one.
extension Cluster {
    @discardableResult
    func removePod(_ key: ObjectKey) -> KubeObject? {
        guard var pod = store.get(Pod.self, namespace: key.namespace, name: key.name) else { return nil }
        guard !pod.metadata.finalizers.isEmpty else { return store.remove(key, at: now) }
        // Held already: writing again would wake the kubelet for nothing.
        if pod.metadata.deletionTimestamp != nil, pod.metadata.deletionGracePeriodSeconds == 0 { return .pod(pod) }
        pod.metadata.deletionTimestamp = min(pod.metadata.deletionTimestamp ?? now, now)
        pod.metadata.deletionGracePeriodSeconds = 0
        return store.replace(.pod(pod), at: now)
    }

    /// After an update: a pod held only by its finalizers goes once they are all removed.
    static func finalizersReleased(_ o: KubeObject) -> Bool {
        guard o.metadata.deletionTimestamp != nil, o.metadata.finalizers.isEmpty else { return false }
        return o.kind != .pod || o.metadata.deletionGracePeriodSeconds == 0
    }
}
