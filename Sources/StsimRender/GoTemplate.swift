import StsimManifests

/// `-o go-template=` and `--template`: Go's text/template as kubectl 1.32 registers it (the
/// builtins plus kubectl's `base64decode` and `exists`; no sprig). The parser follows Go's
/// text/template/parse: pipelines with `|`, parenthesised pipelines, `$x :=` and `$x =`,
/// `if`/`else if`, `range` (`else`, `break`, `continue`), `with`/`else with`, `define`,
/// `template` and `block`, comments and trim markers; errors in Go's words
/// (`template: output:1: ...`).
public struct GoTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case action(Pipe)
        case control(Control, Pipe, list: [Node], otherwise: [Node]?)
        case template(name: String, Pipe?, Operand)
        case breakLoop, continueLoop
    }

    enum Control: String, Sendable { case `if`, range, with }

    struct Pipe: Sendable {
        var pos: Int
        var declarations: [String] = []
        var isAssign = false
        var commands: [CommandNode] = []

        var described: String {
            let decl = declarations.isEmpty ? "" : declarations.joined(separator: ", ") + " := "
            return decl + commands.map(\.described).joined(separator: " | ")
        }
    }

    struct CommandNode: Sendable {
        var pos: Int
        var args: [Operand] = []
        var described: String {
            args.map { if case .pipe = $0.kind { return "(\($0.described))" } else { return $0.described } }
                .joined(separator: " ")
        }
    }

    struct Operand: Sendable {
        indirect enum Kind: Sendable {
            case dot, nilValue
            case bool(Bool)
            case number(Int)
            case string(String)
            case function(String)
            case field([String])
            case variable(String, [String])
            case chain(Operand, [String])
            case pipe(Pipe)
        }
        var pos: Int
        var kind: Kind
        var source: String

        var described: String {
            switch kind {
            case .pipe(let p): return p.described
            case .chain(let base, let fields):
                let head = if case .pipe = base.kind { "(\(base.described))" } else { base.described }
                return head + fields.map { "." + $0 }.joined()
            default: return source
            }
        }
    }

    let nodes: [Node]
    let definitions: [String: [Node]]
    let source: String

    public init(_ template: String) throws(JSONPathError) {
        var parser = GoTemplateParser(items: GoTemplateScanner.items(template))
        nodes = try parser.parseTop()
        definitions = parser.definitions
        source = template
    }
}

/// Go's text/template/parse/parse.go for one template named `output`.
struct GoTemplateParser {
    typealias Item = GoTemplateScanner.Item
    typealias Node = GoTemplate.Node
    let items: [Item]
    var index = 0
    var variables = ["$"]
    var rangeDepth = 0
    var definitions: [String: [Node]] = [:]
    var line = 1

    init(items: [Item]) { self.items = items }

    func error(_ message: String) -> JSONPathError { JSONPathError("template: output:\(line): \(message)") }

    mutating func next() -> Item {
        let item = items[min(index, items.count - 1)]
        index += 1
        line = item.line
        return item
    }
    func peek() -> Item { items[min(index, items.count - 1)] }
    mutating func nextNonSpace() -> Item {
        var item = next()
        while item.kind == .space { item = next() }
        return item
    }
    mutating func peekNonSpace() -> Item {
        let item = nextNonSpace()
        index -= 1
        return item
    }
    mutating func expect(_ kind: GoTemplateScanner.Kind, _ context: String) throws(JSONPathError) -> Item {
        let item = nextNonSpace()
        if item.kind != kind { throw unexpected(item, context) }
        return item
    }
    func unexpected(_ item: Item, _ context: String) -> JSONPathError {
        item.kind == .error ? error(item.text) : error("unexpected \(item.described) in \(context)")
    }

    mutating func parseTop() throws(JSONPathError) -> [Node] {
        var nodes: [Node] = []
        while peek().kind != .eof {
            if peek().kind == .leftDelim, index + 1 < items.count {
                let after = index
                _ = next()
                if nextNonSpace().text == "define" {
                    try parseDefinition()
                    continue
                }
                index = after
            }
            let (node, stop) = try textOrAction()
            if let stop { throw error("unexpected {{\(stop)}}") }
            if let node { nodes.append(node) }
        }
        if case .error = peek().kind { throw error(peek().text) }
        return nodes
    }

    mutating func parseDefinition() throws(JSONPathError) {
        let nameItem = nextNonSpace()
        guard nameItem.kind == .string || nameItem.kind == .rawString else {
            throw unexpected(nameItem, "define clause")
        }
        _ = try expect(.rightDelim, "define clause")
        let saved = variables
        variables = ["$"]
        let (list, stop) = try itemList()
        variables = saved
        guard stop == "end" else { throw error("unexpected {{\(stop)}} in define clause") }
        definitions[Self.unquote(nameItem.text) ?? ""] = list
    }

    /// The nodes up to `{{end}}` or `{{else}}`, and which of them stopped the list.
    mutating func itemList() throws(JSONPathError) -> ([Node], String) {
        var nodes: [Node] = []
        while peekNonSpace().kind != .eof {
            if case .error = peek().kind { throw error(peek().text) }
            let (node, stop) = try textOrAction()
            if let stop { return (nodes, stop) }
            if let node { nodes.append(node) }
        }
        if case .error = peek().kind { throw error(peek().text) }
        throw error("unexpected EOF")
    }

    /// A node, or the keyword (`end`, `else`, `else if`, `else with`) that ends a list.
    mutating func textOrAction() throws(JSONPathError) -> (Node?, String?) {
        let item = nextNonSpace()
        switch item.kind {
        case .text: return (.text(item.text), nil)
        case .leftDelim: return try action()
        case .error: throw error(item.text)
        default: throw unexpected(item, "input")
        }
    }

    mutating func action() throws(JSONPathError) -> (Node?, String?) {
        let item = peekNonSpace()
        guard item.kind == .keyword else { return (.action(try pipeline("command", end: .rightDelim)), nil) }
        _ = nextNonSpace()
        switch item.text {
        case "end":
            _ = try expect(.rightDelim, "end")
            return (nil, "end")
        case "else":
            let after = peekNonSpace()
            if after.kind == .keyword, after.text == "if" || after.text == "with" { return (nil, "else " + after.text) }
            _ = try expect(.rightDelim, "else")
            return (nil, "else")
        case "if": return (try control(.if), nil)
        case "range": return (try control(.range), nil)
        case "with": return (try control(.with), nil)
        case "break", "continue":
            guard rangeDepth > 0 else { throw error("{{\(item.text)}} outside {{range}}") }
            _ = try expect(.rightDelim, item.text)
            return (item.text == "break" ? .breakLoop : .continueLoop, nil)
        case "template", "block": return (try templateCall(block: item.text == "block"), nil)
        default: throw unexpected(item, "command")
        }
    }

    mutating func control(_ kind: GoTemplate.Control) throws(JSONPathError) -> Node {
        let saved = variables.count
        defer { variables.removeLast(variables.count - saved) }
        let pipe = try pipeline(kind.rawValue, end: .rightDelim)
        if kind == .range { rangeDepth += 1 }
        var (list, stop) = try itemList()
        if kind == .range { rangeDepth -= 1 }
        var otherwise: [Node]?
        if stop == "else if" || stop == "else with" {
            guard stop == "else " + kind.rawValue else { throw error("unexpected {{\(stop)}}") }
            _ = nextNonSpace()
            otherwise = [try control(kind)]
            stop = "end"
        } else if stop == "else" {
            let (elseList, elseStop) = try itemList()
            guard elseStop == "end" else { throw error("expected end; found {{\(elseStop)}}") }
            otherwise = elseList
            stop = "end"
        }
        guard stop == "end" else { throw error("unexpected {{\(stop)}}") }
        return .control(kind, pipe, list: list, otherwise: otherwise)
    }

    /// `{{template "name" pipeline}}`; `{{block "name" pipeline}}...{{end}}` also defines it.
    mutating func templateCall(block: Bool) throws(JSONPathError) -> Node {
        let context = block ? "block clause" : "template clause"
        let nameItem = nextNonSpace()
        guard nameItem.kind == .string || nameItem.kind == .rawString, let name = Self.unquote(nameItem.text) else {
            throw unexpected(nameItem, context)
        }
        var pipe: GoTemplate.Pipe?
        if peekNonSpace().kind != .rightDelim { pipe = try pipeline(context, end: .rightDelim) } else { _ = next() }
        if block {
            let (list, stop) = try itemList()
            guard stop == "end" else { throw error("unexpected {{\(stop)}} in block clause") }
            definitions[name] = list
        }
        return .template(
            name: name, pipe, GoTemplate.Operand(pos: nameItem.pos, kind: .string(name), source: nameItem.text))
    }

    static func unquote(_ text: String) -> String? {
        if text.hasPrefix("`") { return String(text.dropFirst().dropLast()) }
        return JSONPathParser.unquote(Array(text.dropFirst().dropLast().unicodeScalars))
    }
}
