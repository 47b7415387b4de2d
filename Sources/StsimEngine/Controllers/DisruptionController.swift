/// The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status
/// (expected, desired and current healthy pods, the disruptions allowed) in step with the pods its
/// selector picks. The eviction subresource (`Cluster+Eviction`) reads that status and spends it.
final class DisruptionController {
    static let component = "controllermanager"
    /// An evicted pod still counted as disrupted is forgotten after this (upstream DeletionTimeout).
    static let deletionTimeout = VirtualDuration(milliseconds: 120_000)
    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    func budgetChanged(_ pdb: PodDisruptionBudget, type: ChangeType) {
        guard type != .deleted else { return }
        if type == .modified, pdb.status.observedGeneration == pdb.metadata.generation { return }
        cluster.enqueueSync(.syncDisruptionBudget(Self.key(pdb)))
    }

    /// A pod's change reaches the budgets whose selector picks it (upstream getPdbForPod).
    func podChanged(_ pod: Pod) {
        for pdb in Self.budgets(for: pod, in: cluster.store) {
            cluster.enqueueSync(.syncDisruptionBudget(Self.key(pdb)))
        }
    }

    /// The budgets of a pod's namespace whose selector picks it; an empty selector picks nothing.
    static func budgets(for pod: Pod, in store: ObjectStore) -> [PodDisruptionBudget] {
        guard store.count(.podDisruptionBudget) > 0 else { return [] }
        return store.list(PodDisruptionBudget.self, namespace: pod.metadata.namespace).filter {
            guard let s = $0.spec.selector, !s.isEmpty else { return false }
            return s.matches(pod.metadata.labels)
        }
    }

    func sync(_ key: ObjectKey) {
        guard let pdb = cluster.store.get(PodDisruptionBudget.self, namespace: key.namespace, name: key.name) else {
            return
        }
        let pods = matchingPods(pdb)
        if pods.isEmpty { event(pdb, .normal, "NoPods", "No matching pods found") }
        let counts = expectedCounts(pdb, pods: pods)
        let unmanaged = counts.unmanaged
        if !unmanaged.isEmpty {
            event(
                pdb, .warning, "UnmanagedPods",
                "Pods selected by this PodDisruptionBudget (selector: \(Self.selectorText(pdb.spec.selector))) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set \".spec.minAvailable\" field of the PDB to an integer value."
            )
        }
        let (disrupted, recheck) = disruptedPods(pdb, pods: pods)
        var status = Self.status(
            pdb, expected: counts.expected, desired: counts.desired,
            current: Self.currentHealthy(pods, disrupted: disrupted, now: cluster.now), disrupted: disrupted,
            now: cluster.now)
        status.observedGeneration = pdb.metadata.generation
        if let recheck, cluster.queuedSyncs.insert(.disruptionBudgetExpiry(key, at: recheck)).inserted {
            // One look per expiry time: the syncs in between find the same earliest entry.
            cluster.schedule(.disruptionBudgetExpiry(key, at: recheck), after: recheck - cluster.now)
        }
        guard status != pdb.status else { return }
        var latest = pdb
        latest.status = status
        cluster.write(latest)
    }

    private func matchingPods(_ pdb: PodDisruptionBudget) -> [Pod] {
        guard let s = pdb.spec.selector, !s.isEmpty else { return [] }
        return cluster.list(Pod.self, namespace: pdb.metadata.namespace, selector: s)
    }

    struct Counts: Equatable {
        var expected: Int
        var desired: Int
        var unmanaged: [String] = []
    }

    /// `getExpectedPodCount`: an integer minAvailable counts the pods; a percentage or a
    /// maxUnavailable counts the replicas their controllers want.
    func expectedCounts(_ pdb: PodDisruptionBudget, pods: [Pod]) -> Counts {
        if let max = pdb.spec.maxUnavailable {
            let scale = expectedScale(pods)
            let down = Self.scaled(max, total: scale.total)
            return Counts(expected: scale.total, desired: Swift.max(scale.total - down, 0), unmanaged: scale.unmanaged)
        }
        guard let min = pdb.spec.minAvailable else { return Counts(expected: 0, desired: 0) }
        if !min.hasSuffix("%") { return Counts(expected: pods.count, desired: Int(min) ?? 0) }
        let scale = expectedScale(pods)
        return Counts(expected: scale.total, desired: Self.scaled(min, total: scale.total), unmanaged: scale.unmanaged)
    }

    /// Σ spec.replicas of the distinct controllers owning the pods (StatefulSet, ReplicaSet).
    private func expectedScale(_ pods: [Pod]) -> (total: Int, unmanaged: [String]) {
        var seen: Set<UID> = []
        var total = 0
        var unmanaged: [String] = []
        for pod in pods {
            guard let ref = pod.metadata.controllerRef else {
                unmanaged.append(pod.metadata.name)
                continue
            }
            guard seen.insert(ref.uid).inserted else { continue }
            switch cluster.store.object(withUID: ref.uid) {
            case .statefulSet(let s): total += s.spec.replicas ?? 1
            case .replicaSet(let r): total += r.spec.replicas ?? 1
            default: unmanaged.append(pod.metadata.name)
            }
        }
        return (total, unmanaged)
    }

    /// `GetScaledValueFromIntOrPercent(value, total, roundUp: true)`.
    static func scaled(_ value: String, total: Int) -> Int {
        guard value.hasSuffix("%") else { return Int(value) ?? 0 }
        let percent = Int(value.dropLast()) ?? 0
        return (percent * total + 99) / 100
    }

    /// `buildDisruptedPodMap`: entries of pods gone or terminating drop out; an entry older than
    /// two minutes drops out too, with a NotDeleted event on its pod. Returns when to look again.
    private func disruptedPods(_ pdb: PodDisruptionBudget, pods: [Pod]) -> ([String: VirtualTime], VirtualTime?) {
        var kept: [String: VirtualTime] = [:]
        var recheck: VirtualTime?
        for pod in pods where pod.metadata.deletionTimestamp == nil {
            guard let at = pdb.status.disruptedPods[pod.metadata.name] else { continue }
            let expiry = at + Self.deletionTimeout
            if expiry <= cluster.now {
                let ns = pdb.metadata.namespace
                cluster.recordEvent(
                    .warning, "NotDeleted", "Pod was expected by PDB \(ns)/\(ns) to be deleted but it wasn't",
                    about: ObjectKey(kind: .pod, namespace: ns, name: pod.metadata.name), uid: pod.metadata.uid,
                    source: Self.component)
                continue
            }
            kept[pod.metadata.name] = at
            recheck = recheck.map { min($0, expiry) } ?? expiry
        }
        return (kept, recheck)
    }

    /// `countHealthyPods`: Ready, not terminating, not disrupted in the last two minutes.
    static func currentHealthy(_ pods: [Pod], disrupted: [String: VirtualTime], now: VirtualTime) -> Int {
        pods.filter { pod in
            guard pod.metadata.deletionTimestamp == nil else { return false }
            if let at = disrupted[pod.metadata.name], at + deletionTimeout > now { return false }
            return pod.isReady
        }.count
    }

    /// The new status; the condition's transition time moves only when its status does.
    static func status(
        _ pdb: PodDisruptionBudget, expected: Int, desired: Int, current: Int, disrupted: [String: VirtualTime],
        now: VirtualTime
    ) -> PodDisruptionBudgetStatus {
        var s = pdb.status
        s.expectedPods = expected
        s.desiredHealthy = desired
        s.currentHealthy = current
        s.disruptedPods = disrupted
        s.disruptionsAllowed = expected <= 0 ? 0 : Swift.max(current - desired, 0)
        s.observedGeneration = pdb.metadata.generation
        setAllowedCondition(&s, now: now)
        return s
    }

    /// `UpdateDisruptionAllowedCondition` (policy helper), also used by the eviction subresource.
    static func setAllowedCondition(_ s: inout PodDisruptionBudgetStatus, now: VirtualTime) {
        let allowed = s.disruptionsAllowed > 0
        let status: ConditionStatus = allowed ? .true : .false
        let reason = allowed ? "SufficientPods" : "InsufficientPods"
        let old = s.conditions.first { $0.type == "DisruptionAllowed" }
        let condition = PodDisruptionBudgetCondition(
            type: "DisruptionAllowed", status: status, observedGeneration: s.observedGeneration,
            lastTransitionTime: old?.status == status ? old!.lastTransitionTime : now, reason: reason, message: "")
        s.conditions.removeAll { $0.type == "DisruptionAllowed" }
        s.conditions.append(condition)
    }

    static func selectorText(_ s: LabelSelector?) -> String {
        guard let s else { return "nil" }
        // The generated String() of metav1.LabelSelector, as Go's %v prints the pointer.
        let labels = s.matchLabels.keys.sorted().map { "\($0): \(s.matchLabels[$0]!)," }.joined()
        return "&LabelSelector{MatchLabels:map[string]string{\(labels)},MatchExpressions:[]LabelSelectorRequirement{},}"
    }

    static func key(_ pdb: PodDisruptionBudget) -> ObjectKey {
        ObjectKey(kind: .podDisruptionBudget, namespace: pdb.metadata.namespace, name: pdb.metadata.name)
    }

    private func event(_ pdb: PodDisruptionBudget, _ type: EventType, _ reason: String, _ message: String) {
        cluster.recordEvent(type, reason, message, about: Self.key(pdb), uid: pdb.metadata.uid, source: Self.component)
    }
}
