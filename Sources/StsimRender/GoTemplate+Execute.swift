import StsimManifests

/// Running a template over an object as kubectl's go-template printer does: the object as
/// decoded JSON (numbers print as Go floats), a missing field as `<no value>`.
extension GoTemplate {
    struct Scope {
        var dot: WireValue?
        var variables: [String: WireValue]
    }

    public func text(_ data: WireValue) throws(JSONPathError) -> String {
        var out = ""
        try run(nodes, Scope(dot: data, variables: ["$": data]), into: &out)
        return out
    }

    private func run(_ nodes: [Node], _ scope: Scope, into out: inout String) throws(JSONPathError) {
        for node in nodes {
            switch node {
            case .text(let s): out += s
            case .output(let terms): out += Self.printed(try evaluate(terms, scope))
            case .conditional(let terms, let then, let otherwise):
                try run(Self.truthy(try evaluate(terms, scope)) ? then : otherwise, scope, into: &out)
            case .range(let key, let value, let terms, let body, let otherwise):
                let elements = Self.elements(try evaluate(terms, scope))
                if elements.isEmpty { try run(otherwise, scope, into: &out) }
                for (k, v) in elements {
                    var inner = scope
                    inner.dot = v
                    if let key { inner.variables[key] = k }
                    if let value { inner.variables[value] = v }
                    try run(body, inner, into: &out)
                }
            }
        }
    }

    /// A list's index and element, or a map's key and value in key order (as Go ranges maps).
    private static func elements(_ v: WireValue?) -> [(WireValue, WireValue)] {
        if let items = v?.items { return items.enumerated().map { (.int($0.offset), $0.element) } }
        if let fields = v?.fields { return fields.sorted { $0.0 < $1.0 }.map { (.string($0.0), $0.1) } }
        return []
    }

    private func evaluate(_ terms: [Term], _ scope: Scope) throws(JSONPathError) -> WireValue? {
        guard let term = terms.first else { return nil }
        return try evaluate(term, scope)
    }

    private func evaluate(_ term: Term, _ scope: Scope) throws(JSONPathError) -> WireValue? {
        switch term {
        case .literal(let v): return v
        case .path(let root, let fields):
            var value: WireValue?
            if let root {
                guard let v = scope.variables[root] else {
                    throw JSONPathError("template: output:1: undefined variable \"\(root)\"")
                }
                value = v
            } else {
                value = scope.dot
            }
            for f in fields { value = value?[f] }
            return value
        case .call(let name, let args):
            var values: [WireValue?] = []
            for a in args { values.append(try evaluate(a, scope)) }
            return try GoTemplateFunctions.call(name, values)
        }
    }

    static func printed(_ v: WireValue?) -> String {
        guard let v else { return "<no value>" }
        switch v {
        case .int(let i): return JSONPathText.goFloat(i)
        case .null: return "<no value>"
        default: return JSONPathText.goValue(v)
        }
    }

    static func truthy(_ v: WireValue?) -> Bool {
        switch v {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case .int(let i)?: return i != 0
        case .string(let s)?: return !s.isEmpty
        case .array(let a)?: return !a.isEmpty
        case .object(let o)?: return !o.isEmpty
        }
    }
}

/// The functions of text/template that the subset offers.
enum GoTemplateFunctions {
    static func call(_ name: String, _ args: [WireValue?]) throws(JSONPathError) -> WireValue? {
        switch name {
        case "index":
            guard var value = args.first else { throw wrongCount(name) }
            for key in args.dropFirst() {
                switch key {
                case .int(let i)?:
                    guard let items = value?.items, i >= 0, i < items.count else {
                        throw JSONPathError("template: output:1: error calling index: index out of range: \(i)")
                    }
                    value = items[i]
                case .string(let k)?: value = value?[k]
                default: throw JSONPathError("template: output:1: error calling index: cannot index with that key")
                }
            }
            return value
        case "len":
            guard args.count == 1 else { throw wrongCount(name) }
            switch args[0] {
            case .array(let a)?: return .int(a.count)
            case .object(let o)?: return .int(o.count)
            case .string(let s)?: return .int(s.utf8.count)
            default: throw JSONPathError("template: output:1: error calling len: len of type \(typeName(args[0]))")
            }
        case "printf":
            guard case .string(let format)? = args.first else { throw wrongCount(name) }
            return .string(printf(format, Array(args.dropFirst())))
        case "not":
            guard args.count == 1 else { throw wrongCount(name) }
            return .bool(!GoTemplate.truthy(args[0]))
        case "and": return args.first { !GoTemplate.truthy($0) } ?? args.last ?? nil
        case "or": return args.first { GoTemplate.truthy($0) } ?? args.last ?? nil
        default: return try compare(name, args)
        }
    }

    private static func compare(_ name: String, _ args: [WireValue?]) throws(JSONPathError) -> WireValue? {
        guard args.count == 2 else { throw wrongCount(name) }
        let a = args[0].map(JSONPathText.compactJSON) ?? "null"
        let b = args[1].map(JSONPathText.compactJSON) ?? "null"
        let order: Int
        switch (args[0], args[1]) {
        case (.int(let x)?, .int(let y)?): order = x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x)?, .string(let y)?): order = x < y ? -1 : (x == y ? 0 : 1)
        default:
            guard name == "eq" || name == "ne" else {
                throw JSONPathError("template: output:1: error calling \(name): incompatible types for comparison")
            }
            order = a == b ? 0 : 1
        }
        let results = [
            "eq": order == 0, "ne": order != 0, "lt": order < 0, "gt": order > 0, "le": order <= 0, "ge": order >= 0,
        ]
        return .bool(results[name] ?? false)
    }

    /// fmt.Sprintf's common verbs: %s, %v, %d, %q and %%.
    static func printf(_ format: String, _ args: [WireValue?]) -> String {
        var out = ""
        var next = 0
        var percent = false
        for c in format {
            guard percent else {
                if c == "%" { percent = true } else { out.append(c) }
                continue
            }
            percent = false
            if c == "%" {
                out += "%"
                continue
            }
            guard next < args.count else {
                out += "%!\(c)(MISSING)"
                continue
            }
            let arg = args[next]
            next += 1
            switch c {
            case "q": out += JSONEmitter.string(arg.map(GoTemplate.printed) ?? "")
            default: out += GoTemplate.printed(arg)
            }
        }
        return out
    }

    private static func typeName(_ v: WireValue?) -> String {
        v.map(JSONPathText.goType) ?? "<nil>"
    }

    private static func wrongCount(_ name: String) -> JSONPathError {
        JSONPathError("template: output:1: wrong number of args for \(name)")
    }
}
