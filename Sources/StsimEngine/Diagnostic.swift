/// Where a piece of input came from: a script, a manifest, the prompt. Lines and columns
/// count from 1; columns count characters, not bytes, so a caret lines up under UTF-8 text.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One finding about the user's input, as a value: every stage (lexer, parser, manifest
/// loader, executor) reports through this one type, and a single printer formats them all.
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The text of the offending line, shown under the message with a caret.
    public var sourceLine: String?
    /// A short extra line such as "did you mean "scale"?"
    public var hint: String?

    public init(
        _ severity: Severity = .error, at location: SourceLocation? = nil, _ message: String,
        sourceLine: String? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.hint = hint
    }
}
