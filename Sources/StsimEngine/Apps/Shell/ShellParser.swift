/// Recursive descent over the lexer's tokens, following XCU 2.10's grammar for the subset
/// stsim runs. Reserved words count only where a command starts, as in the grammar.
struct ShellParser {
    private var tokens: [ShellLexer.Token]
    private var i = 0
    /// Function definitions parsed so far (their ids).
    private var functions = 0

    static func parse(_ source: String) throws(ShellSyntaxError) -> ShellNode {
        var p = ShellParser(tokens: try ShellLexer.tokens(source))
        let list = try p.list(until: [])
        if p.i < p.tokens.count { throw ShellSyntaxError(message: "\(p.describe(p.tokens[p.i])) unexpected") }
        return list
    }

    private init(tokens: [ShellLexer.Token]) { self.tokens = tokens }

    private var keyword: String? {
        guard i < tokens.count, case .word(let w) = tokens[i] else { return nil }
        return w.plain
    }

    private func isOp(_ op: String) -> Bool {
        guard i < tokens.count, case .op(let o) = tokens[i] else { return false }
        return o == op
    }

    private func describe(_ t: ShellLexer.Token) -> String {
        switch t {
        case .op(let o): "\"\(o)\""
        case .newline: "newline"
        case .word(let w): "\"\(w.plain ?? "word")\""
        case .ioNumber(let n): "\"\(n)\""
        }
    }

    private func unexpected(expecting: String) -> ShellSyntaxError {
        let what = i < tokens.count ? describe(tokens[i]) : "end of file"
        return ShellSyntaxError(message: "\(what) unexpected (expecting \"\(expecting)\")")
    }

    private mutating func skipNewlines() {
        while i < tokens.count, case .newline = tokens[i] { i += 1 }
    }

    private mutating func expect(_ word: String) throws(ShellSyntaxError) {
        skipNewlines()
        guard keyword == word else { throw unexpected(expecting: word) }
        i += 1
    }

    /// Commands separated by `;` or newlines, up to one of the reserved words in `terminators`.
    private mutating func list(until terminators: Set<String>) throws(ShellSyntaxError) -> ShellNode {
        var items: [ShellNode] = []
        while true {
            skipNewlines()
            if i >= tokens.count || isOp(")") { break }
            if let k = keyword, terminators.contains(k) { break }
            items.append(try andOr())
            if isOp(";") || isOp("&") {
                if isOp("&") { throw ShellSyntaxError(message: "stsim's sh runs no background jobs (&)") }
                i += 1
            } else if i < tokens.count, case .newline = tokens[i] {
                i += 1
            } else {
                break
            }
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func andOr() throws(ShellSyntaxError) -> ShellNode {
        var node = try pipeline()
        while isOp("&&") || isOp("||") {
            let and = isOp("&&")
            i += 1
            skipNewlines()
            let rhs = try pipeline()
            node = and ? .and(node, rhs) : .or(node, rhs)
        }
        return node
    }

    private mutating func pipeline() throws(ShellSyntaxError) -> ShellNode {
        var negated = false
        if keyword == "!" {
            negated = true
            i += 1
        }
        var stages = [try command()]
        while isOp("|") {
            i += 1
            skipNewlines()
            stages.append(try command())
        }
        return stages.count == 1 && !negated ? stages[0] : .pipeline(stages, negated: negated)
    }

    private mutating func command() throws(ShellSyntaxError) -> ShellNode {
        let compound: ShellNode
        switch keyword {
        case "if": compound = try ifCommand()
        case "for": compound = try forCommand()
        case "while", "until": compound = try whileCommand()
        case "{":
            i += 1
            compound = try list(until: ["}"])
            try expect("}")
        default:
            if let name = functionName() { return try functionDefinition(name) }
            return .simple(try simpleCommand())
        }
        var redirects: [ShellRedirect] = []
        while let r = try redirect() { redirects.append(r) }
        return redirects.isEmpty ? compound : .redirected(compound, redirects)
    }

    /// The name of a function definition starting here: a name, then `(` and `)`.
    private func functionName() -> String? {
        guard let name = keyword, i + 2 < tokens.count, case .op("(") = tokens[i + 1], case .op(")") = tokens[i + 2],
            let first = name.first, first == "_" || first.isLetter,
            name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber })
        else { return nil }
        return name
    }

    /// `name() compound-command`: the body is a group or a loop or an `if`, never a simple command.
    private mutating func functionDefinition(_ name: String) throws(ShellSyntaxError) -> ShellNode {
        i += 3
        skipNewlines()
        guard let k = keyword, ["{", "if", "for", "while", "until"].contains(k) else {
            throw unexpected(expecting: "{")
        }
        let body = try command()
        functions += 1
        return .function(name: name, id: functions - 1, body: body)
    }

    private mutating func ifCommand() throws(ShellSyntaxError) -> ShellNode {
        var branches: [(condition: ShellNode, body: ShellNode)] = []
        var otherwise: ShellNode?
        i += 1
        while true {
            let condition = try list(until: ["then"])
            try expect("then")
            branches.append((condition, try list(until: ["elif", "else", "fi"])))
            if keyword == "elif" {
                i += 1
                continue
            }
            if keyword == "else" {
                i += 1
                otherwise = try list(until: ["fi"])
            }
            try expect("fi")
            return .ifThen(branches: branches, otherwise: otherwise)
        }
    }

    private mutating func forCommand() throws(ShellSyntaxError) -> ShellNode {
        i += 1
        guard let name = keyword else { throw unexpected(expecting: "name") }
        i += 1
        var words: [ShellWord]?
        skipNewlines()
        if keyword == "in" {
            i += 1
            var list: [ShellWord] = []
            while i < tokens.count, case .word(let w) = tokens[i] {
                list.append(w)
                i += 1
            }
            words = list
        }
        if isOp(";") { i += 1 }
        try expect("do")
        let body = try list(until: ["done"])
        try expect("done")
        return .forLoop(variable: name, words: words, body: body)
    }

    private mutating func whileCommand() throws(ShellSyntaxError) -> ShellNode {
        let until = keyword == "until"
        i += 1
        let condition = try list(until: ["do"])
        try expect("do")
        let body = try list(until: ["done"])
        try expect("done")
        return .whileLoop(condition: condition, body: body, until: until)
    }

    private mutating func simpleCommand() throws(ShellSyntaxError) -> ShellSimpleCommand {
        var c = ShellSimpleCommand()
        while i < tokens.count {
            if let r = try redirect() {
                c.redirects.append(r)
                continue
            }
            guard case .word(let w) = tokens[i] else { break }
            if c.words.isEmpty, let (name, value) = Self.assignment(w) {
                c.assignments.append((name, value))
            } else {
                c.words.append(w)
            }
            i += 1
        }
        if c.words.isEmpty, c.assignments.isEmpty, c.redirects.isEmpty { throw unexpected(expecting: "command") }
        return c
    }

    /// `NAME=value`: the name must be plain text before the first `=`.
    private static func assignment(_ w: ShellWord) -> (String, ShellWord)? {
        guard case .text(let t, false)? = w.parts.first, let eq = t.firstIndex(of: "=") else { return nil }
        let name = t[..<eq]
        guard let first = name.first, first == "_" || first.isLetter,
            name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber })
        else { return nil }
        var value = ShellWord(parts: Array(w.parts.dropFirst()))
        let rest = String(t[t.index(after: eq)...])
        if !rest.isEmpty { value.parts.insert(.text(rest, quoted: false), at: 0) }
        return (String(name), value)
    }

    private mutating func redirect() throws(ShellSyntaxError) -> ShellRedirect? {
        var descriptor: Int?
        if i < tokens.count, case .ioNumber(let n) = tokens[i] {
            descriptor = n
            i += 1
        }
        guard i < tokens.count, case .op(let o) = tokens[i], [">", ">>", "<", ">&"].contains(o) else {
            if descriptor != nil { i -= 1 }
            return nil
        }
        i += 1
        guard i < tokens.count, case .word(let target) = tokens[i] else { throw unexpected(expecting: "word") }
        i += 1
        let operation: ShellRedirect.Operation =
            switch o {
            case ">": .output
            case ">>": .append
            case "<": .input
            default: .duplicate
            }
        return ShellRedirect(descriptor: descriptor ?? (o == "<" ? 0 : 1), operation: operation, target: target)
    }
}
