/// What the StatefulSet controller knows about one pod of a set: enough to keep the set's counters
/// and queues up to date without looking at its other pods.
struct StatefulPodFacts: Codable, Equatable {
    // Declared largest first so that the struct packs into 48 bytes (one per pod).
    var uid: UID
    var revision: String
    var readySince: VirtualTime?
    var phase: PodPhase?
    /// Running with the Ready condition True (3.1 runningAndReady).
    var runningAndReady: Bool
    var terminating: Bool
    /// runningAndReady for at least minReadySeconds (3.1 runningAndAvailable).
    var available: Bool

    init(
        uid: UID, phase: PodPhase?, runningAndReady: Bool, readySince: VirtualTime?, terminating: Bool,
        revision: String, available: Bool
    ) {
        self.uid = uid
        self.revision = revision
        self.readySince = readySince
        self.phase = phase
        self.runningAndReady = runningAndReady
        self.terminating = terminating
        self.available = available
    }

    var healthy: Bool { runningAndReady && !terminating }
    var finished: Bool { phase == .failed || phase == .succeeded }
    /// What the OrderedReady replicas pass needs before it may look further (3.3 step 9.4).
    var settled: Bool { healthy && available && !finished }
}

/// The controller's incremental index of one StatefulSet: the pods by ordinal, the status
/// counters, and lazily-cleaned heaps answering "lowest ordinal needing attention", "highest
/// condemned pod", "highest out-of-date pod" in O(log n). Updated from the change feed, so a sync
/// never scans the set's pods. A value: the controller's state copies by assignment (undo, clone),
/// its collections shared copy-on-write.
struct StatefulSetState: Codable {
    let key: ObjectKey
    let uid: UID
    var start = 0
    var replicas = 0
    var monotonic = true
    var minReadySeconds = 0

    var pods = OrdinalTable<StatefulPodFacts>()
    /// In-range ordinals that may be missing or not settled (the OrderedReady blocking point).
    var attention = LazyMinHeap()
    /// In-range ordinals that may need a pod created or a finished pod deleted (Parallel's work).
    var work = LazyMinHeap()
    var condemned = LazyMaxHeap()
    var condemnedUnhealthy = LazyMinHeap()
    var outdated = LazyMaxHeap()

    var readyCount = 0
    var availableCount = 0
    /// Non-terminating pods per revision label (current/updated replicas).
    var revisionCounts: [String: Int] = [:]

    var template: PodTemplateSpec?
    var updateRevision = ""
    var currentRevision: String?
    /// The set's ControllerRevisions, oldest revision number first.
    var revisions: [RevisionNumber] = []

    /// The owner reference every pod carries, shared by all of them.
    var ownerReferences: [OwnerReference] = []

    /// Consecutive failed syncs, for the controller's exponential retry.
    var failures = 0
    /// When the queued rate-limited retry is due: client-go's delaying queue holds an item once
    /// (at its earliest time), so a failing sync triggered meanwhile adds no second retry chain.
    var retryAt: VirtualTime?
    var lastError: String?
    /// Ordinals whose pod lost its `statefulset.kubernetes.io/pod-name` label.
    var identityRepairs: Set<Int> = []
    /// Pods whose ownership the next sync settles (ClaimPods): owned ones the selector no longer
    /// picks are released, orphans it picks are adopted. Optional: states saved before it decode.
    var claims: Set<String>?
    /// The retention policy last seen, and the ordinals whose claims' owner references a change of
    /// it left to bring in line (`UpdatePodClaimForRetentionPolicy`). Optional: older saves decode.
    var retentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy?
    var retentionPending: Set<Int>?
    /// The reasons of the last sync's decision.
    var reasons: [String] = []

    init(key: ObjectKey, uid: UID) {
        self.key = key
        self.uid = uid
    }

    var end: Int { start + replicas }
    func inRange(_ o: Int) -> Bool { o >= start && o < end }

    // MARK: Validity of heap entries

    /// What the heaps' entries are checked against, apart from the heaps themselves: a heap can be
    /// pruned in place while a view reads the pods (no copy of either).
    var view: StatefulSetView { StatefulSetView(pods: pods, start: start, end: end, updateRevision: updateRevision) }

    // MARK: Updates

    /// Records a pod's new facts (nil: the pod is gone) and queues its ordinal where it belongs.
    mutating func setFacts(_ facts: StatefulPodFacts?, at o: Int) {
        if let old = pods[o] { count(old, -1) }
        pods[o] = facts
        if let facts { count(facts, +1) }
        note(o)
    }

    private mutating func count(_ f: StatefulPodFacts, _ sign: Int) {
        if f.runningAndReady { readyCount += sign }
        if f.available { availableCount += sign }
        if !f.terminating { revisionCounts[f.revision, default: 0] += sign }
    }

    mutating func note(_ o: Int) {
        if inRange(o) {
            let f = pods[o]
            if !(f?.settled ?? false) { attention.push(o) }
            if f == nil || (f!.finished && !f!.terminating) { work.push(o) }
            if let f, f.revision != updateRevision { outdated.push(o) }
        } else if let f = pods[o] {
            condemned.push(o)
            if !f.healthy { condemnedUnhealthy.push(o) }
        }
    }

    /// New `replicas` or `ordinals.start`: ordinals entering or leaving the range are queued.
    mutating func setRange(start newStart: Int, replicas newReplicas: Int) {
        let oldStart = start
        let oldEnd = end
        start = newStart
        replicas = newReplicas
        if start == oldStart, end == oldEnd { return }
        for o in start..<max(start, end) where !(o >= oldStart && o < oldEnd) { note(o) }
        if oldEnd > oldStart {
            if pods.count < oldEnd - oldStart {
                for o in pods.keys.sorted() where o >= oldStart && o < oldEnd && !inRange(o) { note(o) }
            } else {
                for o in oldStart..<oldEnd where !inRange(o) && pods[o] != nil { note(o) }
            }
        }
    }

    /// A new update revision: every in-range pod may now be out of date.
    mutating func revisionChanged() {
        outdated.removeAll()
        let v = view
        for o in pods.keys.sorted() where v.isOutdated(o) { outdated.push(o) }
    }

    // MARK: Pruning (the step before a decision)

    /// Drops each heap's stale entries down to its first valid one, so that a decision reads the
    /// tops without changing anything: `attention.top` is the lowest ordinal needing attention,
    /// `condemned.top` the highest condemned pod, `condemnedUnhealthy.top` the lowest unhealthy
    /// condemned pod (`firstUnhealthyPod`), `outdated.top` the highest out-of-date pod.
    mutating func pruneHeaps() {
        let v = view
        _ = attention.min(where: v.needsAttention)
        _ = condemned.max(where: v.isCondemned)
        _ = condemnedUnhealthy.min(where: v.isCondemnedUnhealthy)
        _ = outdated.max(where: v.isOutdated)
    }

    /// Prunes the heaps and takes out the one-shot work a sync consumes: identity repairs, and for
    /// Parallel every ordinal to create or replace (ascending) and every condemned pod (descending).
    mutating func takeWork() -> StatefulSetWork {
        pruneHeaps()
        var w = StatefulSetWork(identityRepairs: identityRepairs.sorted())
        identityRepairs = []
        guard !monotonic else { return w }
        let v = view
        while let o = work.popMin() {
            guard v.needsWork(o), w.replicas.last != o else { continue }
            w.replicas.append(o)
        }
        while let c = condemned.popMax() {
            guard v.isCondemned(c), !pods[c]!.terminating, w.condemned.last != c else { continue }
            w.condemned.append(c)
        }
        return w
    }

    func podName(_ o: Int) -> String { StatefulSetIdentity.podName(key.name, o) }
}

/// A ControllerRevision of a set and its revision number.
struct RevisionNumber: Codable {
    var name: String
    var number: Int
}

/// The facts a heap entry is validated against (see `StatefulSetState.view`).
struct StatefulSetView {
    let pods: OrdinalTable<StatefulPodFacts>
    let start: Int
    let end: Int
    let updateRevision: String

    func inRange(_ o: Int) -> Bool { o >= start && o < end }
    func needsAttention(_ o: Int) -> Bool { inRange(o) && !(pods[o]?.settled ?? false) }
    func needsWork(_ o: Int) -> Bool {
        guard inRange(o) else { return false }
        guard let f = pods[o] else { return true }
        return f.finished && !f.terminating
    }
    func isCondemned(_ o: Int) -> Bool { !inRange(o) && pods[o] != nil }
    func isCondemnedUnhealthy(_ o: Int) -> Bool { !inRange(o) && pods[o].map { !$0.healthy } ?? false }
    func isOutdated(_ o: Int) -> Bool { inRange(o) && pods[o].map { $0.revision != updateRevision } ?? false }
}
