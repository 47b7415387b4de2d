/// Revisions (reference 2.4, 4.1), as upstream's `getStatefulSetRevisions` and `truncateHistory`
/// (kubernetes/kubernetes pkg/controller/statefulset/stateful_set_control.go): the set's template
/// is stored as a ControllerRevision, the newest being the update revision.
enum StatefulSetRevisions {
    /// 3.3 step 6: below the partition (or the current replicas) new pods get the current revision.
    static func forNewPod(_ set: StatefulSet, _ s: StatefulSetState, ordinal o: Int) -> String {
        let current = s.currentRevision ?? s.updateRevision
        guard set.spec.updateStrategy?.type ?? .rollingUpdate == .rollingUpdate else { return s.updateRevision }
        if let ru = set.spec.updateStrategy?.rollingUpdate {
            return o < s.start + (ru.partition ?? 0) ? current : s.updateRevision
        }
        return o < s.start + set.status.currentReplicas ? current : s.updateRevision
    }
}

extension StatefulSetController {
    /// Makes the set's template the update revision: an existing revision of the same template is
    /// renumbered (a rollback), otherwise a new one is created or an orphan adopted.
    func ensureRevision(_ set: StatefulSet, _ uid: UID) {
        let stale = update(uid) { s -> [(name: String, number: Int)]? in
            guard s.template != set.spec.template || s.updateRevision.isEmpty else { return nil }
            s.template = set.spec.template
            return s.revisions
        }
        guard let revisions = stale ?? nil else { return }
        let name = StatefulSetIdentity.revisionName(
            set.metadata.name, template: set.spec.template, collisionCount: set.status.collisionCount ?? 0)
        let maxNumber = revisions.last?.number ?? 0
        if let i = revisions.firstIndex(where: { $0.name == name }) {
            if i != revisions.count - 1 {
                // A rollback to an older template renumbers that revision (4.1).
                update(uid) {
                    $0.revisions.remove(at: i)
                    $0.revisions.append((name, maxNumber + 1))
                }
                if var r = cluster.store.get(ControllerRevision.self, namespace: set.metadata.namespace, name: name) {
                    r.revision = maxNumber + 1
                    cluster.write(.controllerRevision(r))
                }
            }
        } else {
            guard let number = createRevision(set, name: name, number: maxNumber + 1) else { return }
            update(uid) { $0.revisions.append((name, number)) }
            truncateHistory(set, uid)
        }
        update(uid) { s in
            guard s.updateRevision != name else { return }
            s.updateRevision = name
            if s.currentRevision == nil { s.currentRevision = name }
            s.revisionChanged()
        }
    }

    /// The new ControllerRevision's number, or an adopted orphan's; nil when neither could be had.
    private func createRevision(_ set: StatefulSet, name: String, number: Int) -> Int? {
        var labels = set.spec.template.metadata.labels
        labels[StatefulSetIdentity.revisionHashLabel] = String(name.dropFirst(set.metadata.name.count + 1))
        let revision = ControllerRevision(
            metadata: ObjectMeta(
                name: name, namespace: set.metadata.namespace, labels: labels,
                annotations: set.metadata.annotations,
                ownerReferences: [StatefulSetIdentity.ownerReference(set)]),
            data: set.spec.template, revision: number)
        switch cluster.create(.controllerRevision(revision)) {
        case .success:
            return number
        case .failure(let e) where e.reason == .alreadyExists:
            // An orphaned revision of an earlier incarnation (`--cascade=orphan`): adopt it (2.5).
            guard
                var existing = cluster.store.get(ControllerRevision.self, namespace: set.metadata.namespace, name: name)
            else { return nil }
            if existing.metadata.controllerRef == nil {
                existing.metadata.ownerReferences.append(StatefulSetIdentity.ownerReference(set))
                cluster.write(existing)
            }
            return existing.revision
        case .failure:
            return nil
        }
    }

    /// Revisions beyond `revisionHistoryLimit` that no pod or status names are deleted, oldest first.
    private func truncateHistory(_ set: StatefulSet, _ uid: UID) {
        guard let s = state.sets[uid] else { return }
        let limit = set.spec.revisionHistoryLimit ?? 10
        var live: Set<String> = [s.updateRevision, s.currentRevision ?? ""]
        for (rev, n) in s.revisionCounts where n > 0 { live.insert(rev) }
        var excess = s.revisions.count - live.count - limit
        var kept: [(name: String, number: Int)] = []
        var doomed: [String] = []
        for r in s.revisions {
            if excess > 0, !live.contains(r.name) {
                excess -= 1
                doomed.append(r.name)
            } else {
                kept.append(r)
            }
        }
        update(uid) { $0.revisions = kept }
        for name in doomed {
            if let o = cluster.store.get(
                ObjectKey(kind: .controllerRevision, namespace: set.metadata.namespace, name: name))
            {
                cluster.deleteObject(o)
            }
        }
    }
}
