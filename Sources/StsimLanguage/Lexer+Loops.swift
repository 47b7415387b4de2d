import StsimEngine

/// `for NAME in WORDS; do COMMANDS; done` over one line or several, as a POSIX shell reads it;
/// `$(seq ...)` in the list; `while` and `until` read whole and then refused, so the lines of
/// their body are not taken for commands of their own.
extension Lexer {
    static let loopKeywords: Set<String> = ["for", "while", "until", "do", "done"]

    /// The next command or loop, or nil at the end of the input.
    mutating func lexItem() throws(Failure) -> LexedItem? {
        skipBlanks()
        switch keywordHere() {
        case "for": return .loop(try lexForLoop())
        case "while", "until": try refuseWhileLoop()
        case let word?:
            throw Failure(
                diagnostic: error(at: here, "\"\(word)\" without a for loop before it", hint: Lexer.loopHint),
                incomplete: false)
        case nil:
            guard var command = try lexCommand() else { return nil }
            if readsShellLines, Lexer.opensShell(command) { command.shellLines = try readShellLines(command) }
            return .command(command)
        }
    }

    static let loopHint = "for i in 0 1; do kubectl exec \"web-$i\" -- hostname; done"

    /// How deep loops may nest: each level is a frame of the lexer's recursion, so a file of a
    /// thousand unfinished `for` lines must meet a bound, not the end of the stack.
    public static let maxLoopDepth = 8

    /// The cursor is on `for`.
    mutating func lexForLoop() throws(Failure) -> ForLoop {
        let start = pos
        let location = here
        guard loopVariables.count < Lexer.maxLoopDepth else {
            throw Failure(
                diagnostic: error(
                    at: location, "loops nest at most \(Lexer.maxLoopDepth) deep",
                    hint: "end an inner loop with done before opening another"),
                incomplete: false)
        }
        for _ in 0..<3 { advance() }
        let name = try loopVariableName(after: location)
        skipSpaces()
        guard pos < chars.count else { throw unfinished(location, "wants \"in\" and a list") }
        let inAt = here
        let inWord = try wordBeforeEnd()
        guard let inWord, Lexer.literal(inWord) == "in" else {
            throw Failure(
                diagnostic: error(at: inAt, "expected \"in\" after for \(name)", hint: Lexer.loopHint),
                incomplete: false)
        }
        let list = try loopList(location)
        try expectDo(location)
        loopVariables.append(name)
        defer { loopVariables.removeLast() }
        let body = try loopBody(opener: location, keyword: "for")
        var text = String(chars[start..<pos])
        while let last = text.last, last == "\n" || last == ";" || last == " " { text.removeLast() }
        return ForLoop(variable: name, list: list, body: body, location: location, text: text)
    }

    private mutating func loopVariableName(after location: SourceLocation) throws(Failure) -> String {
        skipSpaces()
        guard pos < chars.count else { throw unfinished(location, "wants a variable name") }
        let at = here
        let word = try wordBeforeEnd()
        guard let word, let name = Lexer.literal(word), Lexer.isVariableName(name) else {
            throw Failure(
                diagnostic: error(
                    at: at, "expected a variable name after for",
                    hint: "names are letters, digits and _, not starting with a digit: \(Lexer.loopHint)"),
                incomplete: false)
        }
        return name
    }

    /// The next word, or nil when the command ends here.
    private mutating func wordBeforeEnd() throws(Failure) -> Word? {
        chars[pos] == ";" || chars[pos] == "\n" ? nil : try readWord()
    }

    /// The words up to `;` or the end of the line.
    private mutating func loopList(_ location: SourceLocation) throws(Failure) -> [LoopListItem] {
        var list: [LoopListItem] = []
        while true {
            skipSpaces()
            guard pos < chars.count else { throw unfinished(location, "wants ; or a new line, then do") }
            switch chars[pos] {
            case ";", "\n":
                advance()
                return list
            case "#":
                while pos < chars.count, chars[pos] != "\n" { advance() }
            case "$" where peek(1) == "(":
                list.append(try readSubstitution())
            case "`":
                // The old form of $(...), as some tutorials still write it: for i in `seq 0 2`.
                list.append(try readSubstitution(backquoted: true))
            case "<" where peek(1) == "<":
                throw Failure(
                    diagnostic: error(at: here, "a for loop's list cannot take a here-document"), incomplete: false)
            default:
                let word = try readWord()
                list += try braceExpansion(word).map { .word($0) }
            }
        }
    }

    private mutating func expectDo(_ location: SourceLocation) throws(Failure) {
        skipBlanks()
        guard pos < chars.count else { throw unfinished(location, "wants \"do\"") }
        guard keywordHere() == "do" else {
            throw Failure(diagnostic: error(at: here, "expected \"do\"", hint: Lexer.loopHint), incomplete: false)
        }
        advance()
        advance()
    }

    /// Commands and nested loops up to `done`; the cursor is after `do`.
    private mutating func loopBody(opener: SourceLocation, keyword: String) throws(Failure) -> [LoopBodyItem] {
        var body: [LoopBodyItem] = []
        while true {
            skipBlanks()
            guard pos < chars.count else { throw unfinished(opener, "has no \"done\" yet", keyword: keyword) }
            switch keywordHere() {
            case "done":
                guard !body.isEmpty else {
                    throw Failure(
                        diagnostic: error(at: here, "a loop needs a command between do and done"), incomplete: false)
                }
                for _ in 0..<4 { advance() }
                skipSpaces()
                if pos < chars.count, chars[pos] != "\n", chars[pos] != ";", chars[pos] != "#" {
                    throw Failure(diagnostic: error(at: here, "expected ; or a new line after done"), incomplete: false)
                }
                if pos < chars.count, chars[pos] == ";" { advance() }
                return body
            case "for": body.append(.loop(try lexForLoop()))
            case "while", "until": try refuseWhileLoop()
            case "do":
                throw Failure(diagnostic: error(at: here, "a second \"do\" in one loop"), incomplete: false)
            default:
                if let command = try lexCommand() { body.append(.command(command)) }
            }
        }
    }

    /// Reads the whole loop (so its body is not run as commands), then refuses it.
    private mutating func refuseWhileLoop() throws(Failure) -> Never {
        let location = here
        let word = keywordHere() ?? "while"
        for _ in 0..<word.count { advance() }
        _ = try lexCommand()
        try expectDo(location)
        _ = try loopBody(opener: location, keyword: word)
        throw Failure(
            diagnostic: error(
                at: location, "stsim has no \(word) loop, only for",
                hint:
                    "count with for i in $(seq 1 5); do ...; done, or wait for a state with wait; a shell in a pod has \(word): exec POD -- sh -c '\(word) ...'"
            ), incomplete: false)
    }

    /// `$(seq ...)` or `` `seq ...` ``, the one command substitution stsim runs; the cursor is on
    /// `$` or the backquote.
    private mutating func readSubstitution(backquoted: Bool = false) throws(Failure) -> LoopListItem {
        let location = here
        let (opener, closer): (String, Character) = backquoted ? ("`", "`") : ("$(", ")")
        for _ in opener { advance() }
        substitutionCloser = closer
        defer { substitutionCloser = nil }
        var words: [Word] = []
        while true {
            skipSpaces()
            guard pos < chars.count, chars[pos] != "\n" else {
                throw Failure(
                    diagnostic: error(at: location, "\"\(opener)\" without a closing \"\(closer)\""), incomplete: false)
            }
            if chars[pos] == closer {
                advance()
                break
            }
            let start = pos
            words.append(try readWord())
            // A character that ends words without being one (`;`, `|`...): one seq, nothing more.
            guard pos > start else {
                throw Failure(
                    diagnostic: error(
                        at: here, "unexpected \"\(chars[pos])\" inside \(opener)...\(closer)",
                        hint: "in a for loop's list: $(seq LAST), $(seq FIRST LAST) or $(seq FIRST STEP LAST)"),
                    incomplete: false)
            }
        }
        guard let command = words.first, Lexer.literal(command) == "seq" else {
            throw Failure(
                diagnostic: error(
                    at: words.first?.location ?? location,
                    "stsim runs only seq inside \(opener)...\(closer)\(words.first.flatMap(Lexer.literal).map { ", not \"\($0)\"" } ?? "")",
                    hint: "in a for loop's list: $(seq LAST), $(seq FIRST LAST) or $(seq FIRST STEP LAST)"),
                incomplete: false)
        }
        guard (2...4).contains(words.count) else {
            throw Failure(
                diagnostic: error(
                    at: command.location, "seq takes 1 to 3 numbers: seq LAST, seq FIRST LAST or seq FIRST STEP LAST"),
                incomplete: false)
        }
        return .seq(arguments: Array(words.dropFirst()), at: location)
    }

    /// `$NAME` of a loop variable in scope; anything else after `$` stays as written (a shell in
    /// the pod may expand it: `sh -c "echo $HOME"`). The cursor is on `$`.
    mutating func loopVariable() -> WordPart? {
        guard !loopVariables.isEmpty else { return nil }
        var end = pos + 1
        while end < chars.count,
            chars[end] == "_" || (chars[end].isASCII && (chars[end].isLetter || chars[end].isNumber))
        {
            end += 1
        }
        let name = String(chars[(pos + 1)..<end])
        guard Lexer.isVariableName(name), loopVariables.contains(name) else { return nil }
        let at = here
        while pos < end { advance() }
        return .variable(name: name, at: at)
    }

    private func unfinished(_ location: SourceLocation, _ what: String, keyword: String = "for") -> Failure {
        Failure(diagnostic: error(at: location, "this \(keyword) loop \(what)", hint: Lexer.loopHint), incomplete: true)
    }

    // MARK: - Cursor

    /// A loop keyword at the cursor, standing as a word of its own.
    func keywordHere() -> String? {
        var end = pos
        while end < chars.count, end - pos < 6, chars[end].isASCII, chars[end].isLetter { end += 1 }
        guard end > pos, end == chars.count || [" ", "\t", "\n", ";", "\r"].contains(chars[end]) else { return nil }
        let word = String(chars[pos..<end])
        return Lexer.loopKeywords.contains(word) ? word : nil
    }

    /// Spaces, tabs and `\` line continuations.
    mutating func skipSpaces() {
        while pos < chars.count {
            if chars[pos] == " " || chars[pos] == "\t" || chars[pos] == "\r" {
                advance()
            } else if chars[pos] == "\\", peek(1) == "\n" {
                advance()
                advance()
            } else {
                return
            }
        }
    }

    /// Spaces, empty lines, lone `;` and comments before a command.
    mutating func skipBlanks() {
        while true {
            skipSpaces()
            guard pos < chars.count else { return }
            if chars[pos] == "\n" || chars[pos] == ";" {
                advance()
            } else if chars[pos] == "#" {
                while pos < chars.count, chars[pos] != "\n" { advance() }
            } else {
                return
            }
        }
    }

    static func literal(_ word: Word) -> String? {
        guard !word.wasQuoted, word.parts.count == 1, case .text(let s) = word.parts[0] else { return nil }
        return s
    }
}
