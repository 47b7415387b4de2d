/// The taint eviction controller (reference 9.4): when a NoExecute taint lands on a node, each pod
/// there that does not tolerate it is deleted at once; a pod that tolerates it for a while
/// (`tolerationSeconds`, 300 s by default admission) is deleted when that runs out, unless the
/// taint goes first ("Cancelling deletion"). Deletion is graceful, after the DisruptionTarget
/// condition is written; on an unreachable node it therefore never completes.
final class TaintEvictionController {
    unowned let cluster: Cluster

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State {
        /// The NoExecute taints last seen on each node (only nodes that have some).
        var taints: [String: [Taint]] = [:]
        /// Bumped whenever a node's NoExecute taints change: evictions queued before are void.
        var generation: [String: Int] = [:]
        /// Pods with a queued eviction, per node, so a cancellation can be told.
        var pending: [String: Set<ObjectKey>] = [:]
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    func nodeChanged(_ node: Node, type: ChangeType) {
        let name = node.metadata.name
        let now = type == .deleted ? [] : node.spec.taints.filter { $0.effect == .noExecute }
        let before = state.taints[name] ?? []
        guard now != before else { return }
        state.taints[name] = now.isEmpty ? nil : now
        state.generation[name, default: 0] += 1
        let cancelled = state.pending.removeValue(forKey: name) ?? []
        var scheduled: Set<ObjectKey> = []
        if !now.isEmpty {
            for key in cluster.store.pods(onNode: name) {
                guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name) else { continue }
                if consider(pod, key: key, node: name, taints: now) { scheduled.insert(key) }
            }
        }
        if !scheduled.isEmpty { state.pending[name] = scheduled }
        for key in cancelled.subtracting(scheduled).sorted() {
            guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
                pod.metadata.deletionTimestamp == nil
            else { continue }
            cluster.recordEvent(
                .normal, "TaintManagerEviction", "Cancelling deletion of Pod \(key.namespace)/\(key.name)",
                about: key, uid: pod.metadata.uid, source: "taint-eviction-controller")
        }
    }

    /// Queues the eviction: at once for a pod that does not tolerate a taint, else when the
    /// shortest matching toleration runs out. Returns whether an eviction was queued. (Queued
    /// even when due now: this runs inside the store's change notification, which must not write.)
    private func consider(_ pod: Pod, key: ObjectKey, node: String, taints: [Taint]) -> Bool {
        guard pod.metadata.deletionTimestamp == nil, let uid = pod.metadata.uid else { return false }
        var seconds: Int?  // nil: tolerated forever
        for taint in taints {
            let matching = pod.spec.tolerations.filter { $0.tolerates(taint) }
            if matching.isEmpty {
                seconds = 0
                break
            }
            for t in matching {
                if let s = t.tolerationSeconds { seconds = min(seconds ?? s, s) }
            }
        }
        guard let seconds else { return false }
        let action = EngineAction.taintEviction(
            pod: key, uid: uid, node: node, generation: state.generation[node, default: 0])
        cluster.schedule(action, after: .seconds(Int64(max(seconds, 0))))
        return true
    }

    func evictionDue(_ key: ObjectKey, uid: UID, node: String, generation g: Int) {
        guard state.generation[node, default: 0] == g else { return }
        state.pending[node]?.remove(key)
        guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name), pod.metadata.uid == uid
        else { return }
        evict(pod, key: key)
    }

    private func evict(_ pod: Pod, key: ObjectKey) {
        guard pod.metadata.deletionTimestamp == nil else { return }
        var pod = pod
        cluster.recordEvent(
            .normal, "TaintManagerEviction", "Marking for deletion Pod \(key.namespace)/\(key.name)",
            about: key, uid: pod.metadata.uid, source: "taint-eviction-controller")
        pod.status.setCondition(
            .disruptionTarget, .true, at: cluster.now, reason: "DeletionByTaintManager",
            message: "Taint manager: deleting due to NoExecute taint")
        guard let written = cluster.write(pod) else { return }
        cluster.deleteObject(written)
    }
}
