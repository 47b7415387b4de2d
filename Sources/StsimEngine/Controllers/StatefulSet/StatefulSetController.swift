/// The StatefulSet controller (reference sections 2, 3, 6): one sync per set decides what to do
/// from the set's incremental index, then acts through the API with Kubernetes' event texts.
final class StatefulSetController {
    static let component = "statefulset-controller"

    unowned let cluster: Cluster
    private var states: [UID: StatefulSetState] = [:]
    private var uidByKey: [ObjectKey: UID] = [:]

    init(cluster: Cluster) { self.cluster = cluster }

    func copyState(from other: StatefulSetController) {
        states = other.states.mapValues { $0.copy() }
        uidByKey = other.uidByKey
    }

    func state(for key: ObjectKey) -> StatefulSetState? { uidByKey[key].flatMap { states[$0] } }

    // MARK: Informers

    func setChanged(_ set: StatefulSet, type: ChangeType) {
        let key = ObjectKey(kind: .statefulSet, namespace: set.metadata.namespace, name: set.metadata.name)
        guard let uid = set.metadata.uid else { return }
        switch type {
        case .deleted:
            states[uid] = nil
            uidByKey[key] = nil
            return
        case .added:
            let s = StatefulSetState(key: key, uid: uid)
            states[uid] = s
            uidByKey[key] = uid
            s.monotonic = !set.spec.isParallel
            s.currentRevision = set.status.currentRevision
            adoptOrphans(set)
        case .modified:
            // Status writes (ours) change nothing the controller reads.
            if set.status.observedGeneration == set.metadata.generation, states[uid]?.template != nil { return }
        }
        guard let s = states[uid] else { return }
        s.minReadySeconds = set.spec.minReadySeconds ?? 0
        s.setRange(start: set.spec.ordinalStart, replicas: set.spec.replicas ?? 1)
        cluster.enqueueSync(.syncStatefulSet(key))
    }

    func podChanged(_ pod: Pod, type: ChangeType) {
        guard let ref = pod.metadata.controllerRef, ref.kind == "StatefulSet", let s = states[ref.uid],
            let (parent, ordinal) = StatefulSetIdentity.parse(pod.metadata.name), parent == s.key.name
        else { return }
        if type == .deleted {
            guard s.pods[ordinal]?.uid == pod.metadata.uid else { return }
            s.setFacts(nil, at: ordinal)
        } else {
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
        cluster.enqueueSync(.syncStatefulSet(s.key))
    }

    func recheckAvailability(_ key: ObjectKey, ordinal: Int) {
        guard let s = state(for: key), let old = s.pods[ordinal] else { return }
        var f = old
        f.available = f.runningAndReady && isAvailable(readySince: f.readySince, minReadySeconds: s.minReadySeconds)
        if f != old { s.setFacts(f, at: ordinal) }
        cluster.enqueueSync(.syncStatefulSet(key))
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

    func sync(_ key: ObjectKey) {
        guard let set = cluster.store.get(StatefulSet.self, namespace: key.namespace, name: key.name),
            let s = states[set.metadata.uid!]
        else { return }
        ensureRevision(set, s)
        // 3.3 step 8: a set being deleted only gets its status written.
        let plan = set.metadata.deletionTimestamp == nil ? decide(set, s) : StatefulSetPlan()
        s.reasons = plan.reasons
        act(plan, set, s)
        writeStatus(set, s)
    }

    /// 3.3: the replicas pass, the condemned pass and the update pass, as operations and the
    /// reasons progress stops. Reads only the index (and pops entries that need nothing more).
    func decide(_ set: StatefulSet, _ s: StatefulSetState) -> StatefulSetPlan {
        var plan = StatefulSetPlan()
        plan.operations += s.identityRepairs.sorted().map { .repairIdentity($0) }
        s.identityRepairs = []
        if s.monotonic {
            // Replicas pass: stop at the lowest ordinal that is missing or not settled.
            if let o = s.attention.min(where: s.needsAttention) {
                guard let f = s.pods[o] else {
                    plan.operations.append(.createPod(o))
                    return plan
                }
                if f.finished, !f.terminating {
                    plan.operations.append(.deletePod(o, because: .failed))
                    return plan
                }
                if f.phase == .pending { plan.operations.append(.createMissingClaims(o)) }
                plan.reasons = StatefulSetWhy.blockedAt(o, f, s)
                return plan
            }
            // Condemned pass, highest ordinal first, one at a time.
            if let c = s.condemned.max(where: s.isCondemned) {
                let f = s.pods[c]!
                if f.terminating {
                    plan.reasons = ["scale-down waits: \(s.podName(c)) is terminating"]
                    return plan
                }
                if !f.settled, let u = s.firstUnhealthyCondemned(), c != u {
                    plan.reasons = ["scale-down paused: \(s.podName(u)) is unhealthy"]
                    return plan
                }
                plan.operations.append(.deletePod(c, because: .scaleDown))
                return plan
            }
        } else {
            var seen = Set<Int>()
            while let o = s.work.popMin() {
                guard s.needsWork(o), seen.insert(o).inserted else { continue }
                plan.operations.append(s.pods[o] == nil ? .createPod(o) : .deletePod(o, because: .failed))
            }
            var condemned: [Int] = []
            while let c = s.condemned.popMax() {
                guard s.isCondemned(c), !s.pods[c]!.terminating, seen.insert(c).inserted else { continue }
                condemned.append(c)
            }
            plan.operations += condemned.map { .deletePod($0, because: .scaleDown) }
            if !plan.operations.isEmpty { return plan }
            if let o = s.attention.min(where: s.needsAttention) {
                if s.outdated.max(where: s.isOutdated) != nil, let f = s.pods[o] {
                    plan.reasons = ["rolling update waits: \(s.podName(o)) \(StatefulSetWhy.state(f, s))"]
                }
                return plan
            }
        }
        // Update pass (4.2): highest out-of-date pod at or above the partition, one per sync.
        guard set.spec.updateStrategy?.type ?? .rollingUpdate == .rollingUpdate else { return plan }
        let partition = s.start + (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0)
        if let o = s.outdated.max(where: s.isOutdated), o >= partition, let f = s.pods[o] {
            if f.healthy {
                plan.operations.append(.deletePod(o, because: .update))
            } else {
                plan.reasons = ["rolling update waits: \(s.podName(o)) \(StatefulSetWhy.state(f, s))"]
            }
        }
        return plan
    }

    private func act(_ plan: StatefulSetPlan, _ set: StatefulSet, _ s: StatefulSetState) {
        var failed = false
        for op in plan.operations {
            switch op {
            case .createPod(let o):
                if !createPod(set, s, ordinal: o) {
                    failed = true
                    s.work.push(o)  // Parallel popped it; the retry must see it again
                }
            case .createMissingClaims(let o):
                if let error = createClaims(set, ordinal: o) {
                    failed = true
                    event(
                        set, .warning, "FailedCreate",
                        "create Pod \(s.podName(o)) in StatefulSet \(set.metadata.name) failed error: \(error)")
                }
            case .repairIdentity(let o):
                guard var pod = cluster.store.get(Pod.self, namespace: set.metadata.namespace, name: s.podName(o))
                else { continue }
                pod.metadata.labels[StatefulSetIdentity.podNameLabel] = pod.metadata.name
                pod.metadata.labels[StatefulSetIdentity.podIndexLabel] = String(o)
                cluster.write(pod)
                event(
                    set, .normal, "SuccessfulUpdate",
                    "update Pod \(pod.metadata.name) in StatefulSet \(set.metadata.name) successful")
            case .deletePod(let o, let reason):
                guard let pod = cluster.store.get(Pod.self, namespace: set.metadata.namespace, name: s.podName(o))
                else { continue }
                if reason == .scaleDown { ClaimRetention.condemn(pod, set, ordinal: o, cluster: cluster) }
                cluster.deleteObject(.pod(pod))
                event(
                    set, .normal, "SuccessfulDelete",
                    "delete Pod \(pod.metadata.name) in StatefulSet \(set.metadata.name) successful")
            }
        }
        if failed {
            // The work queue's per-item rate limiter: 5 ms doubling to 1000 s.
            let delay = min(VirtualDuration.milliseconds(5) * (1 << Int64(min(s.failures, 20))), .seconds(1000))
            s.failures += 1
            let due = cluster.now + delay
            if let pending = s.retryAt, pending > cluster.now, pending <= due { return }
            s.retryAt = due
            cluster.queue.schedule(.syncStatefulSet(s.key), at: due, urgency: .retry)
        } else {
            s.failures = 0
            s.lastError = nil
        }
    }

    /// `CreateStatefulPod`: claims first, then the pod (2.3).
    private func createPod(_ set: StatefulSet, _ s: StatefulSetState, ordinal o: Int) -> Bool {
        let name = s.podName(o)
        // Section 5: a claim still owned by the previous pod of this name waits for the garbage
        // collector; nothing is created this sync (and no event says so).
        if let stale = ClaimRetention.staleClaim(set, ordinal: o, cluster: cluster) {
            s.lastError = "\(name) waits: claim \(stale) still belongs to the deleted pod \(name)"
            return false
        }
        if let error = createClaims(set, ordinal: o) {
            event(
                set, .warning, "FailedCreate",
                "create Pod \(name) in StatefulSet \(set.metadata.name) failed error: \(error)")
            s.lastError = "\(name) cannot be created: \(error)"
            return false
        }
        let revision = revisionForNewPod(set, s, ordinal: o)
        let template =
            revision == s.updateRevision ? set.spec.template : (revisionTemplate(set, revision) ?? set.spec.template)
        if s.ownerReferences.isEmpty { s.ownerReferences = [StatefulSetIdentity.ownerReference(set)] }
        let pod = StatefulSetIdentity.newPod(
            set, template: template, revision: revision, ordinal: o, ownerReferences: s.ownerReferences)
        switch cluster.create(.pod(pod)) {
        case .success:
            event(set, .normal, "SuccessfulCreate", "create Pod \(name) in StatefulSet \(set.metadata.name) successful")
            return true
        case .failure(let e) where e.reason == .alreadyExists:
            return true
        case .failure(let e):
            event(
                set, .warning, "FailedCreate",
                "create Pod \(name) in StatefulSet \(set.metadata.name) failed error: \(e.message)")
            s.lastError = "\(name) cannot be created: \(e.message)"
            return false
        }
    }

    /// Creates the ordinal's missing claims; an existing claim is reused as is. Returns the error
    /// text that stops pod creation, if any.
    private func createClaims(_ set: StatefulSet, ordinal o: Int) -> String? {
        var errors: [String] = []
        let podName = StatefulSetIdentity.podName(set.metadata.name, o)
        for var claim in StatefulSetIdentity.newClaims(set, ordinal: o) {
            if let existing = cluster.store.get(
                PersistentVolumeClaim.self, namespace: claim.metadata.namespace, name: claim.metadata.name)
            {
                if existing.metadata.deletionTimestamp != nil {
                    errors.append("pvc \(claim.metadata.name) is being deleted")
                }
                continue
            }
            claim.metadata.ownerReferences = ClaimRetention.ownerReferences(forInRangeClaimOf: set)
            switch cluster.create(.persistentVolumeClaim(claim)) {
            case .success:
                event(
                    set, .normal, "SuccessfulCreate",
                    "create Claim \(claim.metadata.name) Pod \(podName) in StatefulSet \(set.metadata.name) success")
            case .failure(let e) where e.reason == .alreadyExists:
                errors.append(e.message)
            case .failure(let e):
                event(
                    set, .warning, "FailedCreate",
                    "create Claim \(claim.metadata.name) for Pod \(podName) in StatefulSet \(set.metadata.name) failed error: \(e.message)"
                )
                errors.append(e.message)
            }
        }
        if errors.isEmpty { return nil }
        return errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
    }

    /// 3.3 step 6: below the partition (or the current replicas) new pods get the current revision.
    private func revisionForNewPod(_ set: StatefulSet, _ s: StatefulSetState, ordinal o: Int) -> String {
        let current = s.currentRevision ?? s.updateRevision
        guard set.spec.updateStrategy?.type ?? .rollingUpdate == .rollingUpdate else { return s.updateRevision }
        if let ru = set.spec.updateStrategy?.rollingUpdate {
            return o < s.start + (ru.partition ?? 0) ? current : s.updateRevision
        }
        return o < s.start + set.status.currentReplicas ? current : s.updateRevision
    }

    private func revisionTemplate(_ set: StatefulSet, _ name: String) -> PodTemplateSpec? {
        cluster.store.get(ControllerRevision.self, namespace: set.metadata.namespace, name: name)?.data
    }

    // MARK: Revisions (2.4, 4.1)

    private func ensureRevision(_ set: StatefulSet, _ s: StatefulSetState) {
        if s.template == set.spec.template, !s.updateRevision.isEmpty { return }
        s.template = set.spec.template
        let name = StatefulSetIdentity.revisionName(
            set.metadata.name, template: set.spec.template, collisionCount: set.status.collisionCount ?? 0)
        let maxNumber = s.revisions.last?.number ?? 0
        if let i = s.revisions.firstIndex(where: { $0.name == name }) {
            if i != s.revisions.count - 1 {
                // A rollback to an older template renumbers that revision (4.1).
                s.revisions.remove(at: i)
                s.revisions.append((name, maxNumber + 1))
                if var r = cluster.store.get(ControllerRevision.self, namespace: set.metadata.namespace, name: name) {
                    r.revision = maxNumber + 1
                    cluster.write(.controllerRevision(r))
                }
            }
        } else {
            var labels = set.spec.template.metadata.labels
            labels[StatefulSetIdentity.revisionHashLabel] = String(name.dropFirst(set.metadata.name.count + 1))
            let revision = ControllerRevision(
                metadata: ObjectMeta(
                    name: name, namespace: set.metadata.namespace, labels: labels,
                    annotations: set.metadata.annotations,
                    ownerReferences: [StatefulSetIdentity.ownerReference(set)]),
                data: set.spec.template, revision: maxNumber + 1)
            switch cluster.create(.controllerRevision(revision)) {
            case .success:
                s.revisions.append((name, maxNumber + 1))
            case .failure(let e) where e.reason == .alreadyExists:
                // An orphaned revision of an earlier incarnation (`--cascade=orphan`): adopt it (2.5).
                guard
                    var existing = cluster.store.get(
                        ControllerRevision.self, namespace: set.metadata.namespace, name: name)
                else { return }
                if existing.metadata.controllerRef == nil {
                    existing.metadata.ownerReferences.append(StatefulSetIdentity.ownerReference(set))
                    cluster.write(existing)
                }
                s.revisions.append((name, existing.revision))
            case .failure:
                return
            }
            truncateHistory(set, s)
        }
        if s.updateRevision != name {
            s.updateRevision = name
            if s.currentRevision == nil { s.currentRevision = name }
            s.revisionChanged()
        }
    }

    /// Revisions beyond `revisionHistoryLimit` that no pod or status names are deleted, oldest first.
    private func truncateHistory(_ set: StatefulSet, _ s: StatefulSetState) {
        let limit = set.spec.revisionHistoryLimit ?? 10
        var live: Set<String> = [s.updateRevision, s.currentRevision ?? ""]
        for (rev, n) in s.revisionCounts where n > 0 { live.insert(rev) }
        var excess = s.revisions.count - live.count - limit
        var kept: [(name: String, number: Int)] = []
        for r in s.revisions {
            if excess > 0, !live.contains(r.name) {
                excess -= 1
                if let o = cluster.store.get(
                    ObjectKey(kind: .controllerRevision, namespace: set.metadata.namespace, name: r.name))
                {
                    cluster.deleteObject(o)
                }
            } else {
                kept.append(r)
            }
        }
        s.revisions = kept
    }

    // MARK: Status (6.1)

    private func writeStatus(_ set: StatefulSet, _ s: StatefulSetState) {
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
        s.currentRevision = st.currentRevision
        guard st != set.status,
            var latest = cluster.store.get(StatefulSet.self, namespace: set.metadata.namespace, name: set.metadata.name)
        else { return }
        latest.status = st
        cluster.write(latest)
    }

    private func event(_ set: StatefulSet, _ type: EventType, _ reason: String, _ message: String) {
        cluster.recordEvent(
            type, reason, message,
            about: ObjectKey(kind: .statefulSet, namespace: set.metadata.namespace, name: set.metadata.name),
            uid: set.metadata.uid, source: Self.component)
    }
}

/// What one sync decided to do.
struct StatefulSetPlan {
    enum DeleteReason { case failed, scaleDown, update }
    enum Operation {
        case createPod(Int)
        case createMissingClaims(Int)
        case repairIdentity(Int)
        case deletePod(Int, because: DeleteReason)
    }
    var operations: [Operation] = []
    /// Why progress stops here, one line each (`web-2 waits: web-1 is not Ready (OrderedReady)`).
    var reasons: [String] = []
}
