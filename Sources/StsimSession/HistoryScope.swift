import StsimEngine

/// Where a history check starts looking: a position in the cluster's history and its time,
/// with the words a failure uses for it ("mark scaled", "the start of the step").
struct HistoryScope: Codable {
    var sequence: Int
    var time: VirtualTime
    var name: String

    static func now(_ cluster: Cluster, name: String) -> HistoryScope {
        HistoryScope(sequence: cluster.history.nextSequence, time: cluster.now, name: name)
    }
}

/// A pod, claim, volume, StatefulSet or node state (`Ready`, `Bound`...) read off a summary,
/// as the history remembers it; nil summary means the object did not exist.
enum SummaryState {
    static let checkable = [
        "Ready", "NotReady", "Running", "Pending", "Terminating", "Unknown", "Deleted", "Bound", "Available",
        "Released",
    ]

    static func holds(_ state: String, _ s: ObjectSummary?) -> Bool {
        guard let s else { return state == "Deleted" }
        switch state {
        case "Ready": return s.ready
        case "NotReady": return !s.ready
        case "Running": return s.phase == "Running" && !s.terminating
        case "Terminating": return s.terminating
        case "Deleted": return false
        default: return s.phase == state && !s.terminating
        }
    }
}
