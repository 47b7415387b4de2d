/// One call to the event recorder, as `Cluster.recordEvent` made it while fast-forward sampled.
struct EventCall: Equatable {
    var type: EventType
    var reason: String
    var message: String
    var key: ObjectKey
    var uid: UID?
    var source: String
    var fieldPath: String?
    var host: String?
    var time: VirtualTime
    /// The history's next sequence number when it was made: where its record goes (if the
    /// recorder keeps it) among the cycle's other records.
    var position: Int

    /// The same call, `period` later (positions are compared through the cycle's order).
    func repeats(_ earlier: EventCall, after period: VirtualDuration) -> Bool {
        type == earlier.type && reason == earlier.reason && message == earlier.message && key == earlier.key
            && uid == earlier.uid && source == earlier.source && fieldPath == earlier.fieldPath
            && host == earlier.host && time == earlier.time + period
    }
}

/// What one cycle of a retry loop does to the history and the event recorder, in order: its
/// records other than events, and its calls to the recorder. The recorder is not linear (its spam
/// filter's token count is a fraction, events that pass its dedup window are new ones with new
/// names, old ones expire every 64 records), so a jump replays the calls through it, as
/// one-by-one simulation makes them, and records the events it keeps.
struct EventReplay {
    enum Step {
        case record(HistoryRecord)
        case call(EventCall)
    }
    var steps: [Step]

    /// The last of the sampled cycles, if each repeats the one before a period later; nil when
    /// one does not, or when the history no longer holds the first.
    init?(_ points: [FastForwardSample], history: History, calls: [EventCall], period: VirtualDuration) {
        guard points[0].historySequence >= history.firstKept else { return nil }
        let cycles = (0..<4).map { j -> [Step] in
            let records = history.records(from: points[j].historySequence).prefix(
                points[j + 1].historySequence - points[j].historySequence)
            return Self.merge(records, Array(calls[points[j].callCount..<points[j + 1].callCount]))
        }
        for j in 1..<4 {
            guard cycles[j].count == cycles[0].count else { return nil }
            for (a, b) in zip(cycles[j - 1], cycles[j]) {
                switch (a, b) {
                case (.record(let x), .record(let y)) where y.entry == x.entry && y.time == x.time + period: continue
                case (.call(let x), .call(let y)) where y.repeats(x, after: period): continue
                default: return nil
                }
            }
        }
        steps = cycles[3]
    }

    /// The records and calls of one cycle in the order they were made. The events' own records
    /// are left out: the replay records them again when the recorder keeps them.
    private static func merge(_ records: ArraySlice<HistoryRecord>, _ calls: [EventCall]) -> [Step] {
        var out: [Step] = []
        var c = 0
        for r in records {
            while c < calls.count, calls[c].position <= r.sequence {
                out.append(.call(calls[c]))
                c += 1
            }
            if case .event = r.entry { continue }
            out.append(.record(r))
        }
        out += calls[c...].map { .call($0) }
        return out
    }

    /// Plays `periods` more cycles into the recorder and the history, as that many cycles of
    /// one-by-one simulation would. Runs of calls the spam filter drops go through its buckets
    /// alone (`EventRecorder.dropQuietly`); the others are recorded as the cluster records them.
    func play(periods: Int64, period: VirtualDuration, recorder: inout EventRecorder, history: inout History) {
        let quiet = steps.map { step -> EventRecorder.QuietCall? in
            guard case .call(let e) = step else { return nil }
            return EventRecorder.QuietCall(
                spamKey: EventRecorder.spamKey(source: e.source, object: e.key).value, time: e.time)
        }
        var at = (cycle: Int64(1), step: 0)
        while at.cycle <= periods {
            at = recorder.dropQuietly(quiet, period: period, from: at, through: periods) { i, cycle in
                guard case .record(let r) = steps[i] else { return }
                history.append(r.time + VirtualDuration(milliseconds: period.milliseconds * cycle), r.entry)
            }
            guard at.cycle <= periods else { return }
            let shift = VirtualDuration(milliseconds: period.milliseconds * at.cycle)
            switch steps[at.step] {
            case .record(let r):
                history.append(r.time + shift, r.entry)
            case .call(let e):
                let now = e.time + shift
                let kept = recorder.record(
                    e.type, reason: e.reason, message: e.message, about: e.key, uid: e.uid, fieldPath: e.fieldPath,
                    source: e.source, host: e.host, now: now)
                if kept { history.recordEvent(e.type, e.reason, e.message, about: e.key, at: now) }
            }
            at.step += 1
            if at.step == steps.count { at = (at.cycle + 1, 0) }
        }
    }
}
