import StsimEngine
import StsimManifests

/// text/template's builtins (Go's text/template/funcs.go) and kubectl's `base64decode` and
/// `exists`, with Go's argument checks and error texts (`error calling index: ...`).
extension GoTemplate {
    struct CallError: Error { var message: String }

    func call(_ name: String, _ command: CommandNode, dot: GoValue, final: GoValue?, _ state: inout State) throws
        -> GoValue
    {
        let operands = Array(command.args.dropFirst())
        let count = operands.count + (final == nil ? 0 : 1)
        let fixed: [String: Int] = [
            "not": 1, "len": 1, "base64decode": 1, "lt": 2, "le": 2, "gt": 2, "ge": 2,
        ]
        let atLeast: [String: Int] = [
            "and": 1, "or": 1, "index": 1, "slice": 1, "eq": 1, "ne": 2, "call": 1, "exists": 1,
        ]
        if let want = fixed[name], count != want {
            throw failure(at: command.pos, name, "wrong number of args for \(name): want \(want) got \(count)")
        }
        if name == "ne", count != 2 {
            throw failure(at: command.pos, name, "wrong number of args for ne: want 2 got \(count)")
        }
        if let want = atLeast[name], count < want {
            throw failure(at: command.pos, name, "wrong number of args for \(name): want at least \(want) got \(count)")
        }
        if name == "and" || name == "or" {
            // Go 1.18 on: the first operand that decides is the result; the rest are not run.
            var value = GoValue.missing
            for operand in operands {
                value = try evaluate(operand, dot: dot, &state)
                if value.isTrue == (name == "or") { return value }
            }
            return final ?? value
        }
        var args: [GoValue] = []
        for operand in operands { args.append(try evaluate(operand, dot: dot, &state)) }
        if let final { args.append(final) }
        do {
            return try Self.builtin(name, args)
        } catch let e as CallError {
            throw failure(at: command.pos, command.described, "error calling \(name): \(e.message)")
        }
    }

    static func builtin(_ name: String, _ args: [GoValue]) throws -> GoValue {
        switch name {
        case "not": return .wire(.bool(!args[0].isTrue))
        case "len": return try length(args[0])
        case "index": return try index(args[0], Array(args.dropFirst()))
        case "slice": return try slice(args[0], Array(args.dropFirst()))
        case "print": return .wire(.string(GoFormat.sprint(args)))
        case "println": return .wire(.string(args.map(GoFormat.printed(forPrint:)).joined(separator: " ") + "\n"))
        case "printf":
            guard case .wire(.string(let format)) = args.first else {
                throw CallError(
                    message: "wrong type for value; expected string; got \(args.first?.typeName ?? "<nil>")")
            }
            return .wire(.string(GoFormat.sprintf(format, Array(args.dropFirst()))))
        case "html": return .wire(.string(GoEscape.html(GoEscape.joined(args))))
        case "js": return .wire(.string(GoEscape.js(GoEscape.joined(args))))
        case "urlquery": return .wire(.string(GoEscape.urlQuery(GoEscape.joined(args))))
        case "call": throw CallError(message: "non-function of type \(args[0].typeName)")
        case "base64decode":
            guard case .wire(.string(let s)) = args[0] else {
                throw CallError(message: "wrong type for value; expected string; got \(args[0].typeName)")
            }
            switch Base64.decode(s) {
            case .success(let bytes): return .wire(.string(String(decoding: bytes, as: UTF8.self)))
            case .failure(let e): throw CallError(message: "base64 decode failed: \(e.message)")
            }
        case "exists": return .wire(.bool(exists(args[0], Array(args.dropFirst()))))
        default: return try GoCompare.compare(name, args)
        }
    }

    private static func length(_ v: GoValue) throws -> GoValue {
        switch v {
        case .wire(.array(let a)): return .int(a.count)
        case .wire(.object(let o)): return .int(o.count)
        case .wire(.string(let s)): return .int(s.utf8.count)
        case .missing, .wire(.null): throw CallError(message: "len of nil pointer")
        default: throw CallError(message: "len of type \(v.typeName)")
        }
    }

    private static func index(_ item: GoValue, _ keys: [GoValue]) throws -> GoValue {
        var item = item
        if case .missing = item { throw CallError(message: "index of untyped nil") }
        if case .wire(.null) = item { throw CallError(message: "index of untyped nil") }
        for key in keys {
            switch item {
            case .missing, .wire(.null): throw CallError(message: "index of nil pointer")
            case .wire(.array(let a)):
                let i = try position(key, in: a.count)
                guard i < a.count else { throw CallError(message: "index out of range: \(i)") }
                item = .wire(a[i])
            case .wire(.string(let s)):
                let bytes = Array(s.utf8)
                let i = try position(key, in: bytes.count)
                guard i < bytes.count else { throw CallError(message: "index out of range: \(i)") }
                item = .int(Int(bytes[i]))
            case .wire(.object(let fields)):
                guard case .wire(.string(let k)) = key else {
                    throw CallError(message: "value has type \(key.typeName); should be string")
                }
                // A missing key gives the map's zero element: a nil interface.
                item = fields.first { $0.0 == k }.map { .wire($0.1) } ?? .null
            default: throw CallError(message: "can't index item of type \(item.typeName)")
            }
        }
        return item
    }

    private static func position(_ key: GoValue, in count: Int) throws -> Int {
        switch key {
        case .int(let i), .wire(.int(let i)):
            guard i >= 0 else { throw CallError(message: "index out of range: \(i)") }
            return i
        case .missing, .wire(.null): throw CallError(message: "cannot index slice/array with nil")
        default: throw CallError(message: "cannot index slice/array with type \(key.typeName)")
        }
    }

    private static func slice(_ item: GoValue, _ bounds: [GoValue]) throws -> GoValue {
        let length: Int
        switch item {
        case .missing, .wire(.null): throw CallError(message: "slice of untyped nil")
        case .wire(.string(let s)):
            guard bounds.count <= 2 else { throw CallError(message: "cannot 3-index slice a string") }
            length = s.utf8.count
        case .wire(.array(let a)):
            guard bounds.count <= 3 else { throw CallError(message: "too many slice indexes: \(bounds.count)") }
            length = a.count
        default: throw CallError(message: "can't slice item of type \(item.typeName)")
        }
        var idx = [0, length, length]
        for (n, b) in bounds.enumerated() {
            idx[n] = try position(b, in: length)
            guard idx[n] <= length else { throw CallError(message: "index out of range: \(idx[n])") }
        }
        guard idx[0] <= idx[1] else { throw CallError(message: "invalid slice index: \(idx[0]) > \(idx[1])") }
        switch item {
        case .wire(.string(let s)):
            return .wire(.string(String(decoding: Array(s.utf8)[idx[0]..<idx[1]], as: UTF8.self)))
        case .wire(.array(let a)): return .wire(.array(Array(a[idx[0]..<idx[1]])))
        default: return item
        }
    }

    /// kubectl's `exists`: whether each key or index in turn is there.
    private static func exists(_ item: GoValue, _ keys: [GoValue]) -> Bool {
        var item = item
        for key in keys {
            switch (item, key) {
            case (.wire(.object(let fields)), .wire(.string(let k))):
                guard let v = fields.first(where: { $0.0 == k })?.1 else { return false }
                item = .wire(v)
            case (.wire(.array(let a)), .int(let i)), (.wire(.array(let a)), .wire(.int(let i))):
                guard i >= 0, i < a.count else { return false }
                item = .wire(a[i])
            default: return false
            }
        }
        return true
    }
}

/// `eq`, `ne`, `lt`, `le`, `gt`, `ge`: Go compares basic kinds only, and integers of any size.
enum GoCompare {
    static func compare(_ name: String, _ args: [GoValue]) throws -> GoValue {
        if name == "eq" {
            for other in args.dropFirst() where try equal(args[0], other) { return .wire(.bool(true)) }
            return .wire(.bool(false))
        }
        if name == "ne" { return .wire(.bool(!(try equal(args[0], args[1])))) }
        let order = try less(args[0], args[1]) ? -1 : (try equal(args[0], args[1]) ? 0 : 1)
        let results = ["lt": order < 0, "le": order <= 0, "gt": order > 0, "ge": order >= 0]
        return .wire(.bool(results[name] ?? false))
    }

    private enum Basic: Equatable {
        case bool(Bool)
        case int(Int)
        case string(String)
        case none, other
    }

    private static func basic(_ v: GoValue) -> Basic {
        switch v {
        case .missing, .wire(.null): return .none
        case .int(let i), .wire(.int(let i)): return .int(i)
        case .wire(.string(let s)): return .string(s)
        case .wire(.bool(let b)): return .bool(b)
        default: return .other
        }
    }

    static func equal(_ a: GoValue, _ b: GoValue) throws -> Bool {
        switch (basic(a), basic(b)) {
        case (.int(let x), .int(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.none, .none): return true
        case (.none, _), (_, .none): return false
        case (.other, .other):
            throw GoTemplate.CallError(message: "non-comparable type \(GoFormat.printed(a)): \(a.typeName)")
        default: throw GoTemplate.CallError(message: "incompatible types for comparison")
        }
    }

    private static func less(_ a: GoValue, _ b: GoValue) throws -> Bool {
        switch (basic(a), basic(b)) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        case (.int, .string), (.string, .int): throw GoTemplate.CallError(message: "incompatible types for comparison")
        default: throw GoTemplate.CallError(message: "invalid type for comparison")
        }
    }
}
