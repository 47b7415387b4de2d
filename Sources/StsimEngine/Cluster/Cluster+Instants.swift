/// Stepping one instant at a time, for a search that may inject a fault between any two
/// instants (`stsim explore`): a fault "at t" comes after every event due at t, which is also
/// where `tick` to t stops, so a script of ticks and faults replays the same run.
extension Cluster {
    /// Runs every event due at the next instant, including those they schedule for that same
    /// instant, if it comes no later than `limit`. Returns the instant, or nil when nothing is
    /// due by then (the clock does not move).
    @discardableResult
    public func runNextInstant(notAfter limit: VirtualTime) -> VirtualTime? {
        guard let t = queue.nextTime, t <= limit else { return nil }
        while let next = queue.nextTime, next == t { runNext() }
        return t
    }
}
