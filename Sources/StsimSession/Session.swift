import StsimEngine
import StsimLanguage
import StsimRender

/// One learner's session: a simulated cluster, the language's variables and settings, and the
/// history of what was typed. The prompt, scripts, `-c` and tests all drive it the same way.
public final class Session {
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        public var echo = false
        public var keepGoing = false
        /// Nodes that take workloads; nil: the profile's own number (3, minikube 1).
        public var workerCount: Int?
        /// The real cluster to imitate (`--cluster`, `reset --cluster`).
        public var profile: ClusterProfile = .stsim
        /// ANSI colour in diagnostics: only on a terminal and never with NO_COLOR (decided by
        /// the terminal layer; scripts piped into files stay plain).
        public var colour = false
        /// The terminal's columns when output is a terminal (pictures fit it); nil otherwise.
        public var terminalWidth: Int?
        public var limits = SessionLimits()
        /// `--feature-gates`, `set feature-gate`; a new cluster (reset, seed) starts with them.
        public var featureGates = FeatureGates()
        /// Lets scripts read and write host files outside their folder and the working directory.
        public var allowHostFiles = false
        public init() {}

        /// The names `--cluster` takes.
        public static var clusterNames: [String] { ClusterProfile.allCases.map(\.rawValue) }

        /// `--cluster NAME`; a name not in `clusterNames` leaves the profile as it was.
        public mutating func useCluster(named name: String) {
            if let p = ClusterProfile(rawValue: name) { profile = p }
        }
    }

    enum Outcome {
        case ok
        case failed
        case quit
        /// SIGINT stopped a script (exit status 130).
        case interrupted
    }

    let printer: Printer
    var options: Options
    var cluster: Cluster { didSet { lendProcessTools() } }
    var variables: [String: String] = [:]
    /// Bytes of every variable's name and value, kept by `checkVariableBudget`.
    var variableBytesHeld = 0
    var autoMode = true
    /// Set while `serve --realtime FACTOR` serves: virtual time follows the wall clock × FACTOR,
    /// and writes do not settle (autoSettle).
    public var realtimeFactor: Double?
    var settleLimit = VirtualDuration.seconds(600)
    var watchLimit = 40
    var history: [String] = []
    /// The source text last run from each file (its first line's number and its lines), so a
    /// diagnostic can show the offending line; only the latest command's, so a streamed script
    /// does not pile up.
    var sources: [String: (firstLine: Int, lines: [String])] = [:]
    var previousOutput = ""
    var interrupted: () -> Bool = { false }
    /// Asked between commands and during time runs of a script: the executable's SIGINT flag
    /// and wall-clock budget.
    public var scriptStop: () -> ScriptStop? = { nil }
    var stopCause: ScriptStopCause?
    /// The limits stsim started with: a script may lower them, never raise them above these.
    let startingLimits: SessionLimits
    var eventsAtCommandStart = 0
    /// Scripts being run by `run FILE`, to refuse a script that runs itself.
    var runningScripts: [String] = []
    var interactive = false
    /// The container shell reading the lines typed at the prompt (`exec -it POD -- sh`).
    var nestedShell: NestedShell?
    /// While a `for` loop's commands run.
    var runningLoop = false
    /// The prompt the user saw while typing, so a caret can line up under the typed line.
    var promptAtStart = ""
    var watchFormatter = WatchFormatter()
    /// The `get -w` left open in mode auto: later changes print as its rows (Session+Watch.swift).
    var standingWatch: StandingWatch?
    var undoStates: [UndoState] = []
    /// The settle summary's counts, kept across commands (and across undo and load: a tally
    /// recognises the chunks it already counted, in whichever cluster they are).
    let podTally = ObjectTally(.pod) { o in if case .pod(let p) = o { SettleSummary.podWord(p) } else { "" } }
    let claimTally = ObjectTally(.persistentVolumeClaim) { o in
        if case .persistentVolumeClaim(let c) = o { SettleSummary.claimWord(c) } else { "" }
    }
    /// The port the simulated kubectl proxy serves on, once `proxy` started it (it lives as
    /// long as the session).
    var proxyPort: Int?
    /// The `-n` of the command running now, if it gave one (create -f and apply compare it with
    /// the manifests' own namespaces, as kubectl does).
    var explicitNamespace: String?
    /// StatefulSets already warned about for hostPath (once each).
    var hostPathWarned: Set<String> = []
    /// stsim's notes about the document just written, printed after kubectl's line for it.
    var documentNotes: [Diagnostic] = []
    /// `mark NAME` points in the history, for `expect since NAME ...`.
    var marks: [String: HistoryScope] = [:]
    /// Where history checks start without `since`: the session's start, or the last reset.
    var sessionScope = HistoryScope(sequence: 0, time: .zero, name: "the start")
    /// In a lesson, the current step's start (history checks look only at the step).
    var stepScope: HistoryScope?
    /// The start of the last command that was not a check: `expect within` counts from it.
    var previousCommandStart = HistoryScope(sequence: 0, time: .zero, name: "the start")
    /// Lessons and progress, when the executable provides them.
    public var lessonLibrary: LessonLibrary?
    /// `explore`'s search, when the executable provides it (it lives in a target above this one).
    public var exploreHandler: ((ExploreContext) throws -> Bool)?
    var lessonRun: LessonRun?
    /// Above zero while a lesson's own setup or checks run (they must not trigger checks).
    var lessonBlockDepth = 0
    /// Sees every drained batch of changes before it is printed or discarded (the loopback API's
    /// watches are fed from here).
    var changeObserver: ((ChangeBatch) -> Void)?
    /// Draws a line of progress during long runs, when output is a terminal (set by the executable).
    public var progressDisplay: ProgressDisplay?
    /// `serve`'s loopback API, when the executable provides it (Session+Serve.swift).
    public var apiServer: APIServing?
    /// A person at the prompt drives this session (a script it runs still ends at the prompt).
    var drivenByPrompt = false

    public init(options: Options = Options(), output: OutputSink = StandardOutput()) {
        self.options = options
        startingLimits = options.limits
        printer = Printer(sink: output)
        printer.allowColour = options.colour
        cluster = Session.makeCluster(options)
        lendProcessTools()
        // The default cluster's own objects are the starting point, not news.
        _ = discardChanges()
    }

    static func makeCluster(_ options: Options) -> Cluster {
        var config = ClusterConfig()
        config.limits = options.limits.cluster
        if options.featureGates != FeatureGates() { config.featureGates = options.featureGates }
        config.seed = options.seed
        config.profile = options.profile
        config.workerCount = options.workerCount ?? options.profile.defaultNodeCount
        return Cluster(config: config)
    }

    /// `stsim 00:01:30> `: the virtual clock is always in view.
    public var prompt: String { "stsim \(cluster.now)> " }

    // MARK: - Entry points

    /// Runs a whole script; the exit status of command-language.md ("Running"): 0 when every
    /// command and `expect` held, 1 otherwise.
    public func runScript(_ text: String, file: String) -> Int32 {
        interactive = false
        interrupted = { [unowned self] in self.scriptShouldStop() }
        return status(of: runText(text, file: file, firstLine: 1))
    }

    /// Runs what was typed at the prompt. Returns false when the user asked to leave.
    public func runInteractive(_ text: String, interrupted: @escaping () -> Bool) -> Bool {
        interactive = true
        drivenByPrompt = true
        promptAtStart = prompt
        self.interrupted = interrupted
        defer { self.interrupted = { false } }
        if nestedShell != nil {
            runNestedLine(text)
            return true
        }
        return runText(text, file: "<prompt>", firstLine: 1) != .quit
    }

    /// True while the text is an unfinished command (open quote, trailing `\`, open here-document).
    public func needsMoreInput(_ text: String) -> Bool {
        nestedShell == nil
            && Lexer.lex(text, file: "<prompt>", shellLines: false).contains {
                if case .error(_, let incomplete) = $0 { return incomplete }
                return false
            }
    }

    // MARK: - Running text

    /// `indent`: the text is a lesson block whose lines were shifted left; the lesson file's own
    /// text is already remembered for diagnostics.
    func runText(_ text: String, file: String, firstLine: Int, indent: Int = 0) -> Outcome {
        if indent == 0 { remember(source: text, as: file, firstLine: firstLine) }
        var failed = false
        for item in Lexer.lex(text, file: file, firstLine: firstLine, indent: indent, shellLines: !interactive) {
            switch item {
            case .error(let diagnostic, _):
                report(diagnostic)
                failed = true
            case .command(let command):
                if let stop = scriptStopOutcome(at: command.location) { return stop }
                if interactive { history.append(command.text) }
                if options.echo { printer.line("\(prompt)\(command.text)") }
                switch serialised({ runCommand(command) }) {
                case .ok: break
                case .failed: failed = true
                case .quit: return .quit
                case .interrupted: return .interrupted
                }
                if lessonRun != nil && !isLessonCommand(command) { lessonAfterCommand() }
                if let stop = scriptStopOutcome(at: command.location) { return stop }
            case .loop(let loop):
                switch serialised({ runLoop(loop) }) {
                case .ok: break
                case .failed: failed = true
                case .quit: return .quit
                case .interrupted: return .interrupted
                }
            }
            if failed && !options.keepGoing && !interactive { return .failed }
        }
        return failed ? .failed : .ok
    }

    /// Parses and executes one command; reports its errors.
    func runCommand(_ text: CommandText) -> Outcome {
        let before = previousOutput
        eventsAtCommandStart = cluster.processedEvents
        // A check, and `save`/`load` (which keep the session as it was), leave "the last command"
        // as it was: `expect within` after a save must count from what the learner last did.
        if !isExpectation(text) && !isStateFileCommand(text) {
            previousCommandStart = HistoryScope.now(cluster, name: "the start of `\(text.text)`")
        }
        printer.startCommand()
        // `expect output` looks at the last command that was not itself a check.
        defer { previousOutput = isExpectation(text) ? before : printer.commandOutput }
        do {
            try checkExpansionSizes(text)
            guard let statement = try Parser.parseStatement(text, variables: variables) else { return .ok }
            let command = statement.command
            if case .define(let name, let value) = command { try checkVariableBudget(name, value) }
            keepForUndo(command, text: text)
            do {
                return try inNamespace(statement.namespace?.text) { try execute(command, text: text) }
            } catch {
                if command.mayChangeCluster { forgetUndoIfUnchanged() }
                throw error
            }
        } catch {
            report(error, at: text.location)
            return .failed
        }
    }

    private func isLessonCommand(_ text: CommandText) -> Bool {
        ["lesson", "hint", "solution", "skip", "restart"].contains(firstWord(text) ?? "")
    }

    private func firstWord(_ text: CommandText) -> String? {
        let words = text.words.compactMap { w -> String? in
            if case .text(let s)? = w.parts.first, w.parts.count == 1 { return s }
            return nil
        }
        return (words.first == "kubectl" ? Array(words.dropFirst()) : words).first
    }

    private func isExpectation(_ text: CommandText) -> Bool { commandWord(text) == "expect" }

    private func isStateFileCommand(_ text: CommandText) -> Bool { ["save", "load"].contains(commandWord(text)) }

    private func commandWord(_ text: CommandText) -> String? {
        let words = text.words.compactMap { w -> String? in
            if case .text(let s)? = w.parts.first, w.parts.count == 1 { return s }
            return nil
        }
        return words.first == "kubectl" ? words.dropFirst().first : words.first
    }

    func remember(source text: String, as file: String, firstLine: Int) {
        sources[file] = (firstLine, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    func sourceLine(_ location: SourceLocation) -> String? {
        guard let source = sources[location.file] else { return nil }
        let index = location.line - source.firstLine
        return source.lines.indices.contains(index) ? source.lines[index] : nil
    }
}
