/// The kubelet's admission of a pod bound to its node without the scheduler (`spec.nodeName` in
/// the manifest): `lifecycle.PredicateAdmitHandler` runs the scheduler's general filter again and
/// `rejectPod` fails a pod that does not fit, for good (kubernetes/kubernetes pkg/kubelet).
extension Kubelet {
    /// Phase Failed, reason the predicate's name, message `Pod was rejected: Predicate NAME
    /// failed: ...`, and a Warning event with the predicate's words. Nothing when the pod is gone
    /// or being deleted meanwhile.
    func reject(_ key: ObjectKey, uid: UID, _ predicate: String, _ reason: String) {
        guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
            pod.metadata.uid == uid, pod.metadata.deletionTimestamp == nil, pods[uid] == nil
        else { return }
        let message = "Predicate \(predicate) failed: \(reason)"
        var status = pod.status
        status.phase = .failed
        status.reason = predicate
        status.message = "Pod was rejected: \(message)"
        status.startTime = cluster.now
        link.reportStatus(key, uid: uid, status)
        link.recordEvent(.warning, predicate, message, about: key, uid: uid, fieldPath: nil)
    }
}
