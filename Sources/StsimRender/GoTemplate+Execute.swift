import StsimManifests

/// A value as text/template sees the object kubectl hands it: the object round-tripped through
/// apimachinery's JSON (maps, slices, strings, bools, whole numbers as int64, null as a nil
/// interface), reflect's invalid value for a missing map key, or a Go `int` (what `len` returns).
enum GoValue {
    case missing
    case wire(WireValue)
    case int(Int)

    static let null = GoValue.wire(.null)

    var isTrue: Bool {
        switch self {
        case .missing, .wire(.null): return false
        case .wire(.bool(let b)): return b
        case .wire(.int(let i)), .int(let i): return i != 0
        case .wire(.string(let s)): return !s.isEmpty
        case .wire(.array(let a)): return !a.isEmpty
        case .wire(.object(let o)): return !o.isEmpty
        }
    }

    /// reflect's type name, as fmt and text/template's errors print it.
    var typeName: String {
        switch self {
        case .missing, .wire(.null): return "<nil>"
        case .int: return "int"
        case .wire(.int): return "int64"
        case .wire(let w): return JSONPathText.goType(w)
        }
    }
}

/// Running a template as Go's text/template/exec.go does, with kubectl's option
/// `missingkey=default`: a missing key is `<no value>` when printed.
extension GoTemplate {
    struct ExecutionError: Error { var message: String }
    enum Flow: Error { case breakLoop, continueLoop }

    struct State {
        var variables: [(String, GoValue)]
        var out = ""
        var depth = 0
    }

    public func text(_ data: WireValue) throws(JSONPathError) -> String {
        var state = State(variables: [("$", .wire(data))])
        do {
            try walk(nodes, dot: .wire(data), &state)
        } catch let e as ExecutionError {
            throw JSONPathError(e.message)
        } catch {
            throw JSONPathError("template: output: \(error)")
        }
        return state.out
    }

    /// `template: output:LINE:COL: executing "output" at <CONTEXT>: MESSAGE`, as Go's
    /// `state.errorf` words it (the context cut at 20 bytes).
    func failure(at pos: Int, _ context: String, _ message: String) -> ExecutionError {
        let before = source.utf8.prefix(pos)
        let line = 1 + before.filter { $0 == 10 }.count
        let column =
            before.lastIndex(of: 10).map { before.distance(from: before.index(after: $0), to: before.endIndex) } ?? pos
        let shown = context.utf8.count > 20 ? String(decoding: context.utf8.prefix(20), as: UTF8.self) + "..." : context
        return ExecutionError(
            message: "template: output:\(line):\(column): executing \"output\" at <\(shown)>: \(message)")
    }

    func walk(_ nodes: [Node], dot: GoValue, _ state: inout State) throws {
        for node in nodes {
            switch node {
            case .text(let s): state.out += s
            case .action(let pipe):
                let value = try evaluate(pipe, dot: dot, &state)
                if pipe.declarations.isEmpty { state.out += GoFormat.printed(value) }
            case .control(let kind, let pipe, let list, let otherwise):
                let mark = state.variables.count
                defer { state.variables.removeLast(state.variables.count - mark) }
                let value = try evaluate(pipe, dot: dot, &state)
                switch kind {
                case .if: try walk(value.isTrue ? list : otherwise ?? [], dot: dot, &state)
                case .with: try walk(value.isTrue ? list : otherwise ?? [], dot: value.isTrue ? value : dot, &state)
                case .range: try range(value, pipe, list, otherwise, dot: dot, &state)
                }
            case .template(let name, let pipe, let operand):
                guard let body = definitions[name] else {
                    throw failure(
                        at: operand.pos, "{{template \(operand.source)}}",
                        "template: no template \(GoFormat.quote(name)) associated with template \"output\"")
                }
                let value = try pipe.map { p throws in try evaluate(p, dot: dot, &state) } ?? .null
                var inner = State(variables: [("$", value)], out: "", depth: state.depth + 1)
                guard inner.depth < 100_000 else {
                    throw failure(at: operand.pos, name, "exceeded maximum template depth (100000)")
                }
                try walk(body, dot: value, &inner)
                state.out += inner.out
            case .breakLoop: throw Flow.breakLoop
            case .continueLoop: throw Flow.continueLoop
            }
        }
    }

    /// A slice's index and element, or a map's key and value in key order (as Go ranges maps).
    private func range(
        _ value: GoValue, _ pipe: Pipe, _ list: [Node], _ otherwise: [Node]?, dot: GoValue, _ state: inout State
    ) throws {
        let elements: [(GoValue, GoValue)]
        switch value {
        case .wire(.array(let items)): elements = items.enumerated().map { (.int($0.offset), .wire($0.element)) }
        case .wire(.object(let fields)):
            elements = fields.sorted { $0.0 < $1.0 }.map { (.wire(.string($0.0)), .wire($0.1)) }
        case .int(let n), .wire(.int(let n)): elements = (0..<max(n, 0)).map { (.int($0), .int($0)) }
        case .missing, .wire(.null): elements = []
        case .wire(let w):
            throw failure(at: pipe.pos, pipe.described, "range can't iterate over \(GoFormat.printed(.wire(w)))")
        }
        if elements.isEmpty { return try walk(otherwise ?? [], dot: dot, &state) }
        let mark = state.variables.count
        for (key, element) in elements {
            state.variables.removeLast(state.variables.count - mark)
            if pipe.declarations.count == 2 {
                state.variables.append((pipe.declarations[0], key))
                state.variables.append((pipe.declarations[1], element))
            } else if let only = pipe.declarations.first {
                state.variables.append((only, element))
            }
            do {
                try walk(list, dot: element, &state)
            } catch Flow.breakLoop {
                break
            } catch Flow.continueLoop {
                continue
            }
        }
    }

    func evaluate(_ pipe: Pipe, dot: GoValue, _ state: inout State) throws -> GoValue {
        var value = GoValue.missing
        var final: GoValue?
        for command in pipe.commands {
            value = try evaluate(command, dot: dot, final: final, &state)
            final = value
        }
        for name in pipe.declarations {
            if pipe.isAssign, let i = state.variables.lastIndex(where: { $0.0 == name }) {
                state.variables[i].1 = value
            } else {
                state.variables.append((name, value))
            }
        }
        return value
    }

    private func evaluate(_ command: CommandNode, dot: GoValue, final: GoValue?, _ state: inout State) throws
        -> GoValue
    {
        let first = command.args[0]
        if case .function(let name) = first.kind {
            return try call(name, command, dot: dot, final: final, &state)
        }
        if command.args.count > 1 || final != nil {
            throw failure(at: first.pos, first.described, "can't give argument to non-function \(first.described)")
        }
        if case .nilValue = first.kind { throw failure(at: first.pos, "nil", "nil is not a command") }
        return try evaluate(first, dot: dot, &state)
    }

    func evaluate(_ operand: Operand, dot: GoValue, _ state: inout State) throws -> GoValue {
        switch operand.kind {
        case .dot: return dot
        case .nilValue: return .null
        case .bool(let b): return .wire(.bool(b))
        case .number(let n): return .int(n)
        case .string(let s): return .wire(.string(s))
        case .function(let name):
            let command = CommandNode(pos: operand.pos, args: [operand])
            return try call(name, command, dot: dot, final: nil, &state)
        case .field(let names): return try fields(names, of: dot, operand)
        case .variable(let name, let names):
            guard let value = state.variables.last(where: { $0.0 == name })?.1 else {
                throw failure(at: operand.pos, name, "undefined variable: \(name)")
            }
            return try fields(names, of: value, operand)
        case .chain(let base, let names): return try fields(names, of: try evaluate(base, dot: dot, &state), operand)
        case .pipe(let pipe):
            let mark = state.variables.count
            defer { state.variables.removeLast(state.variables.count - mark) }
            return try evaluate(pipe, dot: dot, &state)
        }
    }

    /// Field lookups on maps: a missing key is the invalid value, a lookup through it too.
    private func fields(_ names: [String], of value: GoValue, _ operand: Operand) throws -> GoValue {
        var value = value
        for name in names {
            switch value {
            case .missing, .wire(.null): value = .missing
            case .wire(.object(let fields)): value = fields.first { $0.0 == name }.map { .wire($0.1) } ?? .missing
            default:
                throw failure(
                    at: operand.pos, operand.described, "can't evaluate field \(name) in type \(value.typeName)")
            }
        }
        return value
    }
}
