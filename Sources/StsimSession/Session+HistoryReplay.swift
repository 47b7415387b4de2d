import StsimEngine
import StsimLanguage
import StsimRender

/// Checks over every moment of a scope: the state at the scope's start is rebuilt by walking
/// back from what the store holds now, then the records are replayed forward, judging at each
/// instant (changes within one virtual millisecond count as one moment).
extension Session {
    func expectNeverCount(
        _ kind: ResourceKind, _ selectorText: String?, _ state: String?, _ comparison: Comparison, _ value: Int,
        _ records: [HistoryRecord], _ scope: HistoryScope
    ) throws {
        let selector = try selectorText.map {
            try SelectorText.parse($0, at: SourceLocation(file: "<expect>", line: 1, column: 1))
        }
        let counts: (ObjectSummary?) -> Bool = { s in
            guard let s, selector?.matches(s.labels) ?? true else { return false }
            return state.map { SummaryState.holds($0, s) } ?? true
        }
        var summaries: [ObjectKey: ObjectSummary] = [:]
        for object in cluster.list(kind) { summaries[object.key] = ObjectSummary(object) }
        let mine = records.filter { $0.entry.key.kind == kind && Self.isObjectChange($0) }
        for r in mine.reversed() { if case .object(let key, let before, _) = r.entry { summaries[key] = before } }
        var counted = Set(summaries.filter { counts($0.value) }.keys)
        let what = "\(kind.plural)\(selectorText.map { " with \($0)" } ?? "")\(state.map { " \($0)" } ?? "")"
        func judge(_ at: VirtualTime, _ index: Int) throws {
            guard comparison.holds(counted.count, value) else { return }
            let shown = mine.filter { $0.time <= at }.suffix(15)
            throw failure(
                "at \(at) there were \(counted.count) \(what), which is \(comparison.rawValue) \(value)",
                showing: Array(shown), around: index)
        }
        try judge(scope.time, scope.sequence)
        for (i, r) in mine.enumerated() {
            if case .object(let key, _, let after) = r.entry {
                if counts(after) { counted.insert(key) } else { counted.remove(key) }
            }
            if i + 1 == mine.count || mine[i + 1].time != r.time { try judge(r.time, r.sequence) }
        }
    }

    func expectNeverTwo(_ name: String, _ records: [HistoryRecord], _ scope: HistoryScope) throws {
        let key = ObjectKey(kind: .pod, namespace: cluster.config.namespace, name: name)
        let mine = records.filter { $0.entry.key == key }
        // Copies per node: a kubelet listing from a stale cache can run two on one node.
        var copies: [String: Int] = [:]
        for node in cluster.runningCopies(of: key) { copies[node, default: 0] += 1 }
        func change(_ node: String, by n: Int) {
            let count = (copies[node] ?? 0) + n
            copies[node] = count > 0 ? count : nil
        }
        for r in mine.reversed() {
            if case .copy(_, let node, let running) = r.entry { change(node, by: running ? -1 : 1) }
        }
        // Routine Normal events would bury where each copy ran; warnings (InvariantViolated) stay.
        let shown = mine.filter { r in
            if case .event(_, let type, _, _) = r.entry { return type == .warning }
            return true
        }
        func judge(_ at: VirtualTime) throws {
            guard copies.values.reduce(0, +) > 1 else { return }
            let places =
                copies.count == 1
                ? "both on \(copies.keys.first!)" : "on " + copies.keys.sorted().joined(separator: " and ")
            throw failure(
                "at \(at) two copies of pod/\(name) ran at once, \(places)",
                showing: shown.filter { $0.time <= at }, around: nil)
        }
        try judge(scope.time)
        for (i, r) in mine.enumerated() {
            if case .copy(_, let node, let running) = r.entry { change(node, by: running ? 1 : -1) }
            if i + 1 == mine.count || mine[i + 1].time != r.time { try judge(r.time) }
        }
    }

    func expectWithin(_ d: VirtualDuration, _ s: StateCheck, _ records: [HistoryRecord], _ scope: HistoryScope) throws {
        let (start, mine) = try timeline(s, records)
        let end = scope.time + d
        if SummaryState.holds(s.state, start) { return }
        for r in mine where r.time <= end {
            if case .object(_, _, let after) = r.entry, SummaryState.holds(s.state, after) { return }
        }
        let object = "\(s.kind.singular)/\(s.name.text)"
        var message = "\(object) was not \(s.state) within \(DurationText.format(d)) of \(scope.name) (\(scope.time))"
        if cluster.now < end { message += "; only \(DurationText.format(cluster.now - scope.time)) have passed" }
        throw failure(message, showing: mine)
    }

    func expectEventually(_ s: StateCheck, _ records: [HistoryRecord], _ scope: HistoryScope) throws {
        let (start, mine) = try timeline(s, records)
        if SummaryState.holds(s.state, start) { return }
        for r in mine {
            if case .object(_, _, let after) = r.entry, SummaryState.holds(s.state, after) { return }
        }
        throw failure(
            "\(s.kind.singular)/\(s.name.text) was never \(s.state) from \(scope.name) (\(scope.time)) to \(cluster.now)",
            showing: mine)
    }

    func expectHappenedWithin(
        _ d: VirtualDuration, _ h: Happening, _ records: [HistoryRecord], _ scope: HistoryScope
    ) throws {
        let end = scope.time + d
        let first = records.first { Self.matches(h, $0) }
        if let first, first.time <= end { return }
        var message = "\(h.text) did not happen within \(DurationText.format(d)) of \(scope.name) (\(scope.time))"
        if let first {
            message += "; it happened at \(first.time), \(DurationText.format(first.time - scope.time)) after"
        } else if cluster.now < end {
            message += "; only \(DurationText.format(cluster.now - scope.time)) have passed"
        }
        throw failure(message, about: [h], records)
    }

    func expectThroughout(_ s: StateCheck, _ records: [HistoryRecord], _ scope: HistoryScope) throws {
        let (start, mine) = try timeline(s, records)
        let object = "\(s.kind.singular)/\(s.name.text)"
        if !SummaryState.holds(s.state, start) {
            throw failure("\(object) was not \(s.state) at \(scope.name) (\(scope.time))", showing: mine)
        }
        for r in mine {
            if case .object(_, _, let after) = r.entry, !SummaryState.holds(s.state, after) {
                throw failure("\(object) stopped being \(s.state) at \(r.time)", showing: mine, around: r.sequence)
            }
        }
    }

    func expectSameVolume(_ claim: String, _ records: [HistoryRecord], _ scope: HistoryScope) throws {
        let s = StateCheck(
            kind: .persistentVolumeClaim, name: Argument(claim, at: .init(file: "", line: 0, column: 0)), state: "Bound"
        )
        let (start, mine) = try timeline(s, records)
        guard let volume = start?.volume, start?.phase == "Bound" else {
            throw failure("pvc/\(claim) was not bound at \(scope.name) (\(scope.time))", showing: mine)
        }
        for r in mine {
            if case .object(_, _, let after) = r.entry, after?.volume != volume || after?.phase != "Bound" {
                let now = after?.volume.map { "bound to \($0)" } ?? (after == nil ? "deleted" : "unbound")
                throw failure(
                    "pvc/\(claim) was bound to \(volume) at \(scope.name) but \(now) at \(r.time)", showing: mine,
                    around: r.sequence)
            }
        }
    }

    /// One object's summary at the scope's start, and its changes since.
    private func timeline(_ s: StateCheck, _ records: [HistoryRecord]) throws -> (ObjectSummary?, [HistoryRecord]) {
        guard SummaryState.checkable.contains(s.state) else {
            throw SessionError(
                "the history knows \(SummaryState.checkable.joined(separator: ", ")), not \(s.state)",
                hint: "check \(s.state) as it is now with: expect \(s.kind.singular) \(s.name.text) \(s.state)")
        }
        let key = ObjectKey(
            kind: s.kind, namespace: s.kind.isNamespaced ? cluster.config.namespace : "", name: s.name.text)
        let mine = records.filter { $0.entry.key == key && Self.isObjectChange($0) }
        var start: ObjectSummary? = (try? cluster.get(s.kind, name: s.name.text).get()).flatMap(ObjectSummary.init)
        if let first = mine.first, case .object(_, let before, _) = first.entry { start = before }
        return (start, mine)
    }

    static func isObjectChange(_ r: HistoryRecord) -> Bool {
        if case .object = r.entry { return true }
        return false
    }
}
