/// The side effects of a decision, as upstream's stateful_pod_control.go (kubernetes/kubernetes
/// pkg/controller/statefulset): pods and claims created, repaired and deleted through the API, with
/// Kubernetes' event texts verbatim. The set's index is touched only between store writes, since
/// every write reaches `podChanged` at once.
extension StatefulSetController {
    /// Carries out a plan's operations in order, then arms the rate-limited retry if one failed.
    /// False when a restart cut the sync after a write (`restart controller --between-writes`).
    func perform(_ plan: StatefulSetPlan, _ set: StatefulSet, _ uid: UID) -> Bool {
        var failed = false
        let version = cluster.store.lastResourceVersion
        for op in plan.operations {
            if cutAfterWrite(since: version) { return false }
            switch op {
            case .createPod(let o):
                // Claims first, then the pod: a restart between them leaves claims without a pod.
                if state.restartAfterWrite ?? false,
                    ClaimRetention.staleClaim(set, ordinal: o, cluster: cluster) == nil,
                    createMissingClaims(set, ordinal: o) == nil, cutAfterWrite(since: version)
                {
                    return false
                }
                if !createStatefulPod(set, uid, ordinal: o) {
                    failed = true
                    update(uid) { $0.work.push(o) }  // Parallel took it out; the retry must see it again
                }
            case .createMissingClaims(let o):
                if let error = createMissingClaims(set, ordinal: o) {
                    failed = true
                    event(
                        set, .warning, "FailedCreate",
                        "create Pod \(podName(set, o)) in StatefulSet \(set.metadata.name) failed error: \(error)")
                }
            case .repairIdentity(let o):
                repairIdentity(set, ordinal: o)
            case .deletePod(let o, let reason):
                deleteStatefulPod(set, ordinal: o, because: reason)
            }
        }
        if cutAfterWrite(since: version) { return false }
        scheduleRetry(failed: failed, set, uid)
        return true
    }

    /// The work queue's per-item rate limiter (client-go's default: 5 ms doubling to 1000 s, in
    /// the timing profile). A queued retry due no later than the new one absorbs it.
    private func scheduleRetry(failed: Bool, _ set: StatefulSet, _ uid: UID) {
        let now = cluster.now
        let timing = cluster.timing
        let key = ObjectKey(kind: .statefulSet, namespace: set.metadata.namespace, name: set.metadata.name)
        let due = update(uid) { s -> VirtualTime? in
            guard failed else {
                s.failures = 0
                s.lastError = nil
                return nil
            }
            let backoff = timing.statefulSetRetryInitial * (1 << Int64(min(s.failures, 20)))
            s.failures += 1
            let due = now + min(backoff, timing.statefulSetRetryMax)
            if let pending = s.retryAt, pending > now, pending <= due { return nil }
            s.retryAt = due
            return due
        }
        if let due = due ?? nil { cluster.queue.schedule(.syncStatefulSet(key), at: due, urgency: .retry) }
    }

    /// `CreateStatefulPod`: claims first, then the pod (2.3). False when nothing was created.
    private func createStatefulPod(_ set: StatefulSet, _ uid: UID, ordinal o: Int) -> Bool {
        let name = podName(set, o)
        // Section 5: a claim still owned by the previous pod of this name waits for the garbage
        // collector; nothing is created this sync (and no event says so).
        if let stale = ClaimRetention.staleClaim(set, ordinal: o, cluster: cluster) {
            update(uid) { $0.lastError = "\(name) waits: claim \(stale) still belongs to the deleted pod \(name)" }
            return false
        }
        if let error = createMissingClaims(set, ordinal: o) {
            event(
                set, .warning, "FailedCreate",
                "create Pod \(name) in StatefulSet \(set.metadata.name) failed error: \(error)")
            update(uid) { $0.lastError = "\(name) cannot be created: \(error)" }
            return false
        }
        guard let pod = newStatefulPod(set, uid, ordinal: o) else { return false }
        switch cluster.create(.pod(pod)) {
        case .success(let created):
            // Claims kept from an earlier pod get the policy's owner references now (1.32 sets
            // them as far as it can once the pod exists).
            if case .pod(let p) = created { ClaimRetention.reconcile(p, set, ordinal: o, cluster: cluster) }
            event(set, .normal, "SuccessfulCreate", "create Pod \(name) in StatefulSet \(set.metadata.name) successful")
            return true
        case .failure(let e) where e.reason == .alreadyExists:
            // Upstream sinks AlreadyExists (no event) and retries with back-off: a pod of this
            // name that the set does not own (released, or made by hand) holds the name.
            update(uid) { $0.lastError = "\(name) cannot be created: \(e.message)" }
            return false
        case .failure(let e):
            event(
                set, .warning, "FailedCreate",
                "create Pod \(name) in StatefulSet \(set.metadata.name) failed error: \(e.message)")
            update(uid) { $0.lastError = "\(name) cannot be created: \(e.message)" }
            return false
        }
    }

    /// The pod for an ordinal at the revision it gets (3.3 step 6), carrying the owner reference
    /// every pod of the set shares.
    private func newStatefulPod(_ set: StatefulSet, _ uid: UID, ordinal o: Int) -> Pod? {
        let picked = update(uid) { s -> (revision: String, isUpdate: Bool, owners: [OwnerReference]) in
            if s.ownerReferences.isEmpty { s.ownerReferences = [StatefulSetIdentity.ownerReference(set)] }
            let revision = StatefulSetRevisions.forNewPod(set, s, ordinal: o)
            return (revision, revision == s.updateRevision, s.ownerReferences)
        }
        guard let picked else { return nil }
        let template =
            picked.isUpdate ? set.spec.template : (revisionTemplate(set, picked.revision) ?? set.spec.template)
        return StatefulSetIdentity.newPod(
            set, template: template, revision: picked.revision, ordinal: o, ownerReferences: picked.owners)
    }

    /// `createMissingPersistentVolumeClaims`: an existing claim is reused as is. Returns the error
    /// text that stops pod creation, if any.
    func createMissingClaims(_ set: StatefulSet, ordinal o: Int) -> String? {
        var errors: [String] = []
        let podName = podName(set, o)
        for var claim in StatefulSetIdentity.newClaims(set, ordinal: o) {
            if let existing = cluster.store.get(
                PersistentVolumeClaim.self, namespace: claim.metadata.namespace, name: claim.metadata.name)
            {
                if existing.metadata.deletionTimestamp != nil {
                    errors.append("pvc \(claim.metadata.name) is being deleted")
                }
                continue
            }
            // An in-range pod's new claim: owned by the set when whenDeleted is Delete.
            if set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted == .delete {
                claim.metadata.ownerReferences = [StatefulSetIdentity.ownerReference(set)]
            }
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

    /// `UpdateStatefulPod` for identity: the pod-name and pod-index labels put back (2.2).
    private func repairIdentity(_ set: StatefulSet, ordinal o: Int) {
        guard var pod = cluster.store.get(Pod.self, namespace: set.metadata.namespace, name: podName(set, o))
        else { return }
        pod.metadata.labels[StatefulSetIdentity.podNameLabel] = pod.metadata.name
        pod.metadata.labels[StatefulSetIdentity.podIndexLabel] = String(o)
        cluster.write(pod)
        event(
            set, .normal, "SuccessfulUpdate",
            "update Pod \(pod.metadata.name) in StatefulSet \(set.metadata.name) successful")
    }

    /// `DeleteStatefulPod`; a scale-down first hands the pod's claims to the retention policy (5).
    private func deleteStatefulPod(_ set: StatefulSet, ordinal o: Int, because reason: StatefulSetPlan.DeleteReason) {
        guard let pod = cluster.store.get(Pod.self, namespace: set.metadata.namespace, name: podName(set, o))
        else { return }
        if reason == .scaleDown { ClaimRetention.reconcile(pod, set, ordinal: o, cluster: cluster) }
        cluster.deleteObject(.pod(pod))
        event(
            set, .normal, "SuccessfulDelete",
            "delete Pod \(pod.metadata.name) in StatefulSet \(set.metadata.name) successful")
    }

    private func podName(_ set: StatefulSet, _ o: Int) -> String { StatefulSetIdentity.podName(set.metadata.name, o) }

    func revisionTemplate(_ set: StatefulSet, _ name: String) -> PodTemplateSpec? {
        cluster.store.get(ControllerRevision.self, namespace: set.metadata.namespace, name: name)?.data
    }
}
