import StsimManifests

/// How kubectl's printers turn JSON values into text. The jsonpath printer round-trips the object
/// through encoding/json into Go maps, so numbers are float64 (`1e+06`), maps print as compact
/// JSON with sorted keys; custom-columns formats unstructured values with Go's `%v`
/// (`map[app:web]`, `[a b]`, whole numbers as int64).
enum JSONPathText {
    /// One `-o jsonpath` result.
    static func printed(_ v: WireValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return goFloat(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .object, .array: return compactJSON(v)
        }
    }

    /// encoding/json's Marshal of the unmarshalled map: no spaces, keys sorted.
    static func compactJSON(_ v: WireValue) -> String {
        switch v {
        case .object(let fields):
            let inner = fields.sorted { $0.0 < $1.0 }.map { JSONEmitter.string($0.0) + ":" + compactJSON($0.1) }
            return "{" + inner.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(compactJSON).joined(separator: ",") + "]"
        case .string(let s): return JSONEmitter.string(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Go's `%v` of a float64 holding a whole number: `%g` with the shortest digits, which
    /// switches to an exponent from 1e+06 on (`1e+06`, `1.234567e+06`).
    static func goFloat(_ i: Int) -> String {
        let digits = String(i.magnitude)
        let exponent = digits.count - 1
        guard exponent >= 6 else {
            return String(i)
        }
        var mantissa = Substring(digits)
        while mantissa.count > 1 && mantissa.hasSuffix("0") { mantissa = mantissa.dropLast() }
        let head = String(mantissa.prefix(1)) + (mantissa.count > 1 ? "." + mantissa.dropFirst() : "")
        let exp = exponent < 10 ? "0\(exponent)" : "\(exponent)"
        return (i < 0 ? "-" : "") + head + "e+" + exp
    }

    /// Go's `%v` of an unstructured value (custom-columns cells).
    static func goValue(_ v: WireValue) -> String { v.goText }

    /// The Go type a value has after encoding/json, for client-go's "is not array" message.
    static func goType(_ v: WireValue) -> String {
        switch v {
        case .object: return "map[string]interface {}"
        case .array: return "[]interface {}"
        case .string: return "string"
        case .int: return "float64"
        case .bool: return "bool"
        case .null: return "interface {}"
        }
    }
}
