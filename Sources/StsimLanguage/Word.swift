import StsimEngine

/// A piece of a word: literal text, or a `${NAME}` reference resolved when the command runs
/// (a `let` earlier in the same script must be able to define it).
public enum WordPart: Hashable, Sendable {
    case text(String)
    case variable(name: String, at: SourceLocation)
}

/// One shell-style word of a command, after quote removal.
public struct Word: Hashable, Sendable {
    public var parts: [WordPart]
    public var location: SourceLocation
    /// True when any part of the word was quoted: `""` is an empty word, not nothing.
    public var wasQuoted: Bool

    public init(parts: [WordPart], location: SourceLocation, wasQuoted: Bool = false) {
        self.parts = parts
        self.location = location
        self.wasQuoted = wasQuoted
    }

    /// A plain word, for tests and for commands built by the session itself.
    public init(_ text: String, at location: SourceLocation) {
        self.init(parts: [.text(text)], location: location)
    }

    /// The word with variables replaced from `variables`; an unknown name is an error at its
    /// own location.
    public func expanded(with variables: [String: String]) throws(Diagnostic) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let s): out += s
            case .variable(let name, let at):
                guard let value = variables[name] else {
                    throw Diagnostic(
                        at: at, "undefined variable ${\(name)}",
                        hint: "define it first: let \(name) = VALUE")
                }
                out += value
            }
        }
        return out
    }
}

/// A line a shell in a container reads, as written in the script.
public struct ShellLine: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// A here-document attached to a command (`apply <<EOF ... EOF`).
public struct HereDocument: Hashable, Sendable {
    public var body: [WordPart]
    public var delimiter: String
    /// Location of the `<<` operator.
    public var location: SourceLocation
    /// Line number of the body's first line, so manifest errors point into the script.
    public var firstBodyLine: Int

    public init(body: [WordPart], delimiter: String, location: SourceLocation, firstBodyLine: Int) {
        self.body = body
        self.delimiter = delimiter
        self.location = location
        self.firstBodyLine = firstBodyLine
    }
}

/// One command as typed, before it is given meaning.
public struct CommandText: Hashable, Sendable {
    public var words: [Word]
    public var hereDocument: HereDocument?
    /// Where the command starts.
    public var location: SourceLocation
    /// The command exactly as written (with its here-document), for `--echo` and history.
    public var text: String
    /// In a script, the lines after `exec -it POD -- sh` up to `exit`: what the shell reads.
    public var shellLines: [ShellLine]?

    public init(words: [Word], hereDocument: HereDocument? = nil, location: SourceLocation, text: String) {
        self.words = words
        self.hereDocument = hereDocument
        self.location = location
        self.text = text
    }
}
