import StsimEngine

/// The JSON value an API object becomes on the wire. Objects keep Go's struct field order (what
/// `-o json` prints); the YAML printer sorts keys, as kubectl's JSON-to-YAML conversion does.
// Sendable is declared, not inferred: inferring it through the recursive tuple payload is a
// "circular reference" in Swift 6 mode.
public enum WireValue: Sendable {
    case object([(String, WireValue)])
    case array([WireValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    /// A Go map (labels, selectors): encoding/json writes map keys sorted.
    static func map(_ m: [String: String]) -> WireValue {
        .object(m.keys.sorted().map { ($0, .string(m[$0]!)) })
    }

    /// `intstr.IntOrString`: a number when it is one.
    static func intOrString(_ s: String) -> WireValue {
        if let i = Int(s), String(i) == s { return .int(i) }
        return .string(s)
    }
}

/// Builds one JSON object field by field; nil values are left out (`omitempty`).
struct WireObject {
    private(set) var fields: [(String, WireValue)] = []

    subscript(key: String) -> WireValue? {
        get { fields.first { $0.0 == key }?.1 }
        set { if let newValue { fields.append((key, newValue)) } }
    }

    var value: WireValue { .object(fields) }

    mutating func string(_ key: String, _ v: String?) { if let v, !v.isEmpty { self[key] = .string(v) } }
    mutating func int(_ key: String, _ v: Int?) { if let v { self[key] = .int(v) } }
    /// An int field with `omitempty`: zero is left out.
    mutating func nonZero(_ key: String, _ v: Int) { if v != 0 { self[key] = .int(v) } }
    mutating func bool(_ key: String, _ v: Bool?) { if let v { self[key] = .bool(v) } }
    mutating func strings(_ key: String, _ v: [String]?) {
        if let v, !v.isEmpty { self[key] = .array(v.map { .string($0) }) }
    }
    mutating func map(_ key: String, _ v: [String: String]) { if !v.isEmpty { self[key] = .map(v) } }
    mutating func array(_ key: String, _ v: [WireValue]) { if !v.isEmpty { self[key] = .array(v) } }
}
