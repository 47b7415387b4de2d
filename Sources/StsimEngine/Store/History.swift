/// The few facts about an object that history-aware checks ask about (`ready pod/web-0`,
/// `bound pvc/data-web-1`): a change is recorded only when one of them changes, so a status
/// write that alters nothing a check can see costs no memory.
public struct ObjectSummary: Hashable, Sendable, Codable {
    /// Pods, claims and volumes: `status.phase`.
    public var phase: String?
    /// Pods and nodes: the Ready condition; StatefulSets: every replica ready.
    public var ready = false
    /// Pods: `spec.nodeName`.
    public var node: String?
    /// Claims: `spec.volumeName`; volumes: the claim they are bound to.
    public var volume: String?
    public var terminating = false
    public var labels: [String: String] = [:]

    public init() {}

    public init?(_ object: KubeObject) {
        self.init()
        labels = object.metadata.labels
        terminating = object.metadata.deletionTimestamp != nil
        switch object {
        case .pod(let pod):
            phase = pod.status.phase?.rawValue
            ready = pod.isReady
            node = pod.spec.nodeName
        case .persistentVolumeClaim(let claim):
            phase = claim.status.phase?.rawValue ?? "Pending"
            volume = claim.spec.volumeName
        case .persistentVolume(let pv):
            phase = pv.status.phase?.rawValue ?? "Pending"
            volume = pv.spec.claimRef?.name
        case .statefulSet(let set):
            ready =
                set.status.readyReplicas == (set.spec.replicas ?? 1) && set.status.replicas == (set.spec.replicas ?? 1)
        case .node(let node):
            ready = node.isReady
        case .event, .endpointSlice, .controllerRevision:
            // Events are recorded as events; the rest change too often to be worth a record.
            return nil
        default:
            break
        }
    }
}

/// One thing that happened, at a virtual time.
public enum HistoryEntry: Hashable, Sendable, Codable {
    /// An object changed in the API: `before` nil is a creation, `after` nil a deletion.
    case object(ObjectKey, before: ObjectSummary?, after: ObjectSummary?)
    /// A Kubernetes Event was emitted (each occurrence, also when it only raised a count).
    case event(ObjectKey, type: EventType, reason: String, message: String)
    /// The truth on a node, which the API may not see: a copy of a pod started or stopped there.
    case copy(ObjectKey, node: String, running: Bool)
    /// Something done to the cluster from outside, which no API object records: a node
    /// partitioned, healed, crashed or booted, a container killed, a pod force-deleted. The
    /// timeline marks these where they happened.
    case fault(ObjectKey, Fault)

    public var key: ObjectKey {
        switch self {
        case .object(let k, _, _), .event(let k, _, _, _), .copy(let k, _, _), .fault(let k, _): k
        }
    }
}

/// What a `.fault` record says was done.
public enum Fault: String, Hashable, Sendable, Codable, CaseIterable {
    case partitioned, healed, crashed, booted
    case killed = "container killed"
    case forceDeleted = "force deleted"
    /// `restart kubelet NODE`: the kubelet process restarted; its containers kept running.
    case kubeletRestarted = "kubelet restarted"
    /// `restart kubelet NODE --stale D`: it listed its pods from a cache D behind the API.
    case kubeletRestartedStale = "kubelet restarted, listing pods from a stale cache"
    /// The stale kubelet's view reached the API's present: it reconciled with it.
    case kubeletCaughtUp = "kubelet's cache caught up"
    /// `restart controller statefulset`: kube-controller-manager's StatefulSet controller
    /// restarted and rebuilt its memory from the API.
    case controllerRestarted = "statefulset controller restarted"
    /// `restart controller statefulset --between-writes`: it stopped after a sync's first write.
    case controllerRestartedMidSync = "statefulset controller restarted between two writes of a sync"
    /// `lag pods D`: the StatefulSet controller's pod watch delivers each change D late.
    case watchLagging = "statefulset controller's pod watch lagging"
    /// `lag pods 0s`: its pod watch is on time again.
    case watchOnTime = "statefulset controller's pod watch on time again"

}

public struct HistoryRecord: Hashable, Sendable, Codable {
    /// Position in the whole history since the cluster started (it keeps counting when old
    /// records are dropped), so a mark is a number.
    public var sequence: Int
    public var time: VirtualTime
    public var entry: HistoryEntry
}

/// What happened in the cluster, in order, for `expect order|never|within|throughout|happened`:
/// each record costs O(1) to add, and at most `limit` are kept (the oldest are dropped first and
/// counted), so 100,000 pods cannot grow it without end. The ring and the summaries are chunked
/// (`ChunkedArray`, `ChunkedDictionary`): an undo state shares them, and a record copies only
/// the chunk it is written to, not the 200,000 records and 100,000 summaries.
public struct History: Sendable, Codable {
    public let limit: Int
    private var ring = ChunkedArray<HistoryRecord>()
    /// Index in `ring` of the oldest record once the ring is full.
    private var head = 0
    /// Sequence number of the next record.
    public private(set) var nextSequence = 0
    /// The last summary recorded per live object, to record only what changed.
    private var last = ChunkedDictionary<ObjectKey, ObjectSummary>()

    public init(limit: Int) { self.limit = max(limit, 1) }

    /// Sequence number of the oldest record still kept.
    public var firstKept: Int { nextSequence - ring.count }
    /// Time of the newest record dropped, nil while nothing was.
    public private(set) var droppedUntil: VirtualTime?

    /// The records from `sequence` on (clamped to what is kept), oldest first.
    public func records(from sequence: Int) -> [HistoryRecord] {
        let start = max(sequence, firstKept) - firstKept
        guard start < ring.count else { return [] }
        return (start..<ring.count).map { ring[(head + $0) % ring.count] }
    }

    mutating func record(_ change: Change) {
        let before = last[change.key]
        if change.type == .deleted {
            guard let before else { return }
            last[change.key] = nil
            append(change.time, .object(change.key, before: before, after: nil))
            return
        }
        guard let after = ObjectSummary(change.object), after != before else { return }
        last[change.key] = after
        append(change.time, .object(change.key, before: before, after: after))
    }

    mutating func recordEvent(
        _ type: EventType, _ reason: String, _ message: String, about key: ObjectKey, at now: VirtualTime
    ) {
        append(now, .event(key, type: type, reason: reason, message: message))
    }

    mutating func recordFault(_ fault: Fault, on key: ObjectKey, at now: VirtualTime) {
        append(now, .fault(key, fault))
    }

    mutating func recordCopy(_ key: ObjectKey, node: String, running: Bool, at now: VirtualTime) {
        append(now, .copy(key, node: node, running: running))
    }

    /// The history without its records (what fast-forward compares; records are checked apart).
    var withoutRecords: History {
        var h = self
        h.ring = ChunkedArray()
        h.head = 0
        h.nextSequence = 0
        h.droppedUntil = nil
        return h
    }

    /// Appends `count` records made by `make` (from the oldest), as `count` appends would, but
    /// writing at most `limit` of them: the ones that would be dropped at once are only counted.
    mutating func appendGenerated(_ count: Int, _ make: (Int) -> (VirtualTime, HistoryEntry)) {
        let skipped = max(0, count - limit)
        if skipped > 0 {
            // Every record held now goes too: the new ones fill the ring.
            droppedUntil = make(skipped - 1).0
            ring = ChunkedArray()
            head = 0
            nextSequence += skipped
        }
        for i in skipped..<count {
            let (time, entry) = make(i)
            append(time, entry)
        }
    }

    private mutating func append(_ time: VirtualTime, _ entry: HistoryEntry) {
        let r = HistoryRecord(sequence: nextSequence, time: time, entry: entry)
        nextSequence += 1
        if ring.count < limit {
            ring.append(r)
            return
        }
        droppedUntil = ring[head].time
        ring[head] = r
        head = (head + 1) % limit
    }
}

extension Cluster {
    /// The nodes where a copy of the pod runs right now (a runtime pod with a started container),
    /// whatever the API says: where `expect never two` starts counting from.
    /// A node appears once per copy (a kubelet listing from a stale cache can run two).
    public func runningCopies(of key: ObjectKey) -> [String] {
        kubelets.keys.sorted().flatMap { node in
            kubelets[node]!.pods.values.filter { $0.key == key && $0.containers.contains(where: \.started) }
                .map { _ in node }
        }
    }
}
