/// The StatefulSet controller (reference sections 2, 3, 6), wired as upstream's stateful_set.go
/// (kubernetes/kubernetes pkg/controller/statefulset): the informers keep each set's index up to
/// date and queue a sync; a sync prunes the index, decides (`StatefulSetDecision`, pure), performs
/// the operations (`StatefulPodControl`) and writes status (`StatefulSetStatusUpdater`).
final class StatefulSetController {
    static let component = "statefulset-controller"

    unowned let cluster: Cluster
    /// Everything remembered between syncs, one value: `Cluster.clone` copies it by assignment.
    var state = StatefulSetControllerState()

    init(cluster: Cluster) { self.cluster = cluster }

    func state(for key: ObjectKey) -> StatefulSetState? { state.uidByKey[key].flatMap { state.sets[$0] } }

    /// The set's index with each heap's top valid (a query such as `blockers` reads the tops).
    func prunedState(for key: ObjectKey) -> StatefulSetState? {
        guard let uid = state.uidByKey[key] else { return nil }
        state.sets[uid]?.pruneHeaps()
        return state.sets[uid]
    }

    /// Runs `body` on a set's index in place, so its tables are not copied. `body` must not write
    /// to the store: the write's change would reach `podChanged` during this access.
    @discardableResult
    func update<R>(_ uid: UID, _ body: (inout StatefulSetState) -> R) -> R? {
        guard let i = state.sets.index(forKey: uid) else { return nil }
        return body(&state.sets.values[i])
    }

    // MARK: Informers

    func setChanged(_ set: StatefulSet, type: ChangeType) {
        let key = ObjectKey(kind: .statefulSet, namespace: set.metadata.namespace, name: set.metadata.name)
        guard let uid = set.metadata.uid else { return }
        switch type {
        case .deleted:
            state.sets[uid] = nil
            state.uidByKey[key] = nil
            return
        case .added:
            var s = StatefulSetState(key: key, uid: uid)
            s.monotonic = !set.spec.isParallel
            s.currentRevision = set.status.currentRevision
            state.sets[uid] = s
            state.uidByKey[key] = uid
            adoptOrphans(set)
        case .modified:
            // Status writes (ours) change nothing the controller reads.
            if set.status.observedGeneration == set.metadata.generation, state.sets[uid]?.template != nil { return }
        }
        let minReadyChanged = update(uid) { s -> Bool in
            let seconds = set.spec.minReadySeconds ?? 0
            defer { s.minReadySeconds = seconds }
            s.setRange(start: set.spec.ordinalStart, replicas: set.spec.replicas ?? 1)
            noteRetentionPolicy(set, type, &s)
            return s.minReadySeconds != seconds
        }
        guard let minReadyChanged else { return }
        if minReadyChanged { recomputeAvailability(uid) }
        cluster.enqueueSync(.syncStatefulSet(key))
    }

    /// A new minReadySeconds: every sync recomputes availability upstream (isRunningAndAvailable
    /// reads the set's current value), so ready pods count again at once, and each one not yet
    /// available gets a timer for when it will be.
    private func recomputeAvailability(_ uid: UID) {
        update(uid) { s in
            for o in s.pods.keys.sorted() {
                guard var f = s.pods[o] else { continue }
                f.available =
                    f.runningAndReady && isAvailable(readySince: f.readySince, minReadySeconds: s.minReadySeconds)
                if f != s.pods[o] { s.setFacts(f, at: o) }
                guard f.runningAndReady, !f.available, let since = f.readySince else { continue }
                let due = since + .seconds(Int64(s.minReadySeconds + 1))
                cluster.queue.schedule(.statefulSetAvailability(s.key, ordinal: o), at: max(due, cluster.now))
            }
        }
    }

    func podChanged(_ pod: Pod, type: ChangeType) {
        guard let (parent, ordinal) = StatefulSetIdentity.parse(pod.metadata.name) else { return }
        let released = type != .deleted && noteClaim(pod, parent: parent)
        guard let ref = pod.metadata.controllerRef, ref.kind == "StatefulSet" else { return }
        let key = update(ref.uid) { s -> ObjectKey? in
            guard parent == s.key.name else { return nil }
            if type == .deleted || released {
                guard s.pods[ordinal]?.uid == pod.metadata.uid else { return nil }
                s.setFacts(nil, at: ordinal)
            } else {
                record(pod, at: ordinal, in: &s)
            }
            return s.key
        }
        if let key = key ?? nil { cluster.enqueueSync(.syncStatefulSet(key)) }
    }

    /// A pod added or modified: its facts, an identity repair if its pod-name label is gone, and a
    /// timer to see it become available.
    private func record(_ pod: Pod, at ordinal: Int, in s: inout StatefulSetState) {
        // 2.2: identity is repaired on every sync; only the pod-name label is checked.
        if pod.metadata.labels[StatefulSetIdentity.podNameLabel] != pod.metadata.name,
            pod.metadata.deletionTimestamp == nil
        {
            s.identityRepairs.insert(ordinal)
        }
        let facts = self.facts(pod, minReadySeconds: s.minReadySeconds)
        let wasReady = s.pods[ordinal]?.runningAndReady ?? false
        s.setFacts(facts, at: ordinal)
        if facts.runningAndReady, !facts.available, !wasReady, let since = facts.readySince {
            // 3.2: requeue after minReadySeconds + 1 s to see the pod become available.
            let due = since + .seconds(Int64(s.minReadySeconds + 1))
            cluster.queue.schedule(.statefulSetAvailability(s.key, ordinal: ordinal), at: max(due, cluster.now))
        }
    }

    func recheckAvailability(_ key: ObjectKey, ordinal: Int) {
        guard let uid = state.uidByKey[key] else { return }
        let found = update(uid) { s -> Bool in
            guard let old = s.pods[ordinal] else { return false }
            var f = old
            f.available =
                f.runningAndReady && isAvailable(readySince: f.readySince, minReadySeconds: s.minReadySeconds)
            if f != old { s.setFacts(f, at: ordinal) }
            return true
        }
        if found == true { cluster.enqueueSync(.syncStatefulSet(key)) }
    }

    private func facts(_ pod: Pod, minReadySeconds: Int) -> StatefulPodFacts {
        let rr = pod.isRunningAndReady
        let since = rr ? pod.status.condition(.ready)?.lastTransitionTime : nil
        return StatefulPodFacts(
            uid: pod.metadata.uid!, phase: pod.status.phase, runningAndReady: rr, readySince: since,
            terminating: pod.metadata.deletionTimestamp != nil,
            revision: pod.metadata.labels[StatefulSetIdentity.revisionLabel] ?? "",
            available: rr && isAvailable(readySince: since, minReadySeconds: minReadySeconds))
    }

    private func isAvailable(readySince: VirtualTime?, minReadySeconds: Int) -> Bool {
        guard minReadySeconds > 0 else { return true }
        guard let since = readySince else { return false }
        return since + .seconds(Int64(minReadySeconds)) < cluster.now
    }

    /// 2.5: pods named after the set, matching its selector and without a controller are adopted.
    private func adoptOrphans(_ set: StatefulSet) {
        guard let selector = set.spec.selector, !selector.isEmpty else { return }
        for var pod in cluster.store.list(Pod.self, namespace: set.metadata.namespace)
        where pod.metadata.controllerRef == nil && selector.matches(pod.metadata.labels)
            && StatefulSetIdentity.parse(pod.metadata.name)?.parent == set.metadata.name[...]
        {
            pod.metadata.ownerReferences.append(StatefulSetIdentity.ownerReference(set))
            cluster.write(.pod(pod))
        }
    }

    // MARK: Sync

    /// One sync (`sync` / `UpdateStatefulSet`): revisions, then the decision from the pruned index,
    /// its operations, and status.
    func sync(_ key: ObjectKey) {
        guard let set = cluster.store.get(StatefulSet.self, namespace: key.namespace, name: key.name),
            let uid = set.metadata.uid, state.sets.keys.contains(uid)
        else { return }
        let version = cluster.store.lastResourceVersion
        settleClaims(set, uid)
        if cutAfterWrite(since: version) { return }
        ensureRevision(set, uid)
        if cutAfterWrite(since: version) { return }
        // 3.3 step 8: a set being deleted only gets its status written.
        let deleting = set.metadata.deletionTimestamp != nil
        let plan =
            update(uid) { s in
                var plan = StatefulSetPlan()
                if !deleting {
                    // Pruning first, as its own step: the decision then reads `s` without changing it.
                    let work = s.takeWork()
                    plan = StatefulSetDecision.decide(set, s, work, gates: cluster.featureGates)
                }
                s.reasons = plan.reasons
                return plan
            } ?? StatefulSetPlan()
        guard perform(plan, set, uid) else { return }
        if !deleting { reconcileRetention(set, uid) }
        if cutAfterWrite(since: version) { return }
        writeStatus(set, uid)
    }

    func event(_ set: StatefulSet, _ type: EventType, _ reason: String, _ message: String) {
        cluster.recordEvent(
            type, reason, message,
            about: ObjectKey(kind: .statefulSet, namespace: set.metadata.namespace, name: set.metadata.name),
            uid: set.metadata.uid, source: Self.component)
    }
}

/// What the StatefulSet controller remembers between syncs, as one value: `Cluster.clone` copies it
/// by assignment, each set's tables shared copy-on-write until either copy changes them.
struct StatefulSetControllerState: Codable {
    /// Each set's index by the set's uid (a set recreated under the same name starts afresh).
    var sets: [UID: StatefulSetState] = [:]
    var uidByKey: [ObjectKey: UID] = [:]
    /// `lag pods D`: how late pod changes reach the controller, and when the last one queued
    /// arrives (later ones queue behind it). Optional, as the fields below: older saves decode.
    var podLag: VirtualDuration?
    var lagDeliveryAt: VirtualTime?
    /// When the controller last restarted: lagged changes sent before it are dropped.
    var restartedAt: VirtualTime?
    /// `restart controller statefulset --between-writes` waits for the next sync that writes.
    var restartAfterWrite: Bool?
}
