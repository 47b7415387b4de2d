import Foundation
import StsimExplore
import StsimSession
import StsimTerminal

/// Chooses what to drive: the prompt, a script file, standard input or `-c`.
struct Launch {
    let command: StsimCommand
    let options: Session.Options

    func run() -> Int32 {
        var script = command.script
        var rest = command.scriptArguments
        switch script {
        case "run":
            guard !rest.isEmpty else { return usage("run needs a FILE.sts") }
            script = rest.removeFirst()
        case "tutorial":
            printError("stsim: tutorials are the lessons now: stsim lesson list")
            return 2
        case "lesson": return LessonLaunch(options: options).run(rest)
        default: break
        }
        let output = PromptOutput()
        let session = Session(options: options, output: output)
        // The process ends right after the run: freeing a large cluster object by object only
        // delays the exit (a few percent of a 100,000-pod run), so the session is never freed.
        Self.keptUntilExit = session
        session.lessonLibrary = FileLessonLibrary()
        // A progress line only where someone watches: standard output is a terminal.
        if let width = options.terminalWidth { session.progressDisplay = ProgressBridge(width: width) }
        session.exploreHandler = Exploration.run
        let serving = ServeBridge()
        serving.promptOutput = output
        session.apiServer = serving
        if script == "explore" {
            // `stsim explore FILE FLAGS...` is the language's `explore` command, word for word.
            watchForStops(session)
            return session.runScript("explore " + rest.map(Self.quoted).joined(separator: " "), file: "<command-line>")
        }
        if let file = command.loadFile, !session.start(from: file) { return 1 }
        for pair in rest {
            guard let eq = pair.firstIndex(of: "="),
                session.define(String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
            else { return usage("script arguments are NAME=VALUE, not \"\(pair)\"") }
        }
        if let commands = command.commands {
            watchForStops(session)
            return serveOn(serving, after: session.runScript(commands, file: "<command-line>"))
        }
        if let script, script != "-" {
            let fd = open(script, O_RDONLY)
            var isDirectory: ObjCBool = false
            guard fd >= 0, FileManager.default.fileExists(atPath: script, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { return usage("cannot read the script \"\(script)\"") }
            defer { close(fd) }
            watchForStops(session)
            return serveOn(serving, after: session.runScript(reading: fd, file: script))
        }
        if script == nil && isatty(0) == 1 {
            print(Self.welcome)
            output.atPrompt = isatty(1) == 1
            let status = Repl.run(host: ReplBridge(session: session))
            serving.stop()
            return status
        }
        watchForStops(session)
        return serveOn(serving, after: session.runScript(reading: 0, file: "<stdin>"))
    }

    /// A script that ran `serve` (and not `serve stop`) serves on after its last line until
    /// Ctrl-C, as `stsim serve FILE.sts` does; the exit status is the script's.
    private func serveOn(_ serving: ServeBridge, after status: Int32) -> Int32 {
        guard let place = serving.place else { return status }
        printError("stsim: the script has ended; serving the cluster on \(place.url) until Ctrl-C")
        serving.waitForStop()
        serving.stop()
        return status
    }

    /// One shell word, single-quoted.
    private static func quoted(_ word: String) -> String {
        "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Script mode stops on SIGINT (exit 130) and at the wall-clock budget of `--timeout`.
    private func watchForStops(_ session: Session) {
        ScriptInterrupt.install()
        let budget = command.cluster.limits.timeout
        let deadline = budget.flatMap(SessionLimits.milliseconds(of:)).map {
            Date().addingTimeInterval(Double($0) / 1000)
        }
        session.scriptStop = {
            if ScriptInterrupt.pending { return .interrupted }
            if let deadline, let budget, Date() >= deadline { return .timedOut(budget: budget) }
            return nil
        }
    }

    nonisolated(unsafe) private static var keptUntilExit: Session?

    static let welcome =
        "stsim: a simulated Kubernetes 1.32 cluster in virtual time, for learning StatefulSets. Type help for the commands, lesson for a guided lesson."

    private func usage(_ message: String) -> Int32 {
        printError("stsim: \(message)")
        return 2
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// The prompt drives the session through the terminal layer's protocol.
final class ReplBridge: ReplHost {
    let session: Session
    init(session: Session) { self.session = session }

    // While `serve` serves, each call takes its turn with the API's requests.
    var prompt: String { session.serialised { session.prompt } }
    func needsMoreInput(_ text: String) -> Bool { session.serialised { session.needsMoreInput(text) } }
    func execute(_ text: String, interrupted: @escaping () -> Bool) -> Bool {
        session.serialised { session.runInteractive(text, interrupted: interrupted) }
    }
    func completions(linePrefix: String) -> [String] {
        session.serialised { session.completions(linePrefix: linePrefix) }
    }
    var nestedPrompt: String? { session.serialised { session.nestedPrompt } }
    func endNestedInput() { session.serialised { session.endNestedInput() } }
}
