import StsimEngine
import StsimLanguage
import StsimRender

/// `undo`: the cluster as it was before a command that changed it. The saved state carries the
/// clock, the event queue and the random source, so what follows an undo runs exactly as it
/// would have from that point. It is a value whose big tables share their chunks with the live
/// cluster (copy-on-write), so keeping one costs nearly nothing until the cluster changes, and
/// then only what changed is copied; the cluster is rebuilt from it only when `undo` runs.
struct UndoState {
    var state: ClusterState
    var command: String
    /// The rows already shown, so a command replayed after the undo prints what it printed the
    /// first time, not a row for every object as if new.
    var watch: WatchFormatter
}

extension Session {
    static let undoDepth = 20

    /// Keeps the state before `command`, unless it is one that only reads, or part of a script
    /// already kept as one step.
    func keepForUndo(_ command: Command, text: CommandText) {
        guard command.mayChangeCluster, runningScripts.isEmpty else { return }
        undoStates.append(UndoState(state: cluster.savedState, command: text.text, watch: watchFormatter))
        if undoStates.count > Session.undoDepth { undoStates.removeFirst() }
    }

    /// A command that failed without changing anything leaves nothing to undo.
    func forgetUndoIfUnchanged() {
        guard let last = undoStates.last, runningScripts.isEmpty,
            last.state.time == cluster.now,
            last.state.resourceVersion == cluster.store.lastResourceVersion
        else { return }
        undoStates.removeLast()
    }

    func undo() throws {
        guard let state = undoStates.popLast() else {
            throw SessionError("nothing to undo: no command has changed the cluster yet")
        }
        cluster = Cluster(restoring: state.state)
        watchFormatter = state.watch
        _ = discardChanges()
        printer.line("undone: \(state.command)")
        printer.line(
            "the cluster is back at \(cluster.now): \(summaryState())"
        )
    }
}

extension Command {
    /// Whether running it may change the cluster (and so is worth an undo state).
    var mayChangeCluster: Bool {
        switch self {
        case .create, .apply, .replace, .copy, .delete, .scale, .edit, .patch, .setImage, .changeMetadata, .fault,
            .tick, .settle, .wait, .kubectlWait, .run, .reset, .seed, .runPod, .load:
            true
        // history only reads; status lets time pass; the rest patch the set.
        case .rollout(let r):
            if case .history = r.action { false } else { true }
        case .config(let action):
            if case .setContext = action { true } else { false }
        // A POST changes the files on a volume (curl, or curl in a pod); sleep lets time pass.
        case .curl(let c): c.effectiveMethod.uppercased() != "GET"
        case .exec(_, _, let command): ["curl", "sleep"].contains(command.first?.text ?? "")
        // A shell may write files or sleep.
        case .execAttached: true
        case .get(let g): g.watch
        // logs -f lets time pass.
        case .logs(let l): l.follow
        // kubectl diff only runs server-side dry runs.
        case .diff, .apiResources, .explain, .describe, .describeFiles, .clock, .echo, .mode, .mark, .lesson, .dig,
            .proxy, .serve,
            .snapshot,
            .timeline, .events, .expect,
            .help,
            .history, .setting, .unwatch,
            .define,
            .quit, .undo, .unavailable, .save, .explore:
            false
        }
    }
}
