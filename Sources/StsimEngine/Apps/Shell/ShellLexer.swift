/// Splits shell source into words and operators (XCU 2.3, "Token Recognition"): quotes, `\`,
/// `$NAME`, `${NAME}`, `$(...)` and backquotes are kept inside their word as its parts.
struct ShellLexer {
    enum Token: Sendable {
        case word(ShellWord)
        case op(String)
        case newline
        /// A redirection's descriptor written before it (`2>`).
        case ioNumber(Int)
    }

    private let chars: [Character]
    private var i = 0

    init(_ source: String) { chars = Array(source) }

    static func tokens(_ source: String) throws(ShellSyntaxError) -> [Token] {
        var lexer = ShellLexer(source)
        var out: [Token] = []
        while let t = try lexer.next() { out.append(t) }
        return out
    }

    private var current: Character? { i < chars.count ? chars[i] : nil }
    private func peek(_ k: Int = 1) -> Character? { i + k < chars.count ? chars[i + k] : nil }

    private static let operatorStarts: Set<Character> = [";", "&", "|", "<", ">", "(", ")"]

    mutating func next() throws(ShellSyntaxError) -> Token? {
        while let c = current, c == " " || c == "\t" || (c == "\\" && peek() == "\n") { i += c == "\\" ? 2 : 1 }
        guard let c = current else { return nil }
        if c == "#" {
            while let d = current, d != "\n" { i += 1 }
            return try next()
        }
        if c == "\n" {
            i += 1
            return .newline
        }
        if Self.operatorStarts.contains(c) { return .op(readOperator()) }
        if c.isNumber, peek() == ">" || peek() == "<" {
            i += 1
            return .ioNumber(Int(String(c)) ?? 1)
        }
        return .word(try readWord())
    }

    private mutating func readOperator() -> String {
        for op in ["&&", "||", ";;", ">>", ">&", "<&"] where i + 1 < chars.count && String(chars[i...i + 1]) == op {
            i += 2
            return op
        }
        i += 1
        return String(chars[i - 1])
    }

    private mutating func readWord() throws(ShellSyntaxError) -> ShellWord {
        var word = ShellWord()
        var text = ""
        func flush(_ word: inout ShellWord, _ text: inout String) {
            if !text.isEmpty { word.parts.append(.text(text, quoted: false)) }
            text = ""
        }
        while let c = current, c != " ", c != "\t", c != "\n", !Self.operatorStarts.contains(c) {
            switch c {
            case "\\":
                flush(&word, &text)
                i += 1
                if let d = current {
                    word.parts.append(.text(String(d), quoted: true))
                    i += 1
                }
            case "'":
                flush(&word, &text)
                i += 1
                let start = i
                while let d = current, d != "'" { i += 1 }
                guard current == "'" else { throw ShellSyntaxError(message: "Unterminated quoted string") }
                word.parts.append(.text(String(chars[start..<i]), quoted: true))
                i += 1
            case "\"":
                flush(&word, &text)
                i += 1
                try readDoubleQuoted(into: &word)
            case "$", "`":
                if let part = try readExpansion(quoted: false) {
                    flush(&word, &text)
                    word.parts.append(part)
                } else {
                    text.append(c)
                    i += 1
                }
            default:
                text.append(c)
                i += 1
            }
        }
        flush(&word, &text)
        return word
    }

    private mutating func readDoubleQuoted(into word: inout ShellWord) throws(ShellSyntaxError) {
        var text = ""
        while let c = current, c != "\"" {
            if c == "\\", let d = peek(), "$`\"\\\n".contains(d) {
                if d != "\n" { text.append(d) }
                i += 2
            } else if c == "$" || c == "`", let part = try readExpansion(quoted: true) {
                if !text.isEmpty { word.parts.append(.text(text, quoted: true)) }
                text = ""
                word.parts.append(part)
            } else {
                text.append(c)
                i += 1
            }
        }
        guard current == "\"" else { throw ShellSyntaxError(message: "Unterminated quoted string") }
        i += 1
        // An empty "" is still a (quoted, empty) field.
        if !text.isEmpty || word.parts.isEmpty { word.parts.append(.text(text, quoted: true)) }
    }

    /// `$NAME`, `${NAME}`, `$?` and friends, `$(...)` or a backquoted command; nil for a lone `$`.
    private mutating func readExpansion(quoted: Bool) throws(ShellSyntaxError) -> ShellWord.Part? {
        if current == "`" {
            i += 1
            let start = i
            while let d = current, d != "`" { i += d == "\\" ? 2 : 1 }
            guard current == "`" else { throw ShellSyntaxError(message: "EOF in backquote substitution") }
            i += 1
            return .command(String(chars[start..<(i - 1)]), quoted: quoted)
        }
        guard let d = peek() else { return nil }
        if d == "(", peek(2) == "(" {
            i += 3
            let inner = try readParenthesised()
            guard current == ")" else { throw ShellSyntaxError(message: "missing '))'") }
            i += 1
            return .arithmetic(inner, quoted: quoted)
        }
        if d == "(" {
            i += 2
            return .command(try readParenthesised(), quoted: quoted)
        }
        if d == "{" {
            guard let close = chars[i...].firstIndex(of: "}") else {
                throw ShellSyntaxError(message: "Missing '}'")
            }
            let name = String(chars[(i + 2)..<close])
            i = close + 1
            return .variable(name, quoted: quoted)
        }
        if "?#$!@*0123456789".contains(d) {
            i += 2
            return .variable(String(d), quoted: quoted)
        }
        guard d == "_" || d.isLetter else { return nil }
        i += 1
        let start = i
        while let e = current, e == "_" || e.isLetter || e.isNumber { i += 1 }
        return .variable(String(chars[start..<i]), quoted: quoted)
    }

    /// The source up to the `)` that closes `$(`, past nested parentheses and quotes.
    private mutating func readParenthesised() throws(ShellSyntaxError) -> String {
        let start = i
        var depth = 1
        while let c = current {
            switch c {
            case "(": depth += 1
            case ")": depth -= 1
            case "'":
                i += 1
                while let d = current, d != "'" { i += 1 }
            case "\"":
                i += 1
                while let d = current, d != "\"" { i += d == "\\" ? 2 : 1 }
            case "\\": i += 1
            default: break
            }
            if depth == 0 {
                i += 1
                return String(chars[start..<(i - 1)])
            }
            i += 1
        }
        throw ShellSyntaxError(message: "end of file unexpected (expecting \")\")")
    }
}
