/// What happened to an object.
public enum ChangeType: String, Codable, Sendable, Hashable {
    case added = "ADDED"
    case modified = "MODIFIED"
    case deleted = "DELETED"
}

/// One entry of the change feed: like one line of `kubectl get -w`.
public struct Change: Codable, Sendable, Hashable {
    public var time: VirtualTime
    public var type: ChangeType
    public var key: ObjectKey
    /// The object after the change (for a deletion, its last state).
    public var object: KubeObject
    public var resourceVersion: Int
}

/// What `drainChanges` returns: the retained changes in order, and how many more happened but
/// were not retained (the feed keeps at most `limit` entries between drains, so a settle of
/// 100,000 pods does not hold a million object copies).
public struct ChangeBatch: Sendable {
    public var changes: [Change]
    public var droppedCount: Int
}

struct ChangeFeed: Codable {
    var limit: Int
    private(set) var entries: [Change] = []
    private(set) var dropped = 0

    init(limit: Int) { self.limit = limit }

    mutating func append(_ c: Change) {
        if entries.count < limit { entries.append(c) } else { dropped += 1 }
    }

    /// Changes that happened but would not have been retained (fast-forward counts them).
    mutating func countDropped(_ n: Int) { dropped += n }

    var isFull: Bool { entries.count >= limit }

    /// Without its entries (what fast-forward compares; changes are checked apart).
    var withoutEntries: ChangeFeed { ChangeFeed(limit: limit) }

    mutating func drain() -> ChangeBatch {
        defer {
            entries = []
            dropped = 0
        }
        return ChangeBatch(changes: entries, droppedCount: dropped)
    }
}
