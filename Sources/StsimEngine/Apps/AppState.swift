/// What the programs in the pods keep: the files on every disk, each pod's log, and the random
/// source for the network's choices (kube-proxy's endpoint, the order of A records). That source
/// is separate from the engine's so that a `curl` does not change what the controllers draw next.
public struct AppState: Codable, Sendable {
    public var files = FileStore()
    /// What each container run printed: pod uid → `NAME#RESTARTS` → lines. A replacement pod
    /// starts a new log, and so does a restarted container (`kubectl logs --previous` reads the
    /// one before). Chunked, as are the notes: an undo state shares them, and a pod's first line
    /// after it copies one chunk, not the table of every pod.
    var logs = ChunkedDictionary<UID, [String: LogLines]>()
    /// stsim's words on a container whose command it could not run to the end, by pod uid and
    /// container name (`describe pod` shows them).
    var notes = ChunkedDictionary<UID, [String: String]>()
    private var random: SeededRandom

    public init(seed: UInt64 = 0) { random = SeededRandom(seed: seed ^ 0x6B75_6269_612D_7065) }

    mutating func log(_ pod: UID, run: String, _ line: String, at time: VirtualTime) {
        log(pod, run: run, .line(line), at: time)
    }

    mutating func log(_ pod: UID, run: String, _ entry: LogEntry, at time: VirtualTime) {
        logs[pod, default: [:]][run, default: LogLines()].append(entry, at: time)
    }

    /// A pod deleted from the API takes its log and its own storage with it.
    /// Removes only what is there: a no-op removal would still copy a dictionary that an undo
    /// state shares, once per deleted pod.
    mutating func forget(pod uid: UID) {
        if logs[uid] != nil { logs[uid] = nil }
        if notes[uid] != nil { notes[uid] = nil }
        files.forget(pod: uid)
    }

    mutating func setNote(_ note: String?, pod uid: UID, container: String) {
        guard notes[uid]?[container] != note else { return }
        notes[uid, default: [:]][container] = note
    }

    /// A seeded index in 0..<n.
    mutating func pick(_ n: Int) -> Int { Int(random.next(upperBound: UInt64(n))) }
}
