import StsimManifests

/// `-o go-template=` and `--template`: the part of Go's text/template that the Kubernetes
/// documentation uses. Text with `{{...}}` actions (`{{-`/`-}}` trim spaces); `range` (with
/// `$i, $v :=`), `if`/`else`, `end`; fields (`.metadata.name`, `$v.image`), `$`, string and
/// number literals, and the functions `index`, `printf`, `len`, `eq`, `ne`, `not`, `and`, `or`.
public struct GoTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case output([Term])
        case range(keyVariable: String?, valueVariable: String?, [Term], body: [Node], otherwise: [Node])
        case conditional([Term], then: [Node], otherwise: [Node])
    }

    /// One operand: a field chain from the dot or a variable, a literal, a call, or `(...)`.
    indirect enum Term: Sendable {
        case path(root: String?, [String])
        case literal(WireValue)
        case call(String, [Term])
    }

    let nodes: [Node]

    public init(_ template: String) throws(JSONPathError) {
        var tokens = try GoTemplateScanner.tokens(template)
        var index = 0
        nodes = try Self.parseNodes(&tokens, &index, stopAt: [])
        if index < tokens.count { throw JSONPathError("template: output:1: unexpected {{\(tokens[index].action)}}") }
    }

    private static func parseNodes(_ tokens: inout [GoTemplateScanner.Token], _ i: inout Int, stopAt: Set<String>)
        throws(JSONPathError) -> [Node]
    {
        var nodes: [Node] = []
        while i < tokens.count {
            let token = tokens[i]
            guard token.isAction else {
                nodes.append(.text(token.action))
                i += 1
                continue
            }
            var words = GoTemplateScanner.words(token.action)
            let keyword = words.first ?? ""
            if stopAt.contains(keyword) { return nodes }
            i += 1
            switch keyword {
            case "range", "if":
                words.removeFirst()
                var variables: [String] = []
                if let assign = words.firstIndex(of: ":=") {
                    variables = words[..<assign].map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
                    words = Array(words[(assign + 1)...])
                }
                let terms = try parseTerms(words[...])
                let body = try parseNodes(&tokens, &i, stopAt: ["else", "end"])
                var otherwise: [Node] = []
                if i < tokens.count, GoTemplateScanner.words(tokens[i].action).first == "else" {
                    i += 1
                    otherwise = try parseNodes(&tokens, &i, stopAt: ["end"])
                }
                guard i < tokens.count else { throw JSONPathError("template: output:1: unexpected EOF") }
                i += 1
                if keyword == "if" {
                    nodes.append(.conditional(terms, then: body, otherwise: otherwise))
                } else {
                    let key = variables.count == 2 ? variables[0] : nil
                    nodes.append(
                        .range(keyVariable: key, valueVariable: variables.last, terms, body: body, otherwise: otherwise)
                    )
                }
            case "else", "end":
                throw JSONPathError("template: output:1: unexpected {{\(keyword)}}")
            case "with", "define", "template", "block":
                throw JSONPathError("template: output:1: {{\(keyword)}} is not in stsim's go-template subset")
            default:
                nodes.append(.output(try parseTerms(words[...])))
            }
        }
        return nodes
    }

    /// `FUNC ARG...` or one operand.
    static func parseTerms(_ words: ArraySlice<String>) throws(JSONPathError) -> [Term] {
        guard let first = words.first else { throw JSONPathError("template: output:1: missing value for command") }
        let functions: Set<String> = ["index", "printf", "len", "eq", "ne", "not", "and", "or", "lt", "gt", "le", "ge"]
        if functions.contains(first) {
            var args: [Term] = []
            for w in words.dropFirst() { args.append(try operand(w)) }
            return [.call(first, args)]
        }
        guard words.count == 1 else {
            throw JSONPathError("template: output:1: can't give argument to non-function \(first)")
        }
        return [try operand(first)]
    }

    static func operand(_ w: String) throws(JSONPathError) -> Term {
        if w.hasPrefix("\"") {
            guard w.count >= 2, w.hasSuffix("\""),
                let s = JSONPathParser.unquote(Array(w.dropFirst().dropLast().unicodeScalars))
            else { throw JSONPathError("template: output:1: unterminated quoted string") }
            return .literal(.string(s))
        }
        if let i = Int(w) { return .literal(.int(i)) }
        if w == "true" || w == "false" { return .literal(.bool(w == "true")) }
        if w.hasPrefix(".") || w.hasPrefix("$") {
            var parts = w.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
            var root: String?
            if w.hasPrefix("$") {
                root = parts.removeFirst()
            }
            return .path(root: root, parts)
        }
        throw JSONPathError("template: output:1: function \"\(w)\" not defined")
    }
}
