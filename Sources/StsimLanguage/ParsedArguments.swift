import StsimEngine

/// A command's words after the generic flag pass, handed to its spec's `build`.
public struct ParsedArguments: Sendable {
    public let spec: CommandSpec
    public let commandWord: Argument
    public private(set) var positionals: [Argument]
    public let flags: [String: [Argument]]
    /// The command's here-document: its text and the line its body starts on.
    public let hereDocument: (text: String, firstLine: Int)?
    /// The whole command, for commands that carry another command (`expect error ...`).
    public let commandText: CommandText
    /// The last positional word as written, for `endLocation` once the positionals are taken.
    private let lastWord: Argument

    init(
        spec: CommandSpec, commandWord: Argument, positionals: [Argument], flags: [String: [Argument]],
        hereDocument: (text: String, firstLine: Int)?, commandText: CommandText
    ) {
        self.spec = spec
        self.commandWord = commandWord
        self.positionals = positionals
        self.flags = flags
        self.hereDocument = hereDocument
        self.commandText = commandText
        lastWord = positionals.last ?? commandWord
    }

    public var remaining: Int { positionals.count }
    public var file: String { commandWord.location.file }

    public mutating func next(_ what: String) throws(Diagnostic) -> Argument {
        guard !positionals.isEmpty else {
            throw Diagnostic(at: endLocation, "\(spec.name): missing \(what)", hint: "usage: \(spec.usage[0])")
        }
        return positionals.removeFirst()
    }

    public mutating func nextIfAny() -> Argument? {
        positionals.isEmpty ? nil : positionals.removeFirst()
    }

    public func peek() -> Argument? { positionals.first }

    public mutating func pushBack(_ a: Argument) { positionals.insert(a, at: 0) }

    public mutating func rest() -> [Argument] {
        defer { positionals.removeAll() }
        return positionals
    }

    /// Call after taking what the command uses: a leftover word is an error.
    public func finish() throws(Diagnostic) {
        if let extra = positionals.first {
            throw Diagnostic(
                at: extra.location, "\(spec.name): unexpected argument \"\(extra.text)\"",
                hint: "usage: \(spec.usage[0])")
        }
    }

    public func flag(_ long: String) -> Argument? { flags[long]?.last }
    /// Every use of a repeatable flag, in order (`-f a.yaml -f b.yaml`).
    public func all(_ long: String) -> [Argument] { flags[long] ?? [] }
    public func has(_ long: String) -> Bool { flags[long] != nil }

    public func bool(_ long: String, default value: Bool = false) throws(Diagnostic) -> Bool {
        guard let a = flag(long) else { return value }
        switch a.text.lowercased() {
        case "true", "": return true
        case "false": return false
        default:
            throw Diagnostic(at: a.location, "--\(long) takes true or false, not \"\(a.text)\"")
        }
    }

    public func int(_ long: String) throws(Diagnostic) -> Int? {
        guard let a = flag(long) else { return nil }
        return try ParsedArguments.integer(a, what: "--\(long)")
    }

    public func duration(_ long: String) throws(Diagnostic) -> VirtualDuration? {
        guard let a = flag(long) else { return nil }
        return try ParsedArguments.duration(a)
    }

    public static func integer(_ a: Argument, what: String) throws(Diagnostic) -> Int {
        guard let v = Int(a.text) else {
            throw Diagnostic(at: a.location, "\(what) must be a whole number, not \"\(a.text)\"")
        }
        return v
    }

    /// A replica count: `spec.replicas` is an int32 in the API, so a larger count is refused here
    /// rather than handed to a controller that would try to create that many pods.
    public static func replicaCount(_ a: Argument, what: String) throws(Diagnostic) -> Int {
        let v = try integer(a, what: what)
        if v > Int(Int32.max) {
            throw Diagnostic(at: a.location, "\(what) must be at most 2147483647 (an int32), not \(a.text)")
        }
        return v
    }

    public static func duration(_ a: Argument) throws(Diagnostic) -> VirtualDuration {
        guard let d = DurationText.parse(a.text) else {
            throw Diagnostic(
                at: a.location, "\"\(a.text)\" is not a duration",
                hint: "write it like 500ms, 30s, 5m, 1h or 1m30s")
        }
        return d
    }

    public static func kind(_ a: Argument) throws(Diagnostic) -> ResourceKind {
        guard let k = ResourceKind(name: a.text) else {
            let u = ResourceKind.unknown(a.text)
            throw Diagnostic(at: a.location, u.message, hint: u.hint)
        }
        return k
    }

    public func choice(_ a: Argument, of choices: [String], what: String) throws(Diagnostic) -> String {
        if let c = choices.first(where: { $0.lowercased() == a.text.lowercased() }) { return c }
        throw Diagnostic(
            at: a.location,
            "\(what) must be one of \(choices.joined(separator: ", ")), not \"\(a.text)\"",
            hint: Suggestion.hint(for: a.text, in: choices))
    }

    /// One of an enum's cases by its raw text, so the command carries the case, not a string the
    /// session would have to check again.
    public func choice<E: RawRepresentable>(_ a: Argument, of cases: [E], what: String) throws(Diagnostic) -> E
    where E.RawValue == String {
        let text = try choice(a, of: cases.map(\.rawValue), what: what)
        for c in cases where c.rawValue == text { return c }
        return cases[0]  // not reached: `text` is one of the cases' raw values
    }

    /// Just past the last word, where a missing argument belongs.
    var endLocation: SourceLocation {
        let last = lastWord
        var l = last.location
        l.column += last.text.count + 1
        return l
    }
}
