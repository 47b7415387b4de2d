/// Writes wire values as kubectl's `-o json` does (encoding/json MarshalIndent with four spaces,
/// struct field order, HTML characters escaped).
public enum JSONEmitter {
    static func document(_ value: WireValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out + "\n"
    }

    /// What the API server sends a curl or wget client (apiserver's responsewriters indent its
    /// JSON for them with two spaces): the object in the server's own field order, kind first.
    public static func apiDocument(_ value: WireValue) -> String {
        var out = ""
        write(Self.kindFirst(value), indent: 0, step: 2, into: &out)
        return out + "\n"
    }

    /// TypeMeta's order, Kind then APIVersion, as Go marshals the server's structs.
    private static func kindFirst(_ value: WireValue) -> WireValue {
        guard case .object(var fields) = value, let k = fields.firstIndex(where: { $0.0 == "kind" }),
            let a = fields.firstIndex(where: { $0.0 == "apiVersion" }), a < k
        else { return value }
        fields.swapAt(a, k)
        return .object(fields)
    }

    static func write(_ value: WireValue, indent: Int, step: Int = 4, into out: inout String) {
        let inner = String(repeating: " ", count: indent + step)
        switch value {
        case .object(let fields):
            if fields.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, field) in fields.enumerated() {
                out += inner + string(field.0) + ": "
                write(field.1, indent: indent + step, step: step, into: &out)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += inner
                write(v, indent: indent + step, step: step, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .string(let s): out += string(s)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal escaped as Go's encoding/json does (`<`, `>`, `&` as \u escapes).
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(u.value)
            default:
                if u.value < 0x20 { out += unicodeEscape(u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
}
