/// Why a run of virtual time stopped.
public enum StopReason: String, Sendable, Hashable {
    /// Nothing is scheduled at all.
    case idle
    /// Only retries remain (back-offs, failing probes, stuck work): nothing more happens by itself.
    case onlyRetries
    /// The time limit was reached first.
    case limit
    /// `shouldStop` returned true (Ctrl-C).
    case interrupted
    /// The awaited condition holds.
    case satisfied
}

public struct RunResult: Sendable, Hashable {
    public var reason: StopReason
    public var startedAt: VirtualTime
    public var stoppedAt: VirtualTime
    /// Queue events processed.
    public var steps: Int
}

extension Cluster {
    /// Advances the clock by `duration`, running everything due on the way.
    @discardableResult
    public func advance(by duration: VirtualDuration, shouldStop: () -> Bool = { false }) -> RunResult {
        let start = now
        let end = now.clampedAdding(duration)
        var steps = 0
        var probe = FastForwardProbe()
        defer { fastForwardCalls = nil }
        while let t = queue.nextTime, t <= end {
            if steps & 63 == 0, shouldStop() {
                return RunResult(reason: .interrupted, startedAt: start, stoppedAt: now, steps: steps)
            }
            if fastForward(&probe, until: end) { continue }
            runNext()
            steps += 1
        }
        now = end
        return RunResult(reason: .limit, startedAt: start, stoppedAt: now, steps: steps)
    }

    /// Runs until nothing more will happen on its own: the queue is empty or holds only retries,
    /// or `limit` of virtual time has passed (the clock then stands at the limit).
    @discardableResult
    public func settle(limit: VirtualDuration = .minutes(10), shouldStop: () -> Bool = { false }) -> RunResult {
        let start = now
        let end = now.clampedAdding(limit)
        var steps = 0
        while true {
            if queue.count == queue.steadyCount {
                return RunResult(reason: .idle, startedAt: start, stoppedAt: now, steps: steps)
            }
            if queue.progressCount == 0, queue.count > queue.steadyCount {
                return RunResult(reason: .onlyRetries, startedAt: start, stoppedAt: now, steps: steps)
            }
            guard let t = queue.nextTime, t <= end else {
                now = end
                return RunResult(reason: .limit, startedAt: start, stoppedAt: now, steps: steps)
            }
            if steps & 63 == 0, shouldStop() {
                return RunResult(reason: .interrupted, startedAt: start, stoppedAt: now, steps: steps)
            }
            runNext()
            steps += 1
        }
    }

    /// Runs until `condition` holds (checked before each event and after the last), or `timeout`
    /// passes (the clock then stands at the deadline, as `kubectl wait` would have waited).
    /// `fastForward`: the condition depends only on what a steady retry loop keeps the same
    /// (a pod's readiness or phase, an object's existence, not a count or the clock), so whole
    /// cycles of such a loop may be jumped over (`Cluster+FastForward`).
    @discardableResult
    public func run(
        until condition: (Cluster) -> Bool, timeout: VirtualDuration = .seconds(30), fastForward: Bool = false,
        shouldStop: () -> Bool = { false }
    ) -> RunResult {
        let start = now
        let end = now.clampedAdding(timeout)
        var steps = 0
        var probe = FastForwardProbe()
        defer { fastForwardCalls = nil }
        while true {
            if condition(self) { return RunResult(reason: .satisfied, startedAt: start, stoppedAt: now, steps: steps) }
            guard let t = queue.nextTime, t <= end else {
                now = end
                return RunResult(reason: .limit, startedAt: start, stoppedAt: now, steps: steps)
            }
            if shouldStop() { return RunResult(reason: .interrupted, startedAt: start, stoppedAt: now, steps: steps) }
            if fastForward, self.fastForward(&probe, until: end) { continue }
            // Run every event of this instant before checking again, so a condition never sees a
            // half-applied moment.
            while let next = queue.nextTime, next == t {
                runNext()
                steps += 1
            }
        }
    }

    /// True while something other than retries is scheduled.
    public var hasPendingWork: Bool { queue.progressCount > 0 }
    /// When the next queued event is due, if any.
    public var nextEventTime: VirtualTime? { queue.nextTime }

    /// Takes the changes recorded since the last drain (like `kubectl get -w` lines).
    public func drainChanges() -> ChangeBatch { store.feed.drain() }

    /// Live events, oldest first.
    public var events: [Event] { recorder.events }
    /// A cursor for `events(after:)`.
    public var eventSequence: Int { recorder.sequence }
    /// Events created or updated after a cursor from `eventSequence`.
    public func events(after sequence: Int) -> [Event] { recorder.events(after: sequence) }
    /// Events about one object, oldest first (what `describe` lists).
    public func events(about kind: ResourceKind, _ name: String, namespace: String? = nil) -> [Event] {
        let ns = kind.isNamespaced ? (namespace ?? config.namespace) : nil
        return recorder.events.filter {
            $0.involvedObject.kind == kind.kind && $0.involvedObject.name == name && $0.involvedObject.namespace == ns
        }
    }
}
