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
        switch value {
        case .object(let fields):
            if fields.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, field) in fields.enumerated() {
                out += Spaces.of(indent + step)
                appendString(field.0, to: &out)
                out += ": "
                write(field.1, indent: indent + step, step: step, into: &out)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += Spaces.of(indent)
            out += "}"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += Spaces.of(indent + step)
                write(v, indent: indent + step, step: step, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += Spaces.of(indent)
            out += "]"
        case .string(let s): appendString(s, to: &out)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal escaped as Go's encoding/json does (`<`, `>`, `&` as \u escapes).
    public static func string(_ s: String) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
    }

    /// Appends `s` as a JSON string literal. Most strings need no escape: they are copied whole.
    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        if s.utf8.allSatisfy(isPlain) {
            out += s
        } else {
            appendEscaped(s, to: &out)
        }
        out += "\""
    }

    /// A byte that stands for itself: not a control character, quote, backslash or HTML
    /// character, nor the lead byte of U+2028 or U+2029 (E2 80 A8/A9; other E2 sequences take
    /// the slow path, which copies them as they are).
    private static func isPlain(_ b: UInt8) -> Bool {
        b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x3C && b != 0x3E && b != 0x26 && b != 0xE2
    }

    private static func appendEscaped(_ s: String, to out: inout String) {
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
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
}
