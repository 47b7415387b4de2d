import StsimEngine

/// The watches kubectl holds open, and a bounded history of changes so a watch can start from a
/// list's resourceVersion. Lives on the session's thread (SessionHost), fed by every drained
/// batch of changes.
final class WatchHub {
    struct Watch {
        var filter: ObjectFilter
        var encoder: WatchEncoder
        var sink: WatchSink
        var bookmarks: Bool
    }

    /// How many changes a watch can resume across (the real server keeps a few minutes' worth).
    static let historyLimit = 10_000

    private(set) var history: [Change] = []
    /// Changes up to this resourceVersion are no longer retained; a watch from before it gets
    /// 410 Gone.
    private(set) var forgottenThrough = 0
    private(set) var latest = 0
    private var watches: [Int: Watch] = [:]
    private var nextID = 1

    /// Starts at the cluster's current resourceVersion: what came before is not retained.
    init(resourceVersion: Int) {
        forgottenThrough = resourceVersion
        latest = resourceVersion
    }

    func publish(_ batch: ChangeBatch) {
        if batch.droppedCount > 0 {
            // The feed skipped changes: nobody can resume across the gap, and every open watch
            // has missed some. Each is told 410 Gone and closed, so its client lists again.
            history = []
            forgottenThrough = batch.changes.last?.resourceVersion ?? latest
            for id in watches.keys.sorted() {
                watches[id]?.sink.finish(WatchEncoder.expired(latest))
            }
            watches = [:]
        }
        for change in batch.changes {
            latest = max(latest, change.resourceVersion)
            history.append(change)
            for id in watches.keys.sorted() {
                guard let w = watches[id], let object = w.filter.served(change.object) else { continue }
                w.sink.send(w.encoder.event(change.type.rawValue, object, at: change.time))
            }
        }
        if history.count > Self.historyLimit {
            let cut = history.count - Self.historyLimit
            forgottenThrough = history[cut - 1].resourceVersion
            history.removeFirst(cut)
        }
    }

    /// The changes after `resourceVersion` that `filter` selects; nil when they are forgotten.
    func changes(after resourceVersion: Int, _ filter: ObjectFilter) -> [Change]? {
        guard resourceVersion >= forgottenThrough else { return nil }
        return history.compactMap { change in
            guard change.resourceVersion > resourceVersion, let object = filter.served(change.object) else {
                return nil
            }
            var served = change
            served.object = object
            return served
        }
    }

    func add(_ watch: Watch) -> Int {
        let id = nextID
        nextID += 1
        watches[id] = watch
        return id
    }

    /// Forgets every watch (the server stops), each with its closing line as `remove` gives it.
    func removeAll() -> [(WatchSink, String)] {
        let ids = watches.keys.sorted()
        return ids.compactMap { id in
            guard let w = watches[id], let last = remove(id) else { return nil }
            return (w.sink, last)
        }
    }

    /// Forgets a watch; nil when it was already gone (closed by the hub), else its closing
    /// BOOKMARK line when it asked for bookmarks ("" when not).
    func remove(_ id: Int) -> String? {
        guard let w = watches.removeValue(forKey: id) else { return nil }
        return w.bookmarks ? w.encoder.bookmark(resourceVersion: latest) : ""
    }
}
