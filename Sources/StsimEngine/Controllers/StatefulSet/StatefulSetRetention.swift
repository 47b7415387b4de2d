/// A retention policy changed on a live set: upstream's `processReplica` checks each pod's claims
/// against the policy (`ClaimsMatchRetentionPolicy`) and, when they differ, updates the claims'
/// owner references and the pod (`UpdateStatefulPod`, event `SuccessfulUpdate`); condemned pods'
/// claims are fixed before they are deleted. The index keeps no claims, so a change of policy
/// queues every pod of the set once, and each sync works through that queue.
extension StatefulSetController {
    /// Called for every change of the set while its index is open: queues the set's pods when
    /// the policy differs from the one last seen.
    func noteRetentionPolicy(_ set: StatefulSet, _ type: ChangeType, _ s: inout StatefulSetState) {
        let policy = set.spec.persistentVolumeClaimRetentionPolicy
        defer { s.retentionPolicy = policy }
        guard type == .modified, Self.deletes(s.retentionPolicy) != Self.deletes(policy) else { return }
        s.retentionPending = (s.retentionPending ?? []).union(s.pods.keys)
    }

    /// One sync's share of the queue. With OrderedReady an in-range pod that is not yet Running,
    /// Ready and available waits, as `processReplica` returns before the check for such a pod.
    func reconcileRetention(_ set: StatefulSet, _ uid: UID) {
        guard let pending = update(uid, { $0.retentionPending }) ?? nil, !pending.isEmpty else { return }
        var done: [Int] = []
        for o in pending.sorted() {
            guard let facts = update(uid, { $0.pods[o] }) ?? nil else {
                done.append(o)
                continue
            }
            let inRange = update(uid) { $0.inRange(o) } ?? false
            let monotonic = update(uid) { $0.monotonic } ?? true
            if monotonic && inRange && !facts.settled { continue }
            done.append(o)
            let name = StatefulSetIdentity.podName(set.metadata.name, o)
            guard let pod = cluster.store.get(Pod.self, namespace: set.metadata.namespace, name: name),
                pod.metadata.uid == facts.uid, !facts.terminating
            else { continue }
            // A condemned pod's claims are fixed without updating the pod (no event).
            if ClaimRetention.reconcile(pod, set, ordinal: o, cluster: cluster), inRange {
                event(
                    set, .normal, "SuccessfulUpdate",
                    "update Pod \(name) in StatefulSet \(set.metadata.name) successful")
            }
        }
        update(uid) { s in
            s.retentionPending?.subtract(done)
            if s.retentionPending?.isEmpty ?? false { s.retentionPending = nil }
        }
    }

    /// A policy as its two choices (a missing one is Retain).
    private static func deletes(_ p: StatefulSetPersistentVolumeClaimRetentionPolicy?) -> [Bool] {
        [p?.whenDeleted == .delete, p?.whenScaled == .delete]
    }
}
