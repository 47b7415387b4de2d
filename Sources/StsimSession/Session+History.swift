import StsimEngine
import StsimLanguage
import StsimRender

/// History-aware checks: they read the cluster's recorded history (object changes, events and
/// what nodes really run, with virtual times) and, when they fail, show it.
extension Session {
    func mark(_ name: Argument) {
        marks[name.text] = HistoryScope.now(cluster, name: "mark \(name.text)")
        printer.line("mark \(name.text) at \(cluster.now)")
    }

    /// A fresh cluster has a fresh history: marks into the old one mean nothing.
    func forgetHistoryScopes() {
        marks = [:]
        sessionScope = HistoryScope.now(cluster, name: "the start")
        previousCommandStart = sessionScope
        if stepScope != nil { stepScope = HistoryScope.now(cluster, name: "the start of the step") }
    }

    func expectHistory(_ check: HistoryCheck, since: Argument?) throws {
        let scope = try scope(since)
        let records = cluster.history.records(from: scope.sequence)
        switch check {
        case .order(let list): try expectOrder(list, records, scope)
        case .happened(let h):
            if records.first(where: { Self.matches(h, $0) }) == nil {
                throw failure("\(h.text) did not happen since \(scope.name) (\(scope.time))", about: [h], records)
            }
        case .never(let h):
            if let r = records.first(where: { Self.matches(h, $0) }) {
                throw failure("\(h.text) happened at \(r.time)", about: [h], records, around: r.sequence)
            }
        case .neverCount(let kind, let selector, let state, let comparison, let value):
            try expectNeverCount(kind, selector, state, comparison, value, records, scope)
        case .neverTwo(let pod): try expectNeverTwo(pod.text, records, scope)
        case .within(let d, let s):
            let start = since == nil ? previousCommandStart : scope
            try expectWithin(d, s, cluster.history.records(from: start.sequence), start)
        case .happenedWithin(let d, let h):
            let start = since == nil ? previousCommandStart : scope
            try expectHappenedWithin(d, h, cluster.history.records(from: start.sequence), start)
        case .throughout(let s): try expectThroughout(s, records, scope)
        case .eventually(let s): try expectEventually(s, records, scope)
        case .sameVolume(let claim): try expectSameVolume(claim.text, records, scope)
        }
    }

    /// The mark named, else the lesson step's start, else the session's.
    private func scope(_ since: Argument?) throws -> HistoryScope {
        var scope = stepScope ?? sessionScope
        if let since {
            guard let m = marks[since.text] else {
                throw Diagnostic(
                    at: since.location, "no mark named \"\(since.text)\"",
                    hint: Suggestion.hint(for: since.text, in: marks.keys.sorted()) ?? "set one first with: mark NAME")
            }
            scope = m
        }
        let history = cluster.history
        if scope.sequence < history.firstKept, let dropped = history.droppedUntil {
            throw SessionError(
                "the history no longer reaches back to \(scope.name) (\(scope.time)): it keeps the last \(history.limit) changes and has dropped those up to \(dropped)",
                hint: "mark a later moment (mark NAME) and check with expect since NAME ...")
        }
        return scope
    }

    private func expectOrder(_ list: [Happening], _ records: [HistoryRecord], _ scope: HistoryScope) throws {
        var previous: (Happening, HistoryRecord)?
        for h in list {
            guard let r = records.first(where: { Self.matches(h, $0) }) else {
                throw failure("\(h.text) did not happen since \(scope.name) (\(scope.time))", about: list, records)
            }
            if let (ph, pr) = previous, r.sequence < pr.sequence {
                throw failure(
                    "\(h.text) (at \(r.time)) came before \(ph.text) (at \(pr.time))", about: list, records)
            }
            previous = (h, r)
        }
    }

    /// Whether a record is the moment the happening names.
    static func matches(_ h: Happening, _ r: HistoryRecord) -> Bool {
        let key = r.entry.key
        if let kind = h.kind, key.kind != kind || key.name != h.name { return false }
        switch r.entry {
        case .event(_, _, let reason, _): return h.word == .event && reason == h.reason
        case .copy, .fault: return false
        case .object(_, let before, let after):
            switch h.word {
            case .event: return false
            case .created: return before == nil
            case .deleted: return after == nil
            case .scheduled: return before?.node == nil && after?.node != nil
            case .running: return before?.phase != "Running" && after?.phase == "Running"
            case .ready: return !(before?.ready ?? false) && (after?.ready ?? false)
            case .unready: return (before?.ready ?? false) && after != nil && !(after?.ready ?? true)
            case .terminating: return !(before?.terminating ?? false) && (after?.terminating ?? false)
            case .bound: return before?.phase != "Bound" && after?.phase == "Bound"
            }
        }
    }

    /// A failure that shows the history of the objects the check is about (at most a screen:
    /// the records around `around`, or the latest ones).
    func failure(
        _ message: String, about happenings: [Happening], _ records: [HistoryRecord], around: Int? = nil
    ) -> ExpectationFailure {
        let objects = Set(happenings.compactMap { h in h.kind.map { "\($0.singular)/\(h.name ?? "")" } })
        let reasons = Set(happenings.compactMap(\.reason))
        // The objects' own changes, and only the events the check names: a pod's dozen routine
        // events (Pulling, Created, Started...) would bury the order of what matters.
        let relevant = records.filter { r in
            if case .event(_, _, let reason, _) = r.entry { return reasons.contains(reason) }
            return objects.contains(HistoryLines.name(r.entry.key))
        }
        return failure(message, showing: relevant, around: around)
    }

    func failure(_ message: String, showing relevant: [HistoryRecord], around: Int? = nil) -> ExpectationFailure {
        let limit = 15
        var shown = relevant
        var cut = ""
        if shown.count > limit {
            let centre = around.flatMap { s in shown.firstIndex { $0.sequence >= s } } ?? shown.count - 1
            let start = max(0, min(centre - limit / 2, shown.count - limit))
            cut = "  (\(shown.count - limit) more records not shown)"
            shown = Array(shown[start..<(start + limit)])
        }
        var details = shown.isEmpty ? ["  what happened: nothing about it in that time"] : ["  what happened:"]
        details += shown.map { "    " + HistoryLines.line($0) }
        if !cut.isEmpty { details.append(cut) }
        return ExpectationFailure(message: message, details: details)
    }
}
