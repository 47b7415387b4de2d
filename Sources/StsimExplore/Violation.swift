import StsimEngine

/// A broken promise one schedule ran into.
public struct Violation: Hashable, Sendable {
    /// Which promise: `at-most-one`, `ordered-ready`, `claim-kept`, `one-volume-per-claim`, or
    /// `expect` for the scenario's own checks.
    public var invariant: String
    /// The monitor's sentence, or the failed check's.
    public var message: String
    /// The scenario's check that failed, as written (nil for the built-in promises).
    public var check: String?
    public var time: VirtualTime

    /// The invariant monitor's sentences, sorted into the promises they break.
    init(monitor v: InvariantViolation) {
        message = v.message
        time = v.time
        check = nil
        if v.message.hasPrefix("at-most-one") {
            invariant = "at-most-one"
        } else if v.message.hasPrefix("OrderedReady") {
            invariant = "ordered-ready"
        } else if v.message.contains("bound to two volumes") {
            invariant = "one-volume-per-claim"
        } else {
            invariant = "claim-kept"
        }
    }

    init(check: String, message: String, time: VirtualTime) {
        invariant = "expect"
        self.check = check
        self.message = message
        self.time = time
    }

    /// Two schedules break the same promise when the promise (and, for the scenario's checks,
    /// the check) is the same.
    var promise: String { check.map { "expect: \($0)" } ?? invariant }
}

/// How one schedule ended.
public struct RunOutcome: Sendable {
    public var faults: [TimedFault]
    public var violation: Violation?
    /// When the run stopped: at the violation, at the horizon, or when nothing more was due.
    public var end: VirtualTime
    /// StatefulSets short of their replicas at the end, as `web 2/3 Ready`.
    public var stuck: [String]
}
