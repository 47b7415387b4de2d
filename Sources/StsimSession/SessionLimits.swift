import StsimEngine
import StsimLanguage

/// The bounds a session keeps so that no input makes time or memory grow with something a user
/// merely asked for (docs/limits.md). Each one is settable: a flag of the executable and a `set`.
public struct SessionLimits: Sendable, Hashable {
    /// Objects per kind and replicas per set (the engine's own check).
    public var cluster = ClusterLimits()
    /// Bytes of one line of a script or standard input.
    public var lineBytes = 1 << 20
    /// Bytes of one command with its `\` continuations and here-document.
    public var commandBytes = 16 << 20
    /// Bytes of one word after `${NAME}` expansion, and of one variable's value.
    public var wordBytes = 1 << 20
    /// Queue events one command may run in script mode.
    public var eventsPerCommand = 10_000_000

    public init() {}

    public var objectsPerKind: Int {
        get { cluster.objectsPerKind }
        set { cluster.objectsPerKind = newValue }
    }

    public var replicasPerSet: Int {
        get { cluster.replicasPerSet }
        set { cluster.replicasPerSet = newValue }
    }

    /// Milliseconds of a duration as the language writes it (`30s`, `5m`), or nil.
    public static func milliseconds(of text: String) -> Int64? { DurationText.parse(text)?.milliseconds }

    /// All variables together: a script of `let` lines with distinct names stays bounded too.
    var variableBytes: Int { wordBytes.multipliedReportingOverflow(by: 16).overflow ? .max : wordBytes * 16 }
}

/// Why a script stopped before its end, from outside the language: the executable's SIGINT flag
/// or its wall-clock budget (the session itself never reads a clock).
public enum ScriptStop: Sendable, Hashable {
    case interrupted
    case timedOut(budget: String)
}
