/// What the programs in the pods keep: the files on every disk and each pod's log.
public struct AppState: Sendable {
    public var files = FileStore()
    /// Lines each pod's program wrote to stdout, by pod uid (a replacement pod starts a new log,
    /// as `kubectl logs` shows it).
    var logs: [UID: [String]] = [:]

    public init() {}

    mutating func log(_ pod: UID, _ line: String) { logs[pod, default: []].append(line) }
}
