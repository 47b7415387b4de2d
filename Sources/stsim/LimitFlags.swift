import ArgumentParser
import StsimSession

/// The flags that set stsim's limits (docs/limits.md); each has a `set` of the same name.
struct LimitFlags: ParsableArguments {
    @Option(name: .customLong("max-objects"), help: "Objects of one kind the cluster may hold (pods: also asked for).")
    var objects: Int?

    @Option(name: .customLong("max-replicas"), help: "Replicas one StatefulSet or ReplicaSet may ask for.")
    var replicas: Int?

    @Option(name: .customLong("max-line"), help: "Bytes of one line of a script or standard input.")
    var line: Int?

    @Option(name: .customLong("max-command"), help: "Bytes of one command with its here-document.")
    var command: Int?

    @Option(name: .customLong("max-word"), help: "Bytes of one word after ${NAME}, and of one variable.")
    var word: Int?

    @Option(name: .customLong("max-events"), help: "Events one command of a script may run.")
    var events: Int?

    @Option(help: "Wall-clock time a script may run (e.g. 30s, 5m); none by default.")
    var timeout: String?

    func validate() throws {
        for (name, value) in [
            ("max-objects", objects), ("max-replicas", replicas), ("max-line", line), ("max-command", command),
            ("max-word", word), ("max-events", events),
        ] {
            if let value, value < 1 { throw ValidationError("--\(name) takes a whole number above 0") }
        }
        if let timeout, (SessionLimits.milliseconds(of: timeout) ?? 0) <= 0 {
            throw ValidationError("--timeout takes a duration above 0, like 30s or 5m (not \"\(timeout)\")")
        }
    }

    func apply(to limits: inout SessionLimits) {
        if let objects { limits.objectsPerKind = objects }
        if let replicas { limits.replicasPerSet = replicas }
        if let line { limits.lineBytes = line }
        if let command { limits.commandBytes = command }
        if let word { limits.wordBytes = word }
        if let events { limits.eventsPerCommand = events }
    }
}
