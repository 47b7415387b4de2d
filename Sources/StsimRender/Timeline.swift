import StsimEngine

/// What a stretch of a lane shows. Pods show the API's view of them; nodes show the API's view
/// and, apart from it, whether the link is cut (the API only notices ~50 s later, 1.32's
/// node-monitor-grace-period); copies show a container that runs where the API does not see it.
public enum TimelinePhase: String, CaseIterable, Sendable {
    case pending = "Pending"
    case creating = "ContainerCreating"
    case running = "Running, not Ready"
    case ready = "Running and Ready"
    case terminating = "Terminating"
    case completed = "Completed"
    case failed = "Failed"
    case unknown = "Unknown"
    case nodeReady = "node Ready"
    case nodeReadyCut = "link cut, the API still says Ready"
    case nodeNotReady = "node NotReady"
    case nodeNotReadyCut = "link cut, NotReady"
    case nodeDown = "powered off"
    case unseen = "runs where the API does not see it"

    /// The character drawn for it without colour.
    public var glyph: Character {
        switch self {
        case .pending: "."
        case .creating: ":"
        case .running: "-"
        case .ready: "="
        case .terminating: "~"
        case .completed: "_"
        case .failed: "!"
        case .unknown: "?"
        case .nodeReady: "="
        case .nodeReadyCut: "%"
        case .nodeNotReady: "-"
        case .nodeNotReadyCut: "#"
        case .nodeDown: "x"
        case .unseen: "@"
        }
    }

    /// Its colour in pictures (the HTML page, the SVG).
    public var colour: String {
        switch self {
        case .pending: "#c7c7c7"
        case .creating: "#f2c94c"
        case .running: "#f2994a"
        case .ready: "#27ae60"
        case .terminating: "#9b51e0"
        case .completed: "#828282"
        case .failed: "#eb5757"
        case .unknown: "#a0a0a0"
        case .nodeReady: "#2d9cdb"
        case .nodeReadyCut: "#9fd3f0"
        case .nodeNotReady: "#eb5757"
        case .nodeNotReadyCut: "#9e2a2a"
        case .nodeDown: "#333333"
        case .unseen: "#e84393"
        }
    }

    /// The ANSI background (with black or white text) for a terminal.
    public var terminalColour: String {
        switch self {
        case .pending: "\u{1b}[30;47m"
        case .creating: "\u{1b}[30;43m"
        case .running: "\u{1b}[30;103m"
        case .ready: "\u{1b}[30;42m"
        case .terminating: "\u{1b}[30;45m"
        case .completed: "\u{1b}[97;100m"
        case .failed: "\u{1b}[30;41m"
        case .unknown: "\u{1b}[97;100m"
        case .nodeReady: "\u{1b}[30;44m"
        case .nodeReadyCut: "\u{1b}[30;104m"
        case .nodeNotReady: "\u{1b}[30;41m"
        case .nodeNotReadyCut: "\u{1b}[97;101m"
        case .nodeDown: "\u{1b}[97;40m"
        case .unseen: "\u{1b}[30;105m"
        }
    }

    /// A CSS class name.
    public var cssName: String {
        switch self {
        case .pending: "pending"
        case .creating: "creating"
        case .running: "running"
        case .ready: "ready"
        case .terminating: "terminating"
        case .completed: "completed"
        case .failed: "failed"
        case .unknown: "unknown"
        case .nodeReady: "node-ready"
        case .nodeReadyCut: "node-ready-cut"
        case .nodeNotReady: "node-notready"
        case .nodeNotReadyCut: "node-notready-cut"
        case .nodeDown: "node-down"
        case .unseen: "unseen"
        }
    }
}

/// One stretch of a lane in one phase, `[start, end)`.
public struct TimelineSpan: Hashable, Sendable {
    public var start: VirtualTime
    public var end: VirtualTime
    public var phase: TimelinePhase
    /// Where it ran (pods: the node the API has it on).
    public var node: String?
}

/// Something that happened at one instant on a lane.
public struct TimelineMark: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Done from outside: a partition, heal, crash, boot, kill, force delete, restart or lag.
        case fault(Fault)
        case event(EventType)
    }
    public var time: VirtualTime
    public var kind: Kind
    /// The hover text: what happened, in a line.
    public var text: String

    /// The letter a terminal lane shows for a fault; events are not drawn there (too many).
    public var glyph: Character? {
        guard case .fault(let f) = kind else { return nil }
        switch f {
        case .partitioned: return "P"
        case .healed: return "H"
        case .crashed: return "C"
        case .booted: return "B"
        case .killed: return "K"
        case .forceDeleted: return "X"
        case .kubeletRestarted: return "R"
        case .kubeletRestartedStale: return "S"
        case .controllerRestarted: return "W"
        case .controllerRestartedMidSync: return "I"
        case .watchLagging: return "L"
        case .kubeletCaughtUp, .watchOnTime: return nil
        }
    }
}

public struct TimelineLane: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case node, pod, copy }
    public var kind: Kind
    /// `node/node-1`, `pod/web-0`, `pod/web-0 on node-1` for a copy the API does not see.
    public var title: String
    public var spans: [TimelineSpan]
    public var marks: [TimelineMark]
}

/// The lanes over a window of virtual time, built from the cluster's history.
public struct Timeline: Sendable {
    public var since: VirtualTime
    public var until: VirtualTime
    public var lanes: [TimelineLane]
    /// Pod lanes left out by the lane limit.
    public var omitted = 0
    /// The window starts after records the history had to drop (its limit).
    public var truncatedBefore: VirtualTime?

    public var duration: VirtualDuration { until - since }
}
