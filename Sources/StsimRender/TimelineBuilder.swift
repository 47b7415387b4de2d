import StsimEngine

/// Turns the cluster's history (bounded: `History`) into lanes: one per pod identity (its name,
/// across the pods that bore it), one per node, and one per copy of a pod that ran where the API
/// did not see it (the at-most-one lesson of a force delete). Replays the records in order, so
/// a lane's phase at any instant is the one its last record gave it.
public enum TimelineBuilder {
    public struct Options: Sendable {
        public var since: VirtualTime?
        public var until: VirtualTime?
        /// Pods whose labels matched this at any time; nodes are always shown.
        public var selector: LabelSelector?
        /// Pods of this namespace are named without it.
        public var namespace = "default"
        /// At most this many pod lanes (copies count with their pod); the rest are counted.
        public var podLaneLimit = Int.max

        public init() {}
    }

    public static func build(
        _ records: [HistoryRecord], now: VirtualTime, droppedUntil: VirtualTime? = nil, options: Options = Options()
    ) -> Timeline {
        var replay = TimelineReplay(selector: options.selector)
        for r in records { replay.apply(r) }
        replay.finish(at: now)
        let since = max(options.since ?? droppedUntil ?? .zero, droppedUntil ?? .zero)
        let until = max(since, min(options.until ?? now, now))
        var lanes = replay.nodes.keys.sorted(byBytes: { $0 }).compactMap { name in
            replay.nodes[name]!.lane.clipped("node/\(name)", kind: .node, since, until)
        }
        var pods = 0
        var omitted = 0
        // The distribution's own pods (Namespace.system) stay out of the learner's timeline.
        for key in replay.pods.keys.sorted(by: naturalOrder) where !Namespace.system.contains(key.namespace) {
            let track = replay.pods[key]!
            guard track.matched else { continue }
            let name = key.namespace == options.namespace ? key.name : "\(key.namespace)/\(key.name)"
            let lane = track.api.clipped("pod/\(name)", kind: .pod, since, until)
            // A copy the API does not see is drawn even when the API's pod is gone from the window.
            let copies = track.copies.keys.sorted(byBytes: { $0 }).compactMap { node in
                track.copies[node]!.clipped("pod/\(name) on \(node)", kind: .copy, since, until)
            }
            if lane == nil && copies.isEmpty { continue }
            guard pods < options.podLaneLimit else {
                omitted += 1
                continue
            }
            pods += 1
            if let lane { lanes.append(lane) }
            lanes += copies
        }
        var timeline = Timeline(since: since, until: until, lanes: lanes, omitted: omitted)
        timeline.truncatedBefore = droppedUntil
        return timeline
    }

    /// Namespace, then name with its trailing number compared as a number (`web-2` before
    /// `web-10`), the order of a StatefulSet's ordinals.
    static func naturalOrder(_ a: ObjectKey, _ b: ObjectKey) -> Bool {
        if a.namespace != b.namespace { return ByteOrder.less(a.namespace, b.namespace) }
        let (pa, na) = split(a.name)
        let (pb, nb) = split(b.name)
        if pa != pb { return ByteOrder.less(pa, pb) }
        if na != nb { return (na ?? -1) < (nb ?? -1) }
        return ByteOrder.less(a.name, b.name)
    }

    private static func split(_ name: String) -> (String, Int?) {
        let digits = name.utf8.reversed().prefix { $0 >= 48 && $0 <= 57 }.count
        guard digits > 0, digits < 18 else { return (name, nil) }
        let cut = name.utf8.index(name.utf8.endIndex, offsetBy: -digits)
        return (String(name[..<cut]), Int(name[cut...]))
    }

    /// The phase a pod's summary shows.
    static func phase(of s: ObjectSummary) -> TimelinePhase {
        if s.terminating { return .terminating }
        switch s.phase {
        case "Running": return s.ready ? .ready : .running
        case "Succeeded": return .completed
        case "Failed": return .failed
        case "Unknown": return .unknown
        default: return s.node == nil ? .pending : .creating
        }
    }
}

/// One lane being drawn: its closed spans, the open one, and its marks.
struct LaneTrack {
    var spans: [TimelineSpan] = []
    var open: TimelineSpan?
    var marks: [TimelineMark] = []

    /// From `time` on the lane shows `phase` (nil: nothing).
    mutating func set(_ phase: TimelinePhase?, node: String? = nil, at time: VirtualTime) {
        if let o = open, o.phase == phase, o.node == node { return }
        close(at: time)
        if let phase { open = TimelineSpan(start: time, end: time, phase: phase, node: node) }
    }

    mutating func close(at time: VirtualTime) {
        guard var o = open else { return }
        open = nil
        o.end = time
        if o.end > o.start { spans.append(o) }
    }

    /// The lane cut to `[since, until]`, or nil when nothing of it falls there.
    func clipped(_ title: String, kind: TimelineLane.Kind, _ since: VirtualTime, _ until: VirtualTime) -> TimelineLane?
    {
        let spans = spans.compactMap { s -> TimelineSpan? in
            var s = s
            s.start = max(s.start, since)
            s.end = min(s.end, until)
            return s.end > s.start ? s : nil
        }
        let marks = marks.filter { $0.time >= since && $0.time <= until }
        if spans.isEmpty && marks.isEmpty { return nil }
        return TimelineLane(kind: kind, title: title, spans: spans, marks: marks)
    }
}
