import HeapModule

/// Whether a pending event moves the cluster forward or is a retry loop (back-off, a failing
/// probe that changes nothing, a periodic resync). `settle` stops when only retries remain.
public enum Urgency: Codable, Sendable, Hashable {
    case progress, retry
    /// What a steady state does by itself (a container's main process waking from `sleep`):
    /// neither progress nor a retry, so `settle` ends as if nothing were queued.
    case steady
}

/// One queue for everything that will happen, ordered by (time, sequence): same-time events run
/// in the order they were scheduled, which makes runs reproducible.
struct EventQueue: Codable {
    struct Entry: Codable, Comparable {
        // The action before the urgency byte, so that it fits the action's tail padding (80 bytes).
        var time: VirtualTime
        var sequence: UInt64
        var action: EngineAction
        var urgency: Urgency

        init(time: VirtualTime, sequence: UInt64, urgency: Urgency, action: EngineAction) {
            self.time = time
            self.sequence = sequence
            self.action = action
            self.urgency = urgency
        }

        static func < (a: Entry, b: Entry) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
        static func == (a: Entry, b: Entry) -> Bool { a.sequence == b.sequence }
    }

    @SavedHeap private var heap = Heap<Entry>()
    private var nextSequence: UInt64 = 0
    /// Entries with `.progress` urgency still queued.
    private(set) var progressCount = 0
    /// Entries with `.steady` urgency still queued.
    private(set) var steadyCount = 0

    mutating func schedule(_ action: EngineAction, at time: VirtualTime, urgency: Urgency = .progress) {
        heap.insert(Entry(time: time, sequence: nextSequence, urgency: urgency, action: action))
        nextSequence += 1
        if urgency == .progress { progressCount += 1 }
        if urgency == .steady { steadyCount += 1 }
    }

    var nextTime: VirtualTime? { heap.min?.time }
    /// The entry that runs next.
    var next: Entry? { heap.min }
    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// The queue as seen from `now`, in run order: each entry's delay, urgency and action. Two
    /// moments of a steady retry loop one period apart have equal signatures.
    func signature(from now: VirtualTime) -> [QueueSignatureEntry] {
        heap.unordered.sorted().map {
            QueueSignatureEntry(delay: $0.time.milliseconds - now.milliseconds, urgency: $0.urgency, action: $0.action)
        }
    }

    /// The same queue with its heap built from the entries in run order, so that equal queues
    /// (shifted in time) are stored alike: fast-forward compares saved states.
    var canonical: EventQueue {
        var q = self
        q.heap = Heap(heap.unordered.sorted())
        return q
    }

    mutating func pop() -> Entry? {
        guard let e = heap.popMin() else { return nil }
        if e.urgency == .progress { progressCount -= 1 }
        if e.urgency == .steady { steadyCount -= 1 }
        return e
    }
}

struct QueueSignatureEntry: Equatable {
    var delay: Int64
    var urgency: Urgency
    var action: EngineAction
}
