/// What the StatefulSet controller knows about one pod of a set: enough to keep the set's counters
/// and queues up to date without looking at its other pods.
struct StatefulPodFacts: Equatable {
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
/// never scans the set's pods.
final class StatefulSetState {
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
    var revisions: [(name: String, number: Int)] = []

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
    /// The reasons of the last sync's decision.
    var reasons: [String] = []

    init(key: ObjectKey, uid: UID) {
        self.key = key
        self.uid = uid
    }

    func copy() -> StatefulSetState {
        let c = StatefulSetState(key: key, uid: uid)
        c.start = start
        c.replicas = replicas
        c.monotonic = monotonic
        c.minReadySeconds = minReadySeconds
        c.pods = pods
        c.attention = attention
        c.work = work
        c.condemned = condemned
        c.condemnedUnhealthy = condemnedUnhealthy
        c.outdated = outdated
        c.readyCount = readyCount
        c.availableCount = availableCount
        c.revisionCounts = revisionCounts
        c.template = template
        c.updateRevision = updateRevision
        c.currentRevision = currentRevision
        c.revisions = revisions
        c.ownerReferences = ownerReferences
        c.failures = failures
        c.lastError = lastError
        c.reasons = reasons
        c.identityRepairs = identityRepairs
        return c
    }

    var end: Int { start + replicas }
    func inRange(_ o: Int) -> Bool { o >= start && o < end }

    // MARK: Validity of heap entries

    func needsAttention(_ o: Int) -> Bool { inRange(o) && !(pods[o]?.settled ?? false) }
    func needsWork(_ o: Int) -> Bool {
        guard inRange(o) else { return false }
        guard let f = pods[o] else { return true }
        return f.finished && !f.terminating
    }
    func isCondemned(_ o: Int) -> Bool { !inRange(o) && pods[o] != nil }
    func isCondemnedUnhealthy(_ o: Int) -> Bool { !inRange(o) && pods[o].map { !$0.healthy } ?? false }
    func isOutdated(_ o: Int) -> Bool { inRange(o) && pods[o].map { $0.revision != updateRevision } ?? false }

    // MARK: Updates

    /// Records a pod's new facts (nil: the pod is gone) and queues its ordinal where it belongs.
    func setFacts(_ facts: StatefulPodFacts?, at o: Int) {
        if let old = pods[o] { count(old, -1) }
        pods[o] = facts
        if let facts { count(facts, +1) }
        note(o)
    }

    private func count(_ f: StatefulPodFacts, _ sign: Int) {
        if f.runningAndReady { readyCount += sign }
        if f.available { availableCount += sign }
        if !f.terminating { revisionCounts[f.revision, default: 0] += sign }
    }

    func note(_ o: Int) {
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
    func setRange(start newStart: Int, replicas newReplicas: Int) {
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
    func revisionChanged() {
        outdated.removeAll()
        for o in pods.keys.sorted() where isOutdated(o) { outdated.push(o) }
    }

    /// `firstUnhealthyPod` among condemned pods (only asked once every replica is settled).
    func firstUnhealthyCondemned() -> Int? { condemnedUnhealthy.min(where: isCondemnedUnhealthy) }

    func podName(_ o: Int) -> String { StatefulSetIdentity.podName(key.name, o) }
}
