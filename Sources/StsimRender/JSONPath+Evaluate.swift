import StsimManifests

/// Applying a template to an object, as client-go's jsonpath.go does with missing keys allowed
/// (kubectl's default, `--allow-missing-template-keys=true`): a missing field prints nothing.
extension JSONPath {
    /// The printed text: each action's values joined by single spaces, nothing added at the end.
    public func text(_ data: WireValue) throws(JSONPathError) -> String {
        try results(data).map { group in group.map(JSONPathText.printed).joined(separator: " ") }.joined()
    }

    /// The values of every action, in template order (a range repeats its body per element).
    public func results(_ data: WireValue) throws(JSONPathError) -> [[WireValue]] {
        var index = 0
        return try run(nodes, from: &index, data: data, inRange: false)
    }

    private func run(_ nodes: [Node], from index: inout Int, data: WireValue, inRange: Bool) throws(JSONPathError)
        -> [[WireValue]]
    {
        var out: [[WireValue]] = []
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            if case .list(let parts) = node, case .identifier(let word)? = parts.first {
                if word == "end" {
                    guard inRange else { throw JSONPathError("not in range, nothing to end") }
                    return out
                }
                if word == "range" {
                    let values = try walk([data], .list(Array(parts.dropFirst())))
                    let bodyStart = index
                    for value in values {
                        index = bodyStart
                        out += try run(nodes, from: &index, data: value, inRange: true)
                    }
                    if values.isEmpty { _ = try run(nodes, from: &index, data: .null, inRange: true) }
                    continue
                }
            }
            out.append(try walk([data], node))
        }
        return out
    }

    func walk(_ input: [WireValue], _ node: Node) throws(JSONPathError) -> [WireValue] {
        switch node {
        case .list(let nodes):
            var current = input
            for n in nodes { current = try walk(current, n) }
            return current
        case .text(let s): return [.string(s)]
        case .number(let v): return input.map { _ in v }
        case .bool(let b): return input.map { _ in .bool(b) }
        case .field(let name): return input.compactMap { $0.fields?.first { $0.0 == name }?.1 }
        case .wildcard: return input.flatMap(Self.children)
        case .recursive: return input.flatMap(Self.descendants)
        case .slice(let params):
            var out: [WireValue] = []
            for v in input { out += try Self.slice(v, params) }
            return out
        case .union(let branches):
            var out: [WireValue] = []
            for branch in branches { out += try walk(input, .list(branch)) }
            return out
        case .filter(let left, let op, let right): return try filter(input, left: left, op: op, right: right)
        case .identifier(let word):
            if word == "end" { throw JSONPathError("not in range, nothing to end") }
            throw JSONPathError("unrecognized identifier \(word)")
        }
    }

    /// A map's values in key order (Go's map order is random; sorted is the stable choice), a
    /// list's elements.
    private static func children(_ v: WireValue) -> [WireValue] {
        if let fields = v.fields { return fields.sorted { $0.0 < $1.0 }.map { $0.1 } }
        return v.items ?? []
    }

    /// `..`: each container and everything beneath it, parents first.
    private static func descendants(_ v: WireValue) -> [WireValue] {
        let kids = children(v)
        if kids.isEmpty { return [] }
        return [v] + kids.flatMap(descendants)
    }

    private static func slice(_ v: WireValue, _ p: SliceParams) throws(JSONPathError) -> [WireValue] {
        guard let items = v.items else { throw JSONPathError("\(JSONPathText.goType(v)) is not array or slice") }
        let n = items.count
        var start = p.start ?? 0
        if start < 0 { start += n }
        var end = p.end ?? n
        if end < 0 || (end == 0 && p.endDerived) { end += n }
        if start == end { return [] }
        if start >= n || start < 0 {
            throw JSONPathError("array index out of bounds: index \(start), length \(n)")
        }
        if end > n || end < 0 { throw JSONPathError("array index out of bounds: index \(end - 1), length \(n)") }
        if start > end { throw JSONPathError("starting index \(start) is greater than ending index \(end)") }
        let step = p.step ?? 1
        if p.step != nil && step <= 0 { throw JSONPathError("step must be > 0") }
        return stride(from: start, to: end, by: step).map { items[$0] }
    }

    private func filter(_ input: [WireValue], left: [Node], op: String, right: [Node]) throws(JSONPathError)
        -> [WireValue]
    {
        var out: [WireValue] = []
        for value in input {
            guard let items = value.items else {
                throw JSONPathError("\(JSONPathText.goValue(value)) is not array or slice and cannot be filtered")
            }
            for item in items {
                let lefts = try walk([item], .list(left))
                if op == "exists" {
                    if !lefts.isEmpty { out.append(item) }
                    continue
                }
                if lefts.isEmpty { continue }
                guard lefts.count == 1 else { throw JSONPathError("can only compare one element at a time") }
                let rights = try walk([item], .list(right))
                if rights.isEmpty { continue }
                guard rights.count == 1 else { throw JSONPathError("can only compare one element at a time") }
                if try Self.compare(lefts[0], op, rights[0]) { out.append(item) }
            }
        }
        return out
    }

    private static func compare(_ a: WireValue, _ op: String, _ b: WireValue) throws(JSONPathError) -> Bool {
        let order: Int
        switch (a, b) {
        case (.int(let x), .int(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)):
            guard op == "==" || op == "!=" else { throw JSONPathError("invalid kind: bool; expected string or number") }
            order = x == y ? 0 : 1
        default:
            if op == "==" { return false }
            if op == "!=" { return true }
            throw JSONPathError("incompatible types for comparison")
        }
        switch op {
        case "==": return order == 0
        case "!=": return order != 0
        case "<": return order < 0
        case ">": return order > 0
        case "<=": return order <= 0
        case ">=": return order >= 0
        default: throw JSONPathError("unrecognized filter operator \(op)")
        }
    }
}
