import StsimManifests

/// Pipelines, commands and operands, as Go's parser reads them.
extension GoTemplateParser {
    typealias Operand = GoTemplate.Operand

    /// The functions a template may call: text/template's builtins and kubectl's two.
    static let functions: Set<String> = [
        "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge",
        "html", "js", "urlquery", "call", "base64decode", "exists",
    ]

    mutating func pipeline(_ context: String, end: GoTemplateScanner.Kind) throws(JSONPathError) -> GoTemplate.Pipe {
        var pipe = GoTemplate.Pipe(pos: peekNonSpace().pos)
        try declarations(&pipe, context)
        while true {
            let item = nextNonSpace()
            switch item.kind {
            case end:
                guard !pipe.commands.isEmpty else { throw error("missing value for \(context)") }
                for (i, command) in pipe.commands.enumerated().dropFirst() {
                    switch command.args[0].kind {
                    case .bool, .dot, .nilValue, .number, .string:
                        throw error("non executable command in pipeline stage \(i + 1)")
                    default: break
                    }
                }
                return pipe
            case .bool, .charConstant, .dot, .field, .identifier, .number, .nilValue, .rawString, .string, .variable,
                .leftParen:
                index -= 1
                pipe.commands.append(try command())
            default:
                throw unexpected(item, context)
            }
        }
    }

    /// `$x :=`, `$x =`, and in a range `$i, $v :=`.
    private mutating func declarations(_ pipe: inout GoTemplate.Pipe, _ context: String) throws(JSONPathError) {
        while peekNonSpace().kind == .variable {
            let start = index
            let variable = nextNonSpace()
            let after = peekNonSpace()
            switch after.kind {
            case .declare, .assign:
                _ = nextNonSpace()
                pipe.isAssign = after.kind == .assign
                if pipe.isAssign, !variables.contains(variable.text) {
                    throw error("undefined variable \"\(variable.text)\"")
                }
                pipe.declarations.append(variable.text)
                variables.append(variable.text)
                return
            case .comma:
                _ = nextNonSpace()
                pipe.declarations.append(variable.text)
                variables.append(variable.text)
                guard context == "range", pipe.declarations.count < 2 else {
                    throw error("too many declarations in \(context)")
                }
                guard peekNonSpace().kind == .variable else { throw error("range can only initialize variables") }
            default:
                index = start
                return
            }
        }
    }

    private mutating func command() throws(JSONPathError) -> GoTemplate.CommandNode {
        var command = GoTemplate.CommandNode(pos: peekNonSpace().pos)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { command.args.append(operand) }
            let item = next()
            switch item.kind {
            case .space: continue
            case .rightDelim, .rightParen: index -= 1
            case .pipe: break
            default: throw unexpected(item, "operand")
            }
            break
        }
        guard !command.args.isEmpty else { throw error("empty command") }
        return command
    }

    private mutating func operand() throws(JSONPathError) -> Operand? {
        guard let term = try term() else { return nil }
        guard peek().kind == .field else { return term }
        var fields: [String] = []
        while peek().kind == .field { fields.append(contentsOf: Self.fieldNames(next().text)) }
        switch term.kind {
        case .field(let head):
            return Operand(
                pos: term.pos, kind: .field(head + fields), source: term.source + fields.map { "." + $0 }.joined())
        case .variable(let name, let head):
            return Operand(
                pos: term.pos, kind: .variable(name, head + fields),
                source: term.source + fields.map { "." + $0 }.joined())
        case .bool, .string, .number, .nilValue, .dot:
            throw error("unexpected . after term \(GoFormat.quote(term.source))")
        default:
            return Operand(pos: term.pos, kind: .chain(term, fields), source: term.source)
        }
    }

    private mutating func term() throws(JSONPathError) -> Operand? {
        let item = nextNonSpace()
        let kind: Operand.Kind
        switch item.kind {
        case .identifier:
            guard Self.functions.contains(item.text) else { throw error("function \"\(item.text)\" not defined") }
            kind = .function(item.text)
        case .dot: kind = .dot
        case .nilValue: kind = .nilValue
        case .variable:
            guard variables.contains(item.text) else { throw error("undefined variable \"\(item.text)\"") }
            kind = .variable(item.text, [])
        case .field: kind = .field(Self.fieldNames(item.text))
        case .bool: kind = .bool(item.text == "true")
        case .number, .charConstant: kind = .number(try number(item))
        case .leftParen:
            let pipe = try pipeline("parenthesized pipeline", end: .rightParen)
            return Operand(pos: item.pos, kind: .pipe(pipe), source: pipe.described)
        case .string, .rawString:
            guard let s = Self.unquote(item.text) else { throw error("invalid syntax") }
            kind = .string(s)
        default:
            index -= 1
            return nil
        }
        return Operand(pos: item.pos, kind: kind, source: item.text)
    }

    private static func fieldNames(_ text: String) -> [String] {
        text.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
    }

    /// Integer constants in Go's forms (`12`, `-3`, `0x1F`, `0o17`, `0b101`, `1_000`, `'a'`).
    /// Go also reads floats and complex numbers; kubectl's objects hold no such values, so
    /// stsim refuses those constants plainly.
    private func number(_ item: Item) throws(JSONPathError) -> Int {
        if item.kind == .charConstant {
            guard let s = Self.unquote("\"" + item.text.dropFirst().dropLast() + "\""), s.unicodeScalars.count == 1
            else {
                throw error("malformed character constant: \(item.text)")
            }
            return Int(s.unicodeScalars.first!.value)
        }
        var text = Substring(item.text.replacingOccurrences("_", with: ""))
        let negative = text.hasPrefix("-")
        if text.hasPrefix("-") || text.hasPrefix("+") { text = text.dropFirst() }
        let radix: Int
        switch text.prefix(2).lowercased() {
        case "0x": radix = 16
        case "0o": radix = 8
        case "0b": radix = 2
        default: radix = 10
        }
        if radix != 10 { text = text.dropFirst(2) }
        guard let value = Int(text, radix: radix) else {
            if Double(item.text) != nil {
                throw error(
                    "\(item.text): stsim's go-template has whole numbers only (kubectl's objects hold no others)")
            }
            throw error("bad number syntax: \"\(item.text)\"")
        }
        return negative ? -value : value
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, with: String) -> String {
        String(self.filter { $0 != target })
    }
}
