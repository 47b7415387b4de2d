/// Status (reference 6.1), as upstream's `computeReplicaStatus` and stateful_set_status_updater.go
/// (kubernetes/kubernetes pkg/controller/statefulset): counted from the index, written only when it
/// changed.
enum StatefulSetStatusUpdater {
    /// The status the index describes. Once a rolling update has every replica updated and Ready,
    /// the update revision becomes the current one.
    static func status(_ set: StatefulSet, _ s: StatefulSetState) -> StatefulSetStatus {
        var st = StatefulSetStatus()
        st.observedGeneration = set.metadata.generation
        st.replicas = s.pods.count
        st.readyReplicas = s.readyCount
        st.availableReplicas = s.availableCount
        st.updateRevision = s.updateRevision
        st.currentRevision = s.currentRevision ?? s.updateRevision
        st.currentReplicas = s.revisionCounts[st.currentRevision!] ?? 0
        st.updatedReplicas = s.revisionCounts[s.updateRevision] ?? 0
        st.collisionCount = set.status.collisionCount ?? 0
        let desired = set.spec.replicas ?? 1
        if set.spec.updateStrategy?.type ?? .rollingUpdate == .rollingUpdate,
            st.updatedReplicas == desired, st.readyReplicas == desired, st.replicas == desired
        {
            st.currentRevision = st.updateRevision
            st.currentReplicas = st.updatedReplicas
        }
        return st
    }
}

extension StatefulSetController {
    /// `UpdateStatefulSetStatus`: the computed status onto the latest copy of the set.
    func writeStatus(_ set: StatefulSet, _ uid: UID) {
        guard
            let st = update(
                uid,
                { s -> StatefulSetStatus in
                    let st = StatefulSetStatusUpdater.status(set, s)
                    s.currentRevision = st.currentRevision
                    return st
                })
        else { return }
        // `inconsistentStatus` compares the counters only: conditions alone never cause a write,
        // and a write replaces them with none.
        var counted = st
        counted.conditions = set.status.conditions
        guard counted != set.status,
            var latest = cluster.store.get(StatefulSet.self, namespace: set.metadata.namespace, name: set.metadata.name)
        else { return }
        latest.status = st
        cluster.write(latest)
    }
}
