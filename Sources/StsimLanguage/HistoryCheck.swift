import StsimEngine

/// One kind of moment a history check looks for: `ready pod/web-0`, `event FailedScheduling
/// on pod/web-3`.
public struct Happening: Hashable, Sendable {
    public enum Word: String, Hashable, Sendable, CaseIterable {
        case created, scheduled, running, ready, unready, terminating, deleted, bound, event
    }
    public var word: Word
    /// The object (required except for `event REASON` without `on`).
    public var kind: ResourceKind?
    public var name: String?
    /// `event REASON`: the Event's reason.
    public var reason: String?
    public var location: SourceLocation

    public init(word: Word, kind: ResourceKind?, name: String?, reason: String?, location: SourceLocation) {
        self.word = word
        self.kind = kind
        self.name = name
        self.reason = reason
        self.location = location
    }

    /// The happening as the learner wrote it, for messages.
    public var text: String {
        let object = kind.map { "\($0.singular)/\(name ?? "")" }
        if word == .event { return "event \(reason ?? "")" + (object.map { " on \($0)" } ?? "") }
        return "\(word.rawValue) \(object ?? "")"
    }
}

/// A state of one object at a moment: `pod web-2 Ready`, `pvc data-web-1 Bound`.
public struct StateCheck: Hashable, Sendable {
    public var kind: ResourceKind
    public var name: Argument
    public var state: String
    public init(kind: ResourceKind, name: Argument, state: String) {
        self.kind = kind
        self.name = name
        self.state = state
    }
}

/// The history-aware forms of `expect`.
public enum HistoryCheck: Hashable, Sendable {
    /// Each happened, first occurrences in this order.
    case order([Happening])
    case happened(Happening)
    case never(Happening)
    /// At no moment did the count compare so (`never count pods -l app=web running > 3`).
    case neverCount(kind: ResourceKind, selector: String?, state: String?, comparison: Comparison, value: Int)
    /// At no moment did two copies of the pod run at once, on any nodes (the kubelets' truth).
    case neverTwo(pod: Argument)
    /// The state held at some moment within the duration from the start of the scope (the mark, or
    /// else the start of the previous command).
    case within(VirtualDuration, StateCheck)
    /// The happening happened within the duration from the same start (`within 30s ready pod/web-2`).
    case happenedWithin(VirtualDuration, Happening)
    /// The state held at every moment of the scope (`throughout`, or `always`).
    case throughout(StateCheck)
    /// The state held at some moment of the scope, however late (what `stsim explore` asks of
    /// every schedule by its horizon).
    case eventually(StateCheck)
    /// The claim stayed bound to one volume throughout the scope.
    case sameVolume(claim: Argument)
}
