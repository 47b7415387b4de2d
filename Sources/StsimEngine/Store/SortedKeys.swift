/// One kind's keys in the API's list order (namespace, then name in byte order), kept sorted as
/// objects come and go, so `list` walks them instead of sorting every key of the kind on every call
/// (at 100,000 pods that sort cost a third of a second per command).
///
/// The keys are held in runs of at most `maxRun`, each run a reference shared copy-on-write: an
/// undo state keeps the runs of its time, and a later insert copies only the run it lands in.
/// Insert and remove cost a binary search and a move of at most `maxRun` keys.
struct SortedKeys {
    final class Run {
        var keys: [ObjectKey]
        init(_ keys: [ObjectKey]) { self.keys = keys }
    }

    /// Small enough that moving a run's tail on insert is cheap, large enough that the runs'
    /// own array stays short.
    static let maxRun = 256
    private var runs: [Run] = []
    private(set) var count = 0

    /// The run where `key` belongs: the first whose last key is not below it, else the last.
    private func runIndex(_ key: ObjectKey) -> Int {
        var lo = 0
        var hi = runs.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].keys[runs[mid].keys.count - 1] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func position(of key: ObjectKey, in keys: [ObjectKey]) -> Int {
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private mutating func unique(_ i: Int) {
        if !isKnownUniquelyReferenced(&runs[i]) { runs[i] = Run(runs[i].keys) }
    }

    mutating func insert(_ key: ObjectKey) {
        guard !runs.isEmpty else {
            runs = [Run([key])]
            count = 1
            return
        }
        let i = runIndex(key)
        let at = Self.position(of: key, in: runs[i].keys)
        if at < runs[i].keys.count, runs[i].keys[at] == key { return }
        unique(i)
        runs[i].keys.insert(key, at: at)
        count += 1
        if runs[i].keys.count > Self.maxRun {
            let half = runs[i].keys.count / 2
            let tail = Run(Array(runs[i].keys[half...]))
            runs[i].keys.removeSubrange(half...)
            runs.insert(tail, at: i + 1)
        }
    }

    mutating func remove(_ key: ObjectKey) {
        guard !runs.isEmpty else { return }
        let i = runIndex(key)
        let at = Self.position(of: key, in: runs[i].keys)
        guard at < runs[i].keys.count, runs[i].keys[at] == key else { return }
        unique(i)
        runs[i].keys.remove(at: at)
        count -= 1
        if runs[i].keys.isEmpty { runs.remove(at: i) }
    }

    /// Every key, in order.
    func visit(_ body: (ObjectKey) -> Void) {
        for run in runs { for key in run.keys { body(key) } }
    }

    /// The keys of one namespace, in order: a binary search to the first, then a walk.
    func visit(inNamespace namespace: String, _ body: (ObjectKey) -> Void) {
        guard let first = runs.first?.keys.first else { return }
        let start = ObjectKey(kind: first.kind, namespace: namespace, name: "")
        var i = runIndex(start)
        var at = Self.position(of: start, in: runs[i].keys)
        while i < runs.count {
            let keys = runs[i].keys
            while at < keys.count {
                guard keys[at].namespace == namespace else { return }
                body(keys[at])
                at += 1
            }
            i += 1
            at = 0
        }
    }
}
