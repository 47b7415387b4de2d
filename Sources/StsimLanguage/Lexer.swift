import StsimEngine

/// What the lexer makes of a source text: commands in order, and errors where a line could not
/// be read. After an error the lexer resumes on the next line, so `--keep-going` can go on.
public enum LexedItem: Hashable, Sendable {
    case command(CommandText)
    /// `for ...; do ...; done`, expanded into commands when it runs.
    case loop(ForLoop)
    /// `incomplete` is true when more input would fix it (open quote, trailing `\`, here-document
    /// without its end): the prompt then asks for another line instead of reporting.
    case error(Diagnostic, incomplete: Bool)
}

/// Splits text into commands and words like a POSIX shell (the rules of command-language.md,
/// "Lexical rules"): quotes, backslash escapes, `#` comments, `;` and newlines, `\` continuation,
/// here-documents, `${NAME}` references, `for` loops (Lexer+Loops.swift). No globbing and no
/// other expansion.
public struct Lexer {
    let chars: [Character]
    let file: String
    let lines: [String]
    var pos = 0
    var line: Int
    var column = 1
    let firstLine: Int
    /// Columns the text was shifted left by (a lesson file's indented block), so locations
    /// still point into the file as written.
    let indent: Int
    /// The variables of the `for` loops around the cursor: `$NAME` of one of them is a reference.
    var loopVariables: [String] = []
    /// Inside `$(...)`: `)` ends a word.
    /// Inside `$(...)` or a backquoted command: the character that closes it ends words.
    var substitutionCloser: Character?
    /// In a script, the lines after `exec -it POD -- sh` up to `exit` are the shell's (at the
    /// prompt, the session opens a nested prompt instead).
    let readsShellLines: Bool

    struct Failure: Error {
        var diagnostic: Diagnostic
        var incomplete: Bool
        /// Where to go on after the error (a quote that never closed swallowed the rest of
        /// the input; the lexer resumes on the line after the one it opened on).
        var resume: (pos: Int, line: Int, column: Int)? = nil
    }

    struct PendingHereDocument {
        var delimiter: String
        var stripTabs: Bool
        var expands: Bool
        var location: SourceLocation
    }

    public static func lex(
        _ source: String, file: String, firstLine: Int = 1, indent: Int = 0, shellLines: Bool = true
    ) -> [LexedItem] {
        var lexer = Lexer(source: source, file: file, firstLine: firstLine, indent: indent, shellLines: shellLines)
        return lexer.run()
    }

    private init(source: String, file: String, firstLine: Int, indent: Int, shellLines: Bool) {
        self.indent = indent
        readsShellLines = shellLines
        column = 1 + indent
        // "\r\n" is one Character in Swift: without this, CRLF text would have no line ends.
        chars = source.map { $0 == "\r\n" ? "\n" : $0 }
        self.file = file
        lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        line = firstLine
        self.firstLine = firstLine
    }

    // MARK: - Commands

    private mutating func run() -> [LexedItem] {
        var items: [LexedItem] = []
        while pos < chars.count {
            do {
                if let item = try lexItem() { items.append(item) }
            } catch {
                items.append(.error(error.diagnostic, incomplete: error.incomplete))
                if let r = error.resume { (pos, line, column) = r }
                skipRestOfLine()
            }
        }
        return items
    }

    /// Reads one command up to `;`, a newline or the end (plus here-document bodies).
    mutating func lexCommand() throws(Failure) -> CommandText? {
        var words: [Word] = []
        var pending: PendingHereDocument?
        var hereDocument: HereDocument?
        var start: Int?
        var startLocation = here
        var end = pos

        loop: while pos < chars.count {
            let c = chars[pos]
            switch c {
            case " ", "\t", "\r":
                advance()
            case "\\" where peek(1) == "\n":
                advance()
                advance()
            case "\\" where pos + 1 == chars.count:
                throw trailingBackslash()
            case "#":
                while pos < chars.count && chars[pos] != "\n" { advance() }
                end = pos  // the text keeps the comment, at the end of input too
            case "\n":
                advance()
                if let p = pending {
                    hereDocument = try readHereDocument(p)
                    pending = nil
                }
                end = pos
                // A here-document without words still ends here (the parser reports it), so its
                // body is not attached to the next command.
                if !words.isEmpty || hereDocument != nil { break loop }
                start = nil
            case ";":
                if pending != nil {
                    throw Failure(
                        diagnostic: error(at: here, "a command with a here-document must end its line"),
                        incomplete: false)
                }
                advance()
                end = pos
                if !words.isEmpty { break loop }
            default:
                if start == nil {
                    start = pos
                    startLocation = here
                }
                if c == "<" && peek(1) == "<" {
                    pending = try readHereDocumentOperator(second: pending != nil || hereDocument != nil)
                } else {
                    words.append(try readWord())
                }
                end = pos
            }
        }
        return try commandText(
            words: words, pending: pending, hereDocument: hereDocument,
            span: start.map { ($0, end) }, location: startLocation)
    }

    /// The command read so far, or nil for a blank line; a here-document left without its body
    /// or without a command is an error.
    private func commandText(
        words: [Word], pending: PendingHereDocument?, hereDocument: HereDocument?,
        span: (start: Int, end: Int)?, location startLocation: SourceLocation
    ) throws(Failure) -> CommandText? {
        if let p = pending {
            // The command was the last line and had no newline: the body is missing.
            throw Failure(
                diagnostic: error(
                    at: p.location,
                    "here-document ended by the end of input (wanted \"\(p.delimiter)\")"),
                incomplete: true)
        }
        guard let (first, end) = span, !words.isEmpty || hereDocument != nil else {
            if hereDocument != nil || span != nil {
                throw Failure(
                    diagnostic: error(at: startLocation, "a here-document needs a command before it"),
                    incomplete: false)
            }
            return nil
        }
        var text = String(chars[first..<min(end, chars.count)])
        while let last = text.last, last == "\n" || last == ";" || last == " " { text.removeLast() }
        return CommandText(words: words, hereDocument: hereDocument, location: startLocation, text: text)
    }

    // MARK: - Words

    mutating func readWord() throws(Failure) -> Word {
        let location = here
        var parts: [WordPart] = []
        var literal = ""
        var quoted = false

        func flush() {
            if !literal.isEmpty {
                parts.append(.text(literal))
                literal = ""
            }
        }

        while pos < chars.count {
            let c = chars[pos]
            if c == " " || c == "\t" || c == "\n" || c == ";" || c == "\r" || c == substitutionCloser { break }
            switch c {
            case "'":
                quoted = true
                try readSingleQuoted(&literal)
            case "\"":
                quoted = true
                try readDoubleQuoted(&parts, &literal)
            case "\\":
                try readEscape(&literal)
            case "`":
                // bash would run the command and split its output here; stsim runs only a
                // loop's `seq`, so anything else is said, never passed on as a word.
                throw Failure(
                    diagnostic: error(
                        at: here, "stsim runs a backquoted command only in a for loop's list: for i in `seq 0 2`",
                        hint: "write the value itself, or quote the backquote ('`') to pass it on as written"),
                    incomplete: false)
            case "$" where peek(1) == "{":
                flush()
                parts.append(try readVariable())
            case "$" where !loopVariables.isEmpty:
                if let part = loopVariable() {
                    flush()
                    parts.append(part)
                } else {
                    literal.append(c)
                    advance()
                }
            default:
                literal.append(c)
                advance()
            }
        }
        flush()
        return Word(parts: parts, location: location, wasQuoted: quoted)
    }

    /// A `\\` as the input's last character: more input was expected (the REPL asks for it).
    private func trailingBackslash() -> Failure {
        Failure(
            diagnostic: error(at: here, "a trailing \\ continues the command, but the input ended"), incomplete: true)
    }

    /// A single-quoted part of a word: every character up to the closing quote, as written.
    private mutating func readSingleQuoted(_ literal: inout String) throws(Failure) {
        let open = here
        let openAt = (pos, line, column)
        advance()
        while true {
            guard pos < chars.count else {
                throw Failure(
                    diagnostic: error(at: open, "unterminated single quote"), incomplete: true, resume: openAt)
            }
            if chars[pos] == "'" {
                advance()
                return
            }
            literal.append(chars[pos])
            advance()
        }
    }

    /// A backslash outside quotes: `\`-newline joins lines, any other character stands for itself.
    private mutating func readEscape(_ literal: inout String) throws(Failure) {
        guard let next = peek(1) else { throw trailingBackslash() }
        advance()
        if next != "\n" { literal.append(next) }
        advance()
    }

    /// A double-quoted part of a word: `\"`, `\\`, `\$` and `\`-newline escape; `${NAME}` and
    /// a loop's `$NAME` are references. The cursor is on the opening quote.
    private mutating func readDoubleQuoted(_ parts: inout [WordPart], _ literal: inout String) throws(Failure) {
        let open = here
        let openAt = (pos, line, column)
        advance()
        while true {
            guard pos < chars.count else {
                throw Failure(
                    diagnostic: error(at: open, "unterminated double quote"), incomplete: true, resume: openAt)
            }
            let d = chars[pos]
            if d == "\"" {
                advance()
                return
            }
            if d == "\\", let next = peek(1) {
                if next == "\n" {
                    advance()
                    advance()
                    continue
                }
                if next == "\"" || next == "\\" || next == "$" {
                    advance()
                    literal.append(next)
                    advance()
                    continue
                }
            }
            if d == "$", peek(1) == "{" || !loopVariables.isEmpty,
                let part = peek(1) == "{" ? try readVariable() : loopVariable()
            {
                if !literal.isEmpty {
                    parts.append(.text(literal))
                    literal = ""
                }
                parts.append(part)
                continue
            }
            literal.append(d)
            advance()
        }
    }

    /// `${NAME}`; the cursor is on `$`.
    private mutating func readVariable() throws(Failure) -> WordPart {
        let location = here
        advance()
        advance()
        var name = ""
        while pos < chars.count, chars[pos] != "}" {
            if chars[pos] == "\n" || chars[pos] == "\"" { break }
            name.append(chars[pos])
            advance()
        }
        guard pos < chars.count, chars[pos] == "}" else {
            throw Failure(diagnostic: error(at: location, "\"${\" without a closing \"}\""), incomplete: false)
        }
        advance()
        guard Lexer.isVariableName(name) else {
            throw Failure(
                diagnostic: error(
                    at: location, "\"\(name)\" is not a variable name",
                    hint: "names are letters, digits and _, not starting with a digit"),
                incomplete: false)
        }
        return .variable(name: name, at: location)
    }

    public static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    // MARK: - Cursor

    var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    func peek(_ offset: Int) -> Character? {
        pos + offset < chars.count ? chars[pos + offset] : nil
    }

    mutating func advance() {
        if chars[pos] == "\n" {
            line += 1
            column = 1 + indent
        } else {
            column += 1
        }
        pos += 1
    }

    private mutating func skipRestOfLine() {
        while pos < chars.count, chars[pos] != "\n" { advance() }
        if pos < chars.count { advance() }
    }

    func error(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        let index = location.line - firstLine
        let text = index >= 0 && index < lines.count ? lines[index] : nil
        return Diagnostic(at: location, message, sourceLine: text, hint: hint)
    }
}
