/// What one cycle of a steady retry loop does, found by comparing five samples a cycle apart:
/// how the state moves (`delta`, the same for each of the four cycles), the history records and
/// the change-feed entries it adds (each cycle's equal to the one before, a cycle later). A jump
/// of k cycles applies the delta k times and adds k cycles of records and changes.
struct FastForwardPlan {
    var period: VirtualDuration
    var delta: TreeDelta
    /// The last cycle's history records.
    var records: [HistoryRecord]
    /// The last cycle's changes, each with how its object and resourceVersion move per cycle;
    /// empty when the feed is full (then further changes are only counted).
    var changes: [(change: Change, object: ValueTree, delta: TreeDelta, versionStep: Int)] = []
    /// Changes each cycle makes.
    var changesPerCycle = 0

    /// Set when the event recorder does not move linearly: a jump replays each cycle's calls to it.
    var replay: EventReplay?

    /// `calls`: the recorder's calls, to replay them; nil when the recorder must move linearly.
    init?(_ samples: [FastForwardSample], cycle: Int, history: History, feed: ChangeFeed, calls: [EventCall]?) {
        let n = samples.count - 1
        let points = (0...4).map { samples[n - (4 - $0) * cycle] }
        period = points[1].time - points[0].time
        guard let delta = Self.linear(points.map(\.tree)) else { return nil }
        if let calls {
            guard let replay = EventReplay(points, history: history, calls: calls, period: period) else { return nil }
            self.delta = delta
            self.records = []
            self.replay = replay
        } else {
            guard let moved = Self.linear(points.map(\.recorder)),
                let records = Self.records(points, history: history, period: period)
            else { return nil }
            self.delta = moved == .same ? delta : delta.with(member: "recorder", moved)
            self.records = records
        }
        guard findChanges(points, feed: feed) else { return nil }
    }

    /// The step each of the four cycles moves the trees by, if it is the same.
    private static func linear(_ trees: [ValueTree]) -> TreeDelta? {
        guard let delta = TreeDelta.between(trees[3], trees[4]) else { return nil }
        for j in 0..<3 where TreeDelta.between(trees[j], trees[j + 1]) != delta { return nil }
        return delta
    }

    /// The records of the last cycle, if each cycle's repeat the one before's a period later.
    private static func records(
        _ points: [FastForwardSample], history: History, period: VirtualDuration
    ) -> [HistoryRecord]? {
        guard points[0].historySequence >= history.firstKept else { return nil }
        let cycles = (0..<4).map {
            Array(
                history.records(from: points[$0].historySequence).prefix(
                    points[$0 + 1].historySequence - points[$0].historySequence))
        }
        for j in 1..<4 {
            guard cycles[j].count == cycles[0].count else { return nil }
            for (a, b) in zip(cycles[j - 1], cycles[j]) where b.entry != a.entry || b.time != a.time + period {
                return nil
            }
        }
        return cycles[3]
    }

    private mutating func findChanges(_ points: [FastForwardSample], feed: ChangeFeed) -> Bool {
        let totals = points.map { $0.feedCount + $0.feedDropped }
        changesPerCycle = totals[1] - totals[0]
        for j in 1..<4 where totals[j + 1] - totals[j] != changesPerCycle { return false }
        // A full feed only counts what comes next; otherwise every change of the sampled cycles
        // is still in it (nothing drains the feed during one run).
        if feed.isFull { return true }
        let cycles = (0..<4).map { Array(feed.entries[points[$0].feedCount..<points[$0 + 1].feedCount]) }
        for (i, last) in cycles[3].enumerated() {
            let before = cycles[2][i]
            let object = ValueTree.encode(last.object)
            guard let delta = TreeDelta.between(ValueTree.encode(before.object), object) else { return false }
            let step = last.resourceVersion - before.resourceVersion
            for j in 1..<4 {
                let (a, b) = (cycles[j - 1][i], cycles[j][i])
                guard b.key == a.key, b.type == a.type, b.time == a.time + period,
                    b.resourceVersion - a.resourceVersion == step,
                    TreeDelta.between(ValueTree.encode(a.object), ValueTree.encode(b.object)) == delta
                else { return false }
            }
            changes.append((last, object, delta, step))
        }
        return true
    }

    /// Adds `periods` cycles of records, as that many cycles of one-by-one simulation would.
    func appendRecords(to history: inout History, periods: Int64) {
        guard !records.isEmpty else { return }
        let r = records.count
        history.appendGenerated(r * Int(periods)) { i in
            let base = records[i % r]
            return (base.time + VirtualDuration(milliseconds: period.milliseconds * Int64(i / r + 1)), base.entry)
        }
    }

    /// The object `tree` holds. A pod whose spec did not move keeps `base`'s spec and decodes
    /// only its metadata and status: decoding whole pods was most of a long jump's time.
    static func object(_ tree: ValueTree, moved delta: TreeDelta, base: KubeObject) throws -> KubeObject {
        guard case .pod(var pod) = base, case .object(let top) = delta, case .object(let wrapper)? = top["pod"],
            case .object(let members)? = wrapper["_0"], top.count == 1, wrapper.count == 1,
            members.keys.allSatisfy({ $0 == "metadata" || $0 == "status" }),
            case .object(let t1) = tree, case .object(let t2)? = t1["pod"], case .object(let podTree)? = t2["_0"]
        else { return try tree.decode(KubeObject.self) }
        if members["metadata"] != nil, let m = podTree["metadata"] { pod.metadata = try m.decode(ObjectMeta.self) }
        if members["status"] != nil, let st = podTree["status"] { pod.status = try st.decode(PodStatus.self) }
        return .pod(pod)
    }

    /// Adds `periods` cycles of changes to the feed: those it keeps are built, the rest counted.
    /// False when a moved object does not decode (the jump is then not made).
    func appendChanges(to feed: inout ChangeFeed, periods: Int64) -> Bool {
        let total = changesPerCycle * Int(periods)
        var made = 0
        var j: Int64 = 1
        while j <= periods, !changes.isEmpty, !feed.isFull {
            for c in changes where !feed.isFull {
                guard let tree = c.delta.apply(to: c.object, times: j),
                    let object = try? Self.object(tree, moved: c.delta, base: c.change.object)
                else { return false }
                var change = c.change
                change.time = change.time + VirtualDuration(milliseconds: period.milliseconds * j)
                change.resourceVersion += c.versionStep * Int(j)
                change.object = object
                feed.append(change)
                made += 1
            }
            j += 1
        }
        feed.countDropped(total - made)
        return true
    }
}
