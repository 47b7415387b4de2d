import StsimEngine
import StsimLanguage
import StsimRender

/// `stsim export FILE.sts`: a scenario as a bash script of kubectl commands for a real cluster.
/// Pure: the caller reads files (the script, the manifests its `-f` names) and prints the text.
public enum ScriptExport {
    /// The script for `source`, the text of `file`. `read` gives the text of a manifest file a
    /// command names (nil when it cannot be read here: the command then keeps its `-f PATH`).
    /// `variables` are the script's arguments (`NAME=VALUE`). The first lexer or parser error is
    /// thrown, located in `file`.
    public static func export(
        _ source: String, file: String, options: ExportOptions = ExportOptions(), variables: [String: String] = [:],
        read: @escaping (String) -> String? = { _ in nil }
    ) throws(Diagnostic) -> String {
        var state = ScriptState(
            out: ExportHeader.lines(file: file, options: options, variables: variables), variables: variables)
        for item in Lexer.lex(source, file: file) {
            switch item {
            case .error(let diagnostic, _): throw diagnostic
            case .command(let text):
                try state.translate(text, options: options, read: read)
            case .loop(let loop):
                state.out += BashText.comment("\(located(loop.location)): \(loop.text)")
                state.out.append("# (the loop, expanded: its commands once per value)")
                state.out.append("")
                for text in try loop.commands(variables: state.variables) {
                    try state.translate(text, options: options, read: read)
                }
            }
        }
        state.out.append("echo \(BashText.word("\(file): done"))")
        return state.out.joined(separator: "\n") + "\n"
    }

    /// A diagnostic as stsim prints it for a script: `FILE:LINE:COL: error: ...`, the line, a caret.
    public static func render(_ diagnostic: Diagnostic, source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return DiagnosticPrinter.render(diagnostic) { location in
            lines.indices.contains(location.line - 1) ? String(lines[location.line - 1]) : nil
        }
    }

    /// `FILE:LINE`, what every comment and failure message of the script points at.
    static func located(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }
}

/// What carries from one command to the next: `let` variables, and whether stsim would settle
/// after each command (mode auto) or only where the script says (mode step).
struct ScriptState {
    var out: [String]
    var variables: [String: String] = [:]
    var autoSettle = true
    /// The line in `out` where the last command that runs starts, for `expect output`.
    var lastRun: Int?

    mutating func translate(
        _ text: CommandText, options: ExportOptions, read: @escaping (String) -> String?
    ) throws(Diagnostic) {
        guard let statement = try Parser.parseStatement(text, variables: variables) else { return }
        let whereText = ScriptExport.located(text.location)
        let translator = try Translator(
            statement: statement, text: text, variables: variables, options: options, read: read)
        var t = translator.translate()
        switch statement.command {
        case .define(let name, let value):
            variables[name] = value
        case .mode(let auto):
            autoSettle = auto
        case .expect(.outputContains):
            // The check reads the output of the command before: that command tees it.
            if let lastRun {
                if !out[lastRun].hasPrefix("stsim_capture ") { out[lastRun] = "stsim_capture " + out[lastRun] }
            } else {
                t = .skip(whereText, firstLine(text.text), how: "look at the output of the command before it")
            }
        default: break
        }
        out += BashText.comment("\(whereText): \(firstLine(text.text))")
        out += t.notes.flatMap { BashText.comment($0) }
        if t.runs, let line = t.outputLine {
            lastRun = out.count + line
        } else if !isCheck(statement.command) {
            lastRun = nil
        }
        out += t.lines
        if t.changesCluster && autoSettle { out.append("stsim_settle \(BashText.word(whereText))") }
        out.append("")
    }

    /// Checks leave "the command before" as it was, as in stsim.
    private func isCheck(_ command: Command) -> Bool {
        if case .expect = command { return true }
        return false
    }

    private func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
