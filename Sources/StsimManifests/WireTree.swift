import Yams

/// The generic tree operations apply, patch and edit work on: manifests and live objects are both
/// turned into wire values (the JSON the API speaks), changed there, and decoded back through the
/// loader, so every rule of decoding, defaulting and validation applies to the result too.
extension WireValue {
    /// A YAML or JSON document as the JSON kubectl would send (plain `3` a number, `true` a bool).
    init(_ node: YAMLNode) {
        switch node {
        case .mapping(let m):
            self = .object(m.map { ($0.key.scalar?.string ?? "\($0.key)", WireValue($0.value)) })
        case .sequence(let s):
            self = .array(s.map(WireValue.init))
        default:
            switch JSONShape(node) {
            case .null, .array, .object: self = .null
            case .bool(let b): self = .bool(b)
            case .integer(let i): self = .int(Int(i))
            // Whole floats are what Go's JSON decoder gives an int field; others stay text, which
            // the decoder then reports as the type error it is.
            case .float(let f):
                self = Double(f).flatMap { $0 == $0.rounded() && abs($0) < 9e18 ? .int(Int($0)) : nil } ?? .string(f)
            case .string(let s): self = .string(s)
            }
        }
    }

    /// Parses one JSON or YAML document; nil with Yams' problem text when it is not one.
    static func parse(_ text: String) -> Result<WireValue, WireParseError> {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(WireParseError(problem: "the text is empty"))
            }
            return .success(WireValue(node))
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let p, let m, _), .parser(_, let p, let m, _), .composer(_, let p, let m, _):
                return .failure(WireParseError(problem: "yaml: line \(m.line): \(p)"))
            default:
                return .failure(WireParseError(problem: "\(error)"))
            }
        } catch {
            return .failure(WireParseError(problem: "\(error)"))
        }
    }

    public var fields: [(String, WireValue)]? {
        if case .object(let f) = self { return f }
        return nil
    }

    public var items: [WireValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public subscript(key: String) -> WireValue? {
        fields?.first { $0.0 == key }?.1
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Structural equality; objects compare as maps (key order does not matter, as in JSON).
    func same(as other: WireValue) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { k, v in b.first { $0.0 == k }.map { v.same(as: $0.1) } ?? false }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.same(as: $1) }
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// A copy without `null` members: in a patch or a manifest they mean "delete", never a value.
    var withoutNulls: WireValue {
        switch self {
        case .object(let f): return .object(f.filter { !$0.1.isNull }.map { ($0.0, $0.1.withoutNulls) })
        case .array(let a): return .array(a.map(\.withoutNulls))
        default: return self
        }
    }

    /// Sets (or with nil removes) a member of an object, keeping the other members' order.
    func setting(_ key: String, _ value: WireValue?) -> WireValue {
        var f = fields ?? []
        if let i = f.firstIndex(where: { $0.0 == key }) {
            if let value { f[i].1 = value } else { f.remove(at: i) }
        } else if let value {
            f.append((key, value))
        }
        return .object(f)
    }
}

struct WireParseError: Error {
    var problem: String
}

extension WireValue {
    /// A JSON or YAML document as a tree; nil when it is not one.
    public static func document(_ text: String) -> WireValue? {
        try? parse(text).get()
    }
}
