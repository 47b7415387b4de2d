import StsimEngine
import StsimLanguage
import StsimRender

/// `save FILE`, `load FILE` and `stsim --load FILE`: the whole session state in a versioned JSON
/// file (`StateFile`), written atomically, read back so that what follows prints exactly what it
/// would have printed without the interruption.
extension Session {
    var savedState: SavedState {
        SavedState(
            session: SessionState(
                variables: variables, autoMode: autoMode, settleLimit: settleLimit, watchLimit: watchLimit,
                history: history, hostPathWarned: hostPathWarned, watchFormatter: watchFormatter,
                proxyPort: proxyPort, marks: marks, sessionScope: sessionScope,
                previousCommandStart: previousCommandStart),
            cluster: cluster.savedState)
    }

    func save(to path: Argument) throws {
        try writeHostFile(path, try StateFile.text(savedState))
        printer.line("saved \(path.text): the cluster at \(cluster.now): \(stateSummary)")
    }

    func load(from path: Argument) throws {
        try restore(from: path)
        printer.line("loaded \(path.text): the cluster is at \(cluster.now): \(stateSummary)")
    }

    /// Reads and checks the whole file before anything changes: on any error the session is
    /// untouched.
    func restore(from path: Argument) throws {
        let text = try readFile(path)
        let saved: SavedState
        do {
            saved = try StateFile.read(text)
        } catch let e as StateFileError {
            throw Diagnostic(at: SourceLocation(file: path.text, line: e.line, column: e.column), e.message)
        }
        cluster = Cluster(restoring: saved.cluster)
        // The gates are the session's setting as much as the cluster's: a later reset keeps them.
        options.featureGates = cluster.featureGates
        let s = saved.session
        variables = s.variables
        autoMode = s.autoMode
        settleLimit = s.settleLimit
        watchLimit = s.watchLimit
        history = s.history
        hostPathWarned = s.hostPathWarned
        watchFormatter = s.watchFormatter
        // A watch is the terminal's, not the cluster's: a loaded state starts without one.
        standingWatch = nil
        proxyPort = s.proxyPort
        marks = s.marks
        sessionScope = s.sessionScope
        previousCommandStart = s.previousCommandStart
    }

    /// `stsim --load FILE`: the session starts from a saved state; an error is reported at the
    /// file's place and the run stops (exit 1).
    public func start(from file: String) -> Bool {
        do {
            // The user named this file on the command line: it is theirs, not a script's, so the
            // confinement of scripts' host files does not apply.
            let saved = options.allowHostFiles
            options.allowHostFiles = true
            defer { options.allowHostFiles = saved }
            try restore(from: Argument(file, at: SourceLocation(file: "<command-line>", line: 1, column: 1)))
            return true
        } catch {
            report(error, at: SourceLocation(file: "<command-line>", line: 1, column: 1))
            return false
        }
    }

    private var stateSummary: String {
        summaryState()
    }
}
