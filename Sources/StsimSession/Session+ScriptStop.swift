import StsimEngine
import StsimLanguage

/// Stopping a script at a consistent point: between commands, or inside a run of virtual time
/// (which stops between two events). The cause is reported where the script stood, with the
/// cluster as the last command left it.
extension Session {
    /// The `shouldStop` of time runs in script mode: a signal, the wall-clock budget, or the
    /// events this command may run (checked by the engine every few dozen events).
    func scriptShouldStop() -> Bool {
        if stopCause != nil { return true }
        if let outside = scriptStop() {
            stopCause = .outside(outside)
        } else if cluster.processedEvents - eventsAtCommandStart > options.limits.eventsPerCommand {
            stopCause = .events
        }
        return stopCause != nil
    }

    /// Nil to go on; otherwise reports why the script stops at `location` and says how it ends.
    func scriptStopOutcome(at location: SourceLocation) -> Outcome? {
        guard !interactive else { return nil }
        if stopCause == nil, let outside = scriptStop() { stopCause = .outside(outside) }
        guard let cause = stopCause else { return nil }
        switch cause {
        case .outside(.interrupted):
            report(Diagnostic(at: location, "interrupted at \(cluster.now): the script stops here (SIGINT)"))
            return .interrupted
        case .outside(.timedOut(let budget)):
            report(
                Diagnostic(
                    at: location, "the script used its wall-clock budget of \(budget); it stops here at \(cluster.now)",
                    hint: "give it longer with --timeout DURATION"))
        case .events:
            report(
                Diagnostic(
                    at: location,
                    "this command ran more than \(options.limits.eventsPerCommand.groupedDigits) events, stsim's limit per command in a script; stopped at \(cluster.now)",
                    hint: raiseHint("max-events", "N")))
        }
        return .failed
    }
}

/// What stopped a script: something outside it, or the events one command may run.
enum ScriptStopCause {
    case outside(ScriptStop)
    case events
}
