import StsimEngine

/// `for NAME in WORDS...; do COMMANDS; done`, as tutorials write it
/// (`for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done`). The session expands a
/// loop into plain commands just before running it, so `let` variables in its list are known
/// and every command keeps the location of its line in the body.
public struct ForLoop: Hashable, Sendable {
    public var variable: String
    public var list: [LoopListItem]
    public var body: [LoopBodyItem]
    /// Where `for` is.
    public var location: SourceLocation
    /// The loop as written, for `--echo` and history.
    public var text: String

    /// Commands one loop (its nested loops included) may expand to: a typo such as
    /// `$(seq 1 100000000)` must not fill memory.
    public static let commandLimit = 10_000
}

/// One item of a loop's list: a word, or `$(seq ...)`, which gives one word per number.
public enum LoopListItem: Hashable, Sendable {
    case word(Word)
    case seq(arguments: [Word], at: SourceLocation)
}

/// One command of a loop's body, or a loop nested in it.
public indirect enum LoopBodyItem: Hashable, Sendable {
    case command(CommandText)
    case loop(ForLoop)
}

extension ForLoop {
    /// The body's commands once for each value, with `$NAME`/`${NAME}` of the loop variables
    /// replaced; `variables` (the `let` ones) resolve the list.
    public func commands(variables: [String: String]) throws(Diagnostic) -> [CommandText] {
        var out: [CommandText] = []
        try expand(into: &out, bindings: [:], variables: variables, outermost: location)
        return out
    }

    private func expand(
        into out: inout [CommandText], bindings: [String: String], variables: [String: String],
        outermost: SourceLocation
    ) throws(Diagnostic) {
        for value in try values(bindings: bindings, variables: variables) {
            var inner = bindings
            inner[variable] = value
            for item in body {
                switch item {
                case .command(let command):
                    guard out.count < ForLoop.commandLimit else { throw ForLoop.tooMany(at: outermost) }
                    out.append(command.substituting(inner))
                case .loop(let loop):
                    try loop.expand(into: &out, bindings: inner, variables: variables, outermost: outermost)
                }
            }
        }
    }

    private static func tooMany(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            at: location,
            "this loop would run more than \(ForLoop.commandLimit.groupedDigits) commands, stsim's limit for one loop",
            hint: "run it in parts, with fewer values in each")
    }

    /// The list's words, `$(seq ...)` counted out.
    func values(bindings: [String: String], variables: [String: String]) throws(Diagnostic) -> [String] {
        var values: [String] = []
        for item in list {
            switch item {
            case .word(let word):
                values.append(try word.expanded(with: bindings.merging(variables) { bound, _ in bound }))
            case .seq(let arguments, let at):
                var numbers: [Int] = []
                for word in arguments {
                    let text = try word.expanded(with: bindings.merging(variables) { bound, _ in bound })
                    guard let n = Int(text) else {
                        throw Diagnostic(
                            at: word.location, "seq: invalid number \"\(text)\"", hint: "seq takes whole numbers")
                    }
                    numbers.append(n)
                }
                values += try Self.seq(numbers, at: at, room: ForLoop.commandLimit - values.count)
            }
        }
        return values
    }

    /// `seq LAST`, `seq FIRST LAST`, `seq FIRST STEP LAST`, as coreutils counts.
    static func seq(_ n: [Int], at location: SourceLocation, room: Int) throws(Diagnostic) -> [String] {
        let (first, step, last) = n.count == 1 ? (1, 1, n[0]) : n.count == 2 ? (n[0], 1, n[1]) : (n[0], n[1], n[2])
        guard step != 0 else { throw Diagnostic(at: location, "seq: the step must not be 0") }
        if step > 0 ? first > last : first < last { return [] }
        // Counted before any number is made: `seq 1 100000000` must not fill memory first.
        let distance = last.subtractingReportingOverflow(first)
        guard !distance.overflow, distance.partialValue / step < room else {
            throw Diagnostic(
                at: location,
                "this seq gives more than \(ForLoop.commandLimit.groupedDigits) numbers, stsim's limit for one loop")
        }
        return stride(from: first, through: last, by: step).map(String.init)
    }
}

extension CommandText {
    /// The command with the loop variables in `bindings` replaced by their values.
    func substituting(_ bindings: [String: String]) -> CommandText {
        var copy = self
        copy.words = words.map { $0.substituting(bindings) }
        if var doc = hereDocument {
            doc.body = Word.substitute(doc.body, bindings)
            copy.hereDocument = doc
        }
        return copy
    }
}

extension Word {
    func substituting(_ bindings: [String: String]) -> Word {
        var copy = self
        copy.parts = Word.substitute(parts, bindings)
        return copy
    }

    static func substitute(_ parts: [WordPart], _ bindings: [String: String]) -> [WordPart] {
        parts.map { part in
            if case .variable(let name, _) = part, let value = bindings[name] { return .text(value) }
            return part
        }
    }
}
