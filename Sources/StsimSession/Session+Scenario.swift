import StsimEngine
import StsimLanguage

/// A scenario split the way `explore` uses it: the commands that build the starting point, and
/// the history checks that every schedule must pass.
public struct ScenarioScript: Sendable {
    /// The commands that ran, as written (here-documents included), in order.
    public var setup: [String]
    public var properties: [ScenarioProperty]
}

/// One of a scenario's history checks (`expect always|never|eventually ...`).
public struct ScenarioProperty: Sendable {
    /// The check as written.
    public let text: String
    let expectation: Expectation
}

/// A command parsed once and run many times (a fault `explore` injects).
public struct PreparedCommand: Sendable {
    public let text: String
    let source: CommandText
    let command: Command
}

/// Keeps what a quiet session prints to standard error (the diagnostics) and drops the rest.
final class DiagnosticsOnly: OutputSink {
    var errors = ""
    func write(_ text: String, toStandardError: Bool) { if toStandardError { errors += text } }
}

/// The session as `explore` drives it: a quiet session runs the scenario once, then lends its
/// language to the search (faults as the commands a script would use, checks as `expect`).
extension Session {
    /// A session that prints nothing but keeps its diagnostics.
    public static func quiet(_ options: Options) -> Session {
        var o = options
        o.echo = false
        o.keepGoing = false
        return Session(options: o, output: DiagnosticsOnly())
    }

    /// The cluster the session works on; `explore` swaps in the clones it explores.
    public var simulation: Cluster {
        get { cluster }
        set { cluster = newValue }
    }

    /// Runs the scenario in step mode, setting its history checks aside. On failure: the
    /// diagnostic, as `FILE:LINE:COL: ...`.
    public func runScenario(_ text: String, file: String) -> Result<ScenarioScript, ScenarioFailure> {
        autoMode = false
        interactive = false
        remember(source: text, as: file, firstLine: 1)
        var script = ScenarioScript(setup: [], properties: [])
        for item in Lexer.lex(text, file: file) {
            switch item {
            case .error(let diagnostic, _):
                report(diagnostic)
                return .failure(ScenarioFailure(message: diagnostics))
            case .command(let command):
                if case .expect(let e)? = try? Parser.parse(command, variables: variables), case .history = e {
                    script.properties.append(ScenarioProperty(text: command.text, expectation: e))
                    continue
                }
                guard runCommand(command) == .ok else { return .failure(ScenarioFailure(message: diagnostics)) }
                script.setup.append(command.text)
            case .loop(let loop):
                guard runLoop(loop) == .ok else { return .failure(ScenarioFailure(message: diagnostics)) }
                script.setup.append(loop.text)
            }
        }
        // The checks look at what happens from here on (the counterexample scripts mark this
        // moment and check `since` it).
        sessionScope = HistoryScope.now(cluster, name: "the scenario's end")
        return .success(script)
    }

    private var diagnostics: String {
        ((printer.sink as? DiagnosticsOnly)?.errors ?? "").trimmingSuffix("\n")
    }

    /// Parses a command once, for running it on many clusters.
    public func prepare(_ line: String) -> PreparedCommand? {
        guard case .command(let text)? = Lexer.lex(line, file: "<explore>").first,
            let command = try? Parser.parse(text, variables: variables)
        else { return nil }
        return PreparedCommand(text: line, source: text, command: command)
    }

    /// Runs a prepared command on the current cluster, with no undo state and no output; false
    /// when the command failed (a fault that does not apply here).
    public func run(_ prepared: PreparedCommand) -> Bool {
        printer.startCommand()
        return (try? execute(prepared.command, text: prepared.source)) == .ok
    }

    /// Why the check fails on the current cluster's history, or nil when it holds.
    public func failure(of property: ScenarioProperty) -> String? {
        do {
            _ = try expect(property.expectation)
            return nil
        } catch let f as ExpectationFailure {
            return f.message
        } catch {
            return "\(error)"
        }
    }
}

public struct ScenarioFailure: Error, Sendable {
    public var message: String
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var s = self
        while s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }
}
