import StsimEngine

/// What a long run's progress line shows: the session samples the cluster, the terminal draws.
public struct ProgressSample: Sendable {
    /// `settle`, `wait`, `rollout status`.
    public var what: String
    public var now: VirtualTime
    public var readyPods: Int
    /// Replicas the StatefulSets and ReplicaSets ask for.
    public var desiredPods: Int
    /// Engine events processed since the cluster started.
    public var processedEvents: Int

    /// `settle: 00:04:10 virtual, 1,234 of 3,000 pods ready, 52,310 events/s`.
    public func text(eventsPerSecond: Int) -> String {
        var parts = ["\(what): \(now) virtual"]
        if desiredPods > 0 { parts.append("\(readyPods.groupedDigits) of \(desiredPods.groupedDigits) pods ready") }
        parts.append("\(eventsPerSecond.groupedDigits) events/s")
        return parts.joined(separator: ", ")
    }
}

/// Shows a long run's progress. Wall time belongs to the terminal, never to the engine or the
/// session: the session only polls the display during a run (every few engine steps), and the
/// display decides from its own clock whether to draw, asking for a sample only then.
public protocol ProgressDisplay: AnyObject {
    /// A run starts with the cluster's count of processed events so far.
    func begin(processedEvents: Int)
    func poll(_ sample: () -> ProgressSample)
    func end()
}

extension Session {
    /// Runs `body` with a `shouldStop` that also polls the progress display, if there is one.
    func withProgress<T>(_ what: String, _ body: (@escaping () -> Bool) -> T) -> T {
        guard let display = progressDisplay else { return body(interrupted) }
        display.begin(processedEvents: cluster.processedEvents)
        // Text printed during the run (rollout status's lines) starts on a clean line; the
        // progress line comes back at the next poll that is due.
        printer.beforeWrite = { display.end() }
        defer {
            printer.beforeWrite = nil
            display.end()
        }
        let stop = interrupted
        return body { [unowned self] in
            display.poll { self.progressSample(what) }
            return stop()
        }
    }

    func progressSample(_ what: String) -> ProgressSample {
        var ready = 0
        for case .pod(let p) in cluster.list(.pod) where p.isReady { ready += 1 }
        var desired = 0
        for s in cluster.list(StatefulSet.self) { desired += s.spec.replicas ?? 1 }
        for r in cluster.list(ReplicaSet.self) { desired += r.spec.replicas ?? 1 }
        return ProgressSample(
            what: what, now: cluster.now, readyPods: ready, desiredPods: desired,
            processedEvents: cluster.processedEvents)
    }
}
