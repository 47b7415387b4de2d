import StsimManifests

/// kubectl's JSONPath dialect (`-o jsonpath`, `custom-columns`, `--sort-by`): text with `{...}`
/// actions holding fields, `..`, `*`, `[i]`, `[a:b:c]`, `[x,y]` unions, `[?(@.f=="v")]` filters,
/// quoted text (`{"\n"}`), and `{range ...}...{end}`. The grammar and its error texts follow
/// k8s.io/client-go/util/jsonpath/parser.go.
public struct JSONPath: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case list([Node])
        case field(String)
        case wildcard
        case recursive
        case slice(SliceParams)
        case union([[Node]])
        case filter(left: [Node], op: String, right: [Node])
        case identifier(String)
        case number(WireValue)
        case bool(Bool)
    }

    /// `[start:end:step]`; nil where the text left it out. `endDerived`: `[i]`, which is `[i:i+1]`.
    struct SliceParams: Sendable {
        var start: Int?
        var end: Int?
        var step: Int?
        var endDerived = false
    }

    let nodes: [Node]

    public init(_ template: String) throws(JSONPathError) {
        var parser = JSONPathParser(template)
        nodes = try parser.parseTemplate()
    }
}

/// A template that does not parse or does not apply; `message` is client-go's text.
public struct JSONPathError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Reads a template into nodes, one action (`{...}`) at a time.
struct JSONPathParser {
    private let input: [Unicode.Scalar]
    private var pos = 0

    init(_ text: String) { input = Array(text.unicodeScalars) }

    mutating func parseTemplate() throws(JSONPathError) -> [JSONPath.Node] {
        var nodes: [JSONPath.Node] = []
        var text = ""
        while pos < input.count {
            if input[pos] == "{" {
                if !text.isEmpty { nodes.append(.text(text)) }
                text = ""
                pos += 1
                nodes.append(.list(try parseAction()))
            } else {
                text.unicodeScalars.append(input[pos])
                pos += 1
            }
        }
        if !text.isEmpty { nodes.append(.text(text)) }
        return nodes
    }

    /// The inside of one action, up to and including its `}`.
    private mutating func parseAction() throws(JSONPathError) -> [JSONPath.Node] {
        var nodes: [JSONPath.Node] = []
        while true {
            if has("}") {
                pos += 1
                return nodes
            }
            if has("[?(") {
                nodes.append(try parseFilter())
                continue
            }
            if has("..") {
                if case .recursive = nodes.last { throw JSONPathError("invalid multiple recursive descent") }
                pos += 2
                nodes.append(.recursive)
                if let r = peek, Self.isAlphaNumeric(r) { nodes.append(parseField()) }
                continue
            }
            guard let r = next() else { throw JSONPathError("unclosed action") }
            switch r {
            case "\r", "\n": throw JSONPathError("unclosed action")
            case " ", "@", "$": continue
            case "[": nodes.append(try parseArray())
            case "\"", "'": nodes.append(try parseQuote(r))
            case ".": nodes.append(parseField())
            case "+", "-", "0"..."9":
                pos -= 1
                nodes.append(try parseNumber())
            default:
                guard Self.isAlphaNumeric(r) else {
                    throw JSONPathError("unrecognized character in action: \(Self.describe(r))")
                }
                pos -= 1
                let word = scanUntilTerminator()
                nodes.append(word == "true" || word == "false" ? .bool(word == "true") : .identifier(word))
            }
        }
    }

    private func has(_ prefix: String) -> Bool {
        let p = Array(prefix.unicodeScalars)
        return pos + p.count <= input.count && Array(input[pos..<pos + p.count]) == p
    }

    private var peek: Unicode.Scalar? { pos < input.count ? input[pos] : nil }

    private mutating func next() -> Unicode.Scalar? {
        guard pos < input.count else { return nil }
        pos += 1
        return input[pos - 1]
    }

    private mutating func scanUntilTerminator() -> String {
        var s = ""
        while let r = peek, !Self.isTerminator(r) {
            s.unicodeScalars.append(r)
            pos += 1
        }
        return s
    }

    /// A field name after `.`; a backslash keeps the next character (`{.metadata.labels.app\.kubernetes\.io/name}`).
    private mutating func parseField() -> JSONPath.Node {
        var s = ""
        while let r = peek {
            if r == "\\" {
                pos += 1
                if let escaped = next() { s.unicodeScalars.append(escaped) }
                continue
            }
            if Self.isTerminator(r) { break }
            s.unicodeScalars.append(r)
            pos += 1
        }
        return s == "*" ? .wildcard : .field(s)
    }

    private mutating func parseNumber() throws(JSONPathError) -> JSONPath.Node {
        var s = ""
        if let r = peek, r == "+" || r == "-" {
            s.unicodeScalars.append(r)
            pos += 1
        }
        while let r = peek, r == "." || ("0"..."9").contains(r) {
            s.unicodeScalars.append(r)
            pos += 1
        }
        if let i = Int(s) { return .number(.int(i)) }
        if Double(s) != nil { return .number(.string(s)) }
        throw JSONPathError("cannot parse number \(s)")
    }

    private mutating func parseQuote(_ quote: Unicode.Scalar) throws(JSONPathError) -> JSONPath.Node {
        let start = pos - 1
        while true {
            guard let r = next(), r != "\n" else { throw JSONPathError("unterminated quoted string") }
            if r == quote && input[pos - 2] != "\\" { break }
        }
        let raw = String(String.UnicodeScalarView(input[start..<pos]))
        guard let text = Self.unquote(Array(input[(start + 1)..<(pos - 1)])) else {
            throw JSONPathError("unquote string \(raw) error invalid syntax")
        }
        return .text(text)
    }

    /// `[...]`: an index or slice, `*`, a union of several, or a quoted key (`['app']`).
    private mutating func parseArray() throws(JSONPathError) -> JSONPath.Node {
        let start = pos
        while true {
            guard let r = next(), r != "\n" else { throw JSONPathError("unterminated array") }
            if r == "]" { break }
        }
        var text = String(String.UnicodeScalarView(input[start..<(pos - 1)]))
        if text == "*" { text = ":" }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count > 1 {
            var branches: [[JSONPath.Node]] = []
            for part in parts {
                var sub = JSONPathParser("{[" + part.trimmingSpaces + "]}")
                guard case .list(let nodes)? = try sub.parseTemplate().first else { continue }
                branches.append(nodes)
            }
            return .union(branches)
        }
        // client-go reads a dict key `['a.b']` as the path `.a.b` (a dot in a key needs `\.`).
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'"), !text.dropFirst().dropLast().contains("'") {
            return .list(try Self.action("." + text.dropFirst().dropLast()))
        }
        return .slice(try Self.sliceParams(text))
    }

    /// `-?\d*(:-?\d*)?(:-?\d*)?`, as client-go's sliceOperatorRex.
    static func sliceParams(_ text: String) throws(JSONPathError) -> JSONPath.SliceParams {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let isNumber = { (s: String) in s.isEmpty || s == "-" || Int(s) != nil }
        guard parts.count <= 3, parts.allSatisfy(isNumber), !text.contains("+") else {
            throw JSONPathError("invalid array index \(text)")
        }
        func value(_ s: String) throws(JSONPathError) -> Int? {
            if s.isEmpty { return nil }
            guard let i = Int(s) else { throw JSONPathError("array index \(s) is not a number") }
            return i
        }
        var params = JSONPath.SliceParams()
        params.start = try value(parts[0])
        if parts.count == 1 {
            params.end = (params.start ?? 0) + 1
            params.endDerived = true
        } else {
            params.end = try value(parts[1])
        }
        if parts.count == 3 { params.step = try value(parts[2]) }
        return params
    }

    /// `[?(LEFT OP RIGHT)]` or `[?(@.field)]` (exists); quotes may hold `)`.
    private mutating func parseFilter() throws(JSONPathError) -> JSONPath.Node {
        pos += 3
        let start = pos
        var quote: Unicode.Scalar?
        var closed = false
        while true {
            guard let r = next(), r != "\n" else { throw JSONPathError("unterminated filter") }
            if r == "\"" || r == "'" {
                if quote == nil {
                    quote = r
                } else if r == quote && input[pos - 2] != "\\" {
                    closed = true
                }
            } else if r == ")" && (quote == nil) == !closed {
                break
            }
        }
        guard next() == "]" else { throw JSONPathError("unclosed array expect ]") }
        let text = String(String.UnicodeScalarView(input[start..<(pos - 2)]))
        let operators = "!<>=".unicodeScalars
        guard let opStart = text.unicodeScalars.firstIndex(where: { operators.contains($0) }),
            opStart != text.unicodeScalars.startIndex
        else {
            return .filter(left: try Self.action(text), op: "exists", right: [])
        }
        let scalars = text.unicodeScalars
        let opEnd = scalars[opStart...].firstIndex { !operators.contains($0) } ?? scalars.endIndex
        let op = String(scalars[opStart..<opEnd])
        guard opEnd != scalars.endIndex else {
            return .filter(left: try Self.action(text), op: "exists", right: [])
        }
        return .filter(
            left: try Self.action(String(scalars[..<opStart])), op: op,
            right: try Self.action(String(scalars[opEnd...])))
    }

    private static func action(_ text: String) throws(JSONPathError) -> [JSONPath.Node] {
        var sub = JSONPathParser("{" + text + "}")
        guard case .list(let nodes)? = try sub.parseTemplate().first else { return [] }
        return nodes
    }

    /// Go's strconv.UnquoteChar escapes, which are what `{"\n"}` and `{'\t'}` rely on.
    static func unquote(_ body: [Unicode.Scalar]) -> String? {
        var out = ""
        var i = 0
        while i < body.count {
            let c = body[i]
            i += 1
            guard c == "\\" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard i < body.count else { return nil }
            let e = body[i]
            i += 1
            let simple: [Unicode.Scalar: String] = [
                "n": "\n", "t": "\t", "r": "\r", "\\": "\\", "\"": "\"", "'": "'", "a": "\u{07}", "b": "\u{08}",
                "f": "\u{0C}", "v": "\u{0B}",
            ]
            guard let s = simple[e] else { return nil }
            out += s
        }
        return out
    }

    static func isTerminator(_ r: Unicode.Scalar) -> Bool {
        " \t\r\n.,[]$@{}".unicodeScalars.contains(r)
    }

    static func isAlphaNumeric(_ r: Unicode.Scalar) -> Bool {
        r == "_" || r.properties.isAlphabetic || r.properties.numericType != nil
    }

    /// Go's `%#U`: `U+0023 '#'`.
    static func describe(_ r: Unicode.Scalar) -> String {
        let hex = String(r.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " '\(Character(r))'"
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
