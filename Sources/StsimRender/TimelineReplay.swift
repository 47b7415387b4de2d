import StsimEngine

/// The history replayed record by record into lane tracks (`TimelineBuilder`).
struct TimelineReplay {
    struct PodTrack {
        var api = LaneTrack()
        /// Where the API has the pod now (nil: no pod of this name, or not scheduled).
        var apiNode: String?
        /// Nodes where a copy runs now (the kubelets' truth).
        var running: Set<String> = []
        /// Per node, the stretches a copy ran there unseen by the API.
        var copies: [String: LaneTrack] = [:]
        /// The selector matched one of the pods that bore this name.
        var matched = false
    }

    struct NodeTrack {
        var lane = LaneTrack()
        var exists = false
        var ready = false
        var cut = false
        var down = false

        var phase: TimelinePhase? {
            if down { return .nodeDown }
            guard exists else { return nil }
            switch (ready, cut) {
            case (true, false): return .nodeReady
            case (true, true): return .nodeReadyCut
            case (false, false): return .nodeNotReady
            case (false, true): return .nodeNotReadyCut
            }
        }
    }

    let selector: LabelSelector?
    var pods: [ObjectKey: PodTrack] = [:]
    var nodes: [String: NodeTrack] = [:]

    init(selector: LabelSelector?) { self.selector = selector }

    mutating func apply(_ r: HistoryRecord) {
        switch r.entry {
        case .object(let key, _, let after):
            if key.kind == .pod {
                var t = pods[key] ?? PodTrack()
                t.api.set(after.map(TimelineBuilder.phase), node: after?.node, at: r.time)
                t.apiNode = after?.node
                if let after, selector?.matches(after.labels) ?? true { t.matched = true }
                updateCopies(&t, at: r.time)
                pods[key] = t
            } else if key.kind == .node {
                var t = nodes[key.name] ?? NodeTrack()
                t.exists = after != nil
                t.ready = after?.ready ?? false
                t.lane.set(t.phase, at: r.time)
                nodes[key.name] = t
            }
        case .event(let key, let type, let reason, let message):
            mark(key, TimelineMark(time: r.time, kind: .event(type), text: "\(type.rawValue) \(reason): \(message)"))
        case .copy(let key, let node, let running):
            var t = pods[key] ?? PodTrack()
            if running { t.running.insert(node) } else { t.running.remove(node) }
            updateCopies(&t, at: r.time)
            pods[key] = t
        case .fault(let key, let fault):
            if key.kind == .node { nodeFault(key.name, fault, at: r.time) }
            mark(
                key,
                TimelineMark(time: r.time, kind: .fault(fault), text: "\(HistoryLines.name(key)) \(fault.rawValue)"))
        }
    }

    private mutating func nodeFault(_ name: String, _ fault: Fault, at time: VirtualTime) {
        var t = nodes[name] ?? NodeTrack()
        switch fault {
        case .partitioned: t.cut = true
        case .healed: t.cut = false
        case .crashed: (t.down, t.cut) = (true, true)
        case .booted: (t.down, t.cut) = (false, false)
        case .killed, .forceDeleted, .kubeletRestarted, .kubeletRestartedStale, .kubeletCaughtUp,
            .controllerRestarted, .controllerRestartedMidSync, .watchLagging, .watchOnTime:
            break
        }
        t.lane.set(t.phase, at: time)
        nodes[name] = t
    }

    private mutating func mark(_ key: ObjectKey, _ m: TimelineMark) {
        if key.kind == .pod {
            pods[key, default: PodTrack()].api.marks.append(m)
        } else if key.kind == .node {
            nodes[key.name, default: NodeTrack()].lane.marks.append(m)
        }
    }

    /// A copy is unseen while it runs on a node other than the one the API has the pod on (or
    /// the API has no such pod at all).
    private func updateCopies(_ t: inout PodTrack, at time: VirtualTime) {
        for node in t.running.union(t.copies.keys) {
            let unseen = t.running.contains(node) && t.apiNode != node
            t.copies[node, default: LaneTrack()].set(unseen ? .unseen : nil, node: node, at: time)
        }
    }

    mutating func finish(at now: VirtualTime) {
        for key in pods.keys {
            pods[key]!.api.close(at: now)
            for node in pods[key]!.copies.keys { pods[key]!.copies[node]!.close(at: now) }
        }
        for name in nodes.keys { nodes[name]!.lane.close(at: now) }
    }
}
