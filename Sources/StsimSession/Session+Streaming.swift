import StsimEngine
import StsimLanguage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scripts and standard input, run as they are read: one command at a time, so memory follows
/// the longest command, not the length of the input.
extension Session {
    /// Runs the script read from `fd` (a file or standard input); the exit status of
    /// `runScript(_:file:)`, or 130 when SIGINT stopped it.
    public func runScript(reading fd: Int32, file: String) -> Int32 {
        interactive = false
        interrupted = { [unowned self] in self.scriptShouldStop() }
        return status(of: runStream(fd: fd, file: file))
    }

    func status(of outcome: Outcome) -> Int32 {
        switch outcome {
        case .interrupted: 130
        case .failed: 1
        case .ok, .quit: 0
        }
    }

    func runStream(fd: Int32, file: String) -> Outcome {
        var reader = LineReader(fd: fd, limit: options.limits.lineBytes) { [unowned self] in
            self.scriptStop() == .interrupted
        }
        var command = PendingCommand()
        var failed = false
        var lineNumber = 0
        while let item = reader.next() {
            lineNumber += 1
            defer { reader.limit = options.limits.lineBytes }
            let outcome: Outcome
            switch item {
            case .tooLong:
                // Reading stopped inside the line: what follows cannot be told apart.
                return lineTooLong(at: SourceLocation(file: file, line: lineNumber, column: 1))
            case .line(let text):
                let line = lineNumber == 1 && text.hasPrefix("#!") ? "#" + text.dropFirst() : text
                guard let ready = command.add(line, number: lineNumber, limit: options.limits.commandBytes) else {
                    continue
                }
                command = PendingCommand()
                // The rest of a command too long to keep cannot be told from the next commands.
                if ready.tooLong { return commandTooLong(ready, file: file) }
                outcome = runText(ready.text, file: file, firstLine: ready.firstLine)
            }
            switch outcome {
            case .ok: break
            case .failed: failed = true
            case .quit, .interrupted: return outcome
            }
            if failed && !options.keepGoing { return .failed }
        }
        if let stop = scriptStopOutcome(at: SourceLocation(file: file, line: max(1, lineNumber), column: 1)) {
            return stop
        }
        if !command.text.isEmpty, runText(command.text, file: file, firstLine: command.firstLine) != .ok {
            return .failed
        }
        return failed ? .failed : .ok
    }

    private func lineTooLong(at location: SourceLocation) -> Outcome {
        report(
            Diagnostic(
                at: location,
                "this line is longer than stsim's limit of \(options.limits.lineBytes.groupedDigits) bytes; the script stops here",
                hint: raiseHint("max-line", "BYTES")))
        return .failed
    }

    private func commandTooLong(_ command: PendingCommand, file: String) -> Outcome {
        report(
            Diagnostic(
                at: SourceLocation(file: file, line: command.firstLine, column: 1),
                "this command (with its continuation lines and here-document) passes stsim's limit of \(options.limits.commandBytes.groupedDigits) bytes; the script stops here",
                hint: raiseHint("max-command", "BYTES")))
        return .failed
    }
}

/// The lines of one command being read: complete once the lexer has nothing open (a quote, a
/// trailing `\`, a here-document). A long command is lexed again only when a line could close
/// what is open, or when it doubled in size (the fallback that keeps this right whatever the
/// lexer's words), so reading stays linear in the input.
struct PendingCommand {
    var text = ""
    var firstLine = 1
    var tooLong = false
    private var lexedBytes = 0
    private var closes: (Substring) -> Bool = { _ in true }

    /// Adds a line; returns the command when it is complete or too long to go on with.
    mutating func add(_ line: String, number: Int, limit: Int) -> PendingCommand? {
        if text.isEmpty { firstLine = number }
        if text.utf8.count + line.utf8.count + 1 > limit {
            tooLong = true
            return self
        }
        text += line
        text += "\n"
        let size = text.utf8.count
        // Most lines are whole commands with nothing that could stay open: no need to lex twice.
        if size == line.utf8.count + 1, !line.utf8.contains(where: Self.mayOpen), !Self.mayOpenLoop(line) {
            return self
        }
        guard size < 1 << 16 || size >= 2 * lexedBytes || closes(Substring(line)) else { return nil }
        lexedBytes = size
        // Without its last newline, as at the prompt: a trailing `\` then asks for the next line.
        guard let open = Self.openConstruct(String(text.dropLast())) else { return self }
        closes = Self.closing(open)
        return nil
    }

    /// Quotes, `\\` and `<` (a here-document) are the only bytes that can leave a command open.
    private static func mayOpen(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "<")
    }

    /// A `for` (or a refused `while`/`until`) loop stays open until its `done`; the shell of
    /// `exec -it POD -- sh` until its `exit`.
    private static func mayOpenLoop(_ line: String) -> Bool {
        line.contains("for") || line.contains("while") || line.contains("until") || line.contains("exec")
            || line.contains("run")
    }

    /// The lexer's message for what is still open, or nil when the text is complete.
    private static func openConstruct(_ text: String) -> String? {
        for item in Lexer.lex(text, file: "") {
            if case .error(let d, true) = item { return d.message }
        }
        return nil
    }

    /// Which lines could close it: the here-document's delimiter line, a line with the quote.
    private static func closing(_ message: String) -> (Substring) -> Bool {
        if let r = message.firstRange(of: "(wanted \""), message.hasSuffix("\")") {
            let delimiter = message[r.upperBound...].dropLast(2)
            return { line in line.drop { $0 == "\t" } == delimiter }
        }
        if message.contains("has no \"done\"") { return { $0.contains("done") } }
        if message.contains("up to exit") { return { $0.contains("exit") } }
        if message.contains("single quote") { return { $0.contains("'") } }
        if message.contains("double quote") { return { $0.contains("\"") } }
        return { !$0.hasSuffix("\\") }
    }
}
