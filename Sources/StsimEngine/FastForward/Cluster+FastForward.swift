/// Fast-forward of periodic retries (issue 17). When only retries are queued (a crash-loop
/// back-off or an image pull back-off at its cap, a StatefulSet's FailedCreate retry, a container
/// waiting for its ConfigMap), a long `tick` or `wait` would replay the same cycle thousands of
/// times. The probe watches the quiet moments of such a run; once the queue looks the same one
/// period apart, it samples the whole state at several periods, and if every sample differs from
/// the one before by the same integer steps (times, restart and event counts, resourceVersions,
/// sequence numbers), it jumps over whole periods in closed form, then lets the rest of the run
/// play one event at a time. Anything that does not move linearly (a string, a flag, a random
/// draw, an event that expires) leaves the run as it was: one event at a time.
struct FastForwardProbe {
    /// Runs shorter than this are simulated one by one: sampling costs several periods.
    static let shortestRun = VirtualDuration.minutes(6 * 60)
    /// The longest cycle looked for (a StatefulSet's 1000 s retry beside 5-minute back-offs
    /// repeats every 50 minutes).
    static let longestPeriod = VirtualDuration.minutes(60)
    /// A period's sample and the four before it are compared, for cycles of 1 to 4 periods (the
    /// event recorder's aggregation window makes some cycles 3 periods long).
    static let longestCycle = 4
    /// After a look that found no cycle, the run goes on one by one for this long first, twice as
    /// long after each further look that found none (a loop that never settles costs a few
    /// dozen looks over the longest run).
    static let pause = VirtualDuration.minutes(60)
    /// A larger queue is not a retry loop worth sampling.
    static let largestQueue = 4096
    /// Each sample copies the whole state: beyond this many pods a look costs more than it saves.
    static let mostPods = 2000

    var signature: [QueueSignatureEntry] = []
    var samples: [FastForwardSample] = []
    var pausedUntil = VirtualTime.zero
    var failures = 0

    /// Starts over after a look that found no cycle (or no room to jump).
    mutating func pause(at now: VirtualTime) {
        let failures = failures + 1
        self = FastForwardProbe()
        self.failures = failures
        pausedUntil = now.clampedAdding(
            VirtualDuration(milliseconds: Self.pause.milliseconds << Int64(min(failures - 1, 20))))
    }
}

/// The state at one quiet moment, as fast-forward compares it.
struct FastForwardSample {
    var time: VirtualTime
    var tree: ValueTree
    /// The event recorder, apart: when it does not move linearly, its calls are replayed.
    var recorder: ValueTree
    /// How many recorder calls `Cluster.fastForwardCalls` held.
    var callCount: Int
    var historySequence: Int
    var feedCount: Int
    var feedDropped: Int
}

extension Cluster {
    /// Called between events of a run toward `end`; true when it jumped (the clock moved).
    func fastForward(_ probe: inout FastForwardProbe, until end: VirtualTime) -> Bool {
        guard fastForwards, queue.progressCount == 0, now >= probe.pausedUntil,
            end - now >= FastForwardProbe.shortestRun, queue.count <= FastForwardProbe.largestQueue,
            store.count(.pod) <= FastForwardProbe.mostPods
        else { return false }
        // Most quiet moments of a cycle (one per crash-looping pod) are not the anchored one: the
        // entry that runs next tells them apart without sorting the queue.
        if let anchor = probe.signature.first, let next = queue.next, let last = probe.samples.last,
            now - last.time <= FastForwardProbe.longestPeriod,
            next.time.milliseconds - now.milliseconds != anchor.delay || next.action != anchor.action
                || next.urgency != anchor.urgency
        {
            return false
        }
        let signature = queue.signature(from: now)
        guard let last = probe.samples.last, signature == probe.signature else {
            // Another moment of the cycle, or the anchor never came back: look from here.
            if probe.samples.last.map({ now - $0.time > FastForwardProbe.longestPeriod }) ?? true {
                probe.signature = signature
                restartSamples(&probe)
            }
            return false
        }
        guard now > last.time else { return false }
        if probe.samples.count >= 2, now - last.time != probe.samples[1].time - probe.samples[0].time {
            restartSamples(&probe)
            return false
        }
        probe.samples.append(fastForwardSample())
        // A replay costs a little per cycle where the closed form costs nothing: it is tried only
        // once no cycle length moved everything linearly.
        let replays = probe.samples.count > 4 * FastForwardProbe.longestCycle ? [false, true] : [false]
        for replay in replays {
            for cycle in 1...FastForwardProbe.longestCycle where probe.samples.count > 4 * cycle {
                guard
                    let plan = FastForwardPlan(
                        probe.samples, cycle: cycle, history: history, feed: store.feed,
                        calls: replay ? fastForwardCalls ?? [] : nil)
                else { continue }
                fastForwardCalls = nil
                if jump(plan, until: end) {
                    probe = FastForwardProbe()
                    return true
                }
                probe.pause(at: now)
                return false
            }
        }
        if probe.samples.count > 4 * FastForwardProbe.longestCycle {
            fastForwardCalls = nil
            probe.pause(at: now)
        }
        return false
    }

    private func fastForwardSample() -> FastForwardSample {
        let tree = fastForwardTree()
        var recorder = ValueTree.null
        let rest = tree.updating(["recorder"]) {
            recorder = $0
            return nil
        }
        return FastForwardSample(
            time: now, tree: Self.comparable(rest), recorder: recorder, callCount: fastForwardCalls?.count ?? 0,
            historySequence: history.nextSequence, feedCount: store.feed.entries.count,
            feedDropped: store.feed.dropped)
    }

    /// Starts the samples over from this moment, logging the recorder's calls from here.
    private func restartSamples(_ probe: inout FastForwardProbe) {
        fastForwardCalls = []
        probe.samples = [fastForwardSample()]
    }

    /// The state as fast-forward moves it: the history's records and the change feed's entries
    /// are moved apart (`FastForwardPlan`), the queue is in run order.
    private func fastForwardTree() -> ValueTree {
        var s = savedState
        s.queue = queue.canonical
        s.history = history.withoutRecords
        s.store.feed = store.feed.withoutEntries
        return ValueTree.encode(s)
    }

    /// What must move linearly. Left out, and kept as they are by a jump: the logs of container
    /// runs (only the last two are ever read, and the run after a jump writes them again), the
    /// count of events run (a jump runs none), the StatefulSet controller's lazy heaps (stale
    /// entries in them are skipped by design) and the kubelet's caches of recent values (they only
    /// share storage between equal values).
    private static func comparable(_ tree: ValueTree) -> ValueTree {
        tree.updating(["apps", "logs"]) { _ in nil }
            .updating(["processedEvents"]) { _ in nil }
            .updating(["statefulSets"]) {
                $0.removing(["attention", "work", "condemned", "condemnedUnhealthy", "outdated"])
            }
            .updating(["kubelets"]) { $0.removing(["recentContainers", "recentConditions", "recentStatuses"]) }
    }

    /// Moves the cluster on by as many whole periods as fit before `end`, keeping two periods
    /// (and the rest) to simulate one by one, and stopping short of the first expiry of an event
    /// that no longer moves. False when that is not even one period.
    private func jump(_ plan: FastForwardPlan, until end: VirtualTime) -> Bool {
        let period = plan.period.milliseconds
        var periods = (end - now).milliseconds / period - 2
        if plan.replay == nil, let expiry = recorder.firstExpiry(ifOldestSeenBefore: now - plan.period) {
            periods = min(periods, (expiry - now).milliseconds / period - 1)
        }
        guard periods >= 1, let moved = plan.delta.apply(to: fastForwardTree(), times: periods),
            var state = try? moved.decode(ClusterState.self)
        else { return false }
        var feed = store.feed
        guard plan.appendChanges(to: &feed, periods: periods) else { return false }
        state.store.feed = feed
        state.history = history
        if let replay = plan.replay {
            state.recorder = recorder
            replay.play(periods: periods, period: plan.period, recorder: &state.recorder, history: &state.history)
        } else {
            plan.appendRecords(to: &state.history, periods: periods)
        }
        store.restore(state.store)
        load(state)
        return true
    }
}
