import StsimEngine

/// Writes wire values as kubectl's `-o yaml` does (sigs.k8s.io/yaml over yaml.v2): keys sorted,
/// two-space indentation, lists at their parent key's indentation, and strings quoted only where a
/// plain scalar would read back as something else.
enum YAMLEmitter {
    static func document(_ value: WireValue) -> String {
        var out = ""
        switch value {
        case .object(let fields) where !fields.isEmpty: writeFields(fields, indent: 0, into: &out)
        case .array(let items) where !items.isEmpty: writeItems(items, indent: 0, into: &out)
        default: out = scalar(value) + "\n"
        }
        return out
    }

    /// `inline`: the first line continues a `- ` already written, so it takes no indentation
    /// (the rest align under it).
    private static func writeFields(
        _ fields: [(String, WireValue)], indent: Int, into out: inout String, inline: Bool = false
    ) {
        var first = inline
        for (key, value) in fields.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            if !first { out += Spaces.of(indent) }
            first = false
            out += string(key)
            out += ":"
            writeValue(value, indent: indent, into: &out)
        }
    }

    /// After `key:` or `- ` has been written.
    private static func writeValue(_ value: WireValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let f) where !f.isEmpty:
            out += "\n"
            writeFields(f, indent: indent + 2, into: &out)
        case .array(let items) where !items.isEmpty:
            out += "\n"
            writeItems(items, indent: indent, into: &out)
        case .string(let s) where literalFits(s):
            out += " "
            out += literal(s, indent: indent + 2)
        default:
            out += " "
            out += scalar(value)
            out += "\n"
        }
    }

    static func writeItems(_ items: [WireValue], indent: Int, into out: inout String, inline: Bool = false) {
        var first = inline
        for item in items {
            if !first { out += Spaces.of(indent) }
            first = false
            out += "- "
            switch item {
            case .object(let f) where !f.isEmpty:
                // The first field shares the dash's line; the rest align under it.
                writeFields(f, indent: indent + 2, into: &out, inline: true)
            case .array(let inner) where !inner.isEmpty:
                writeItems(inner, indent: indent + 2, into: &out, inline: true)
            case .string(let s) where literalFits(s):
                out += literal(s, indent: indent + 2)
            default:
                out += scalar(item)
                out += "\n"
            }
        }
    }

    private static func scalar(_ value: WireValue) -> String {
        switch value {
        case .object: return "{}"
        case .array: return "[]"
        case .string(let s): return string(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Multi-line text reads back exactly from a `|` block unless it starts with a space (which
    /// would need an indentation indicator), ends in several newlines, or holds control characters
    /// or trailing spaces; those are double-quoted instead.
    private static func literalFits(_ s: String) -> Bool {
        guard s.utf8.contains(10), !s.hasPrefix(" "), !s.hasPrefix("\n"), !s.hasSuffix("\n\n") else { return false }
        if s.contains(" \n") || s.hasSuffix(" ") { return false }
        return s.unicodeScalars.allSatisfy { $0 == "\n" || ($0.value >= 0x20 && $0.value != 0x7f) }
    }

    /// `|` (or `|-` without a final newline) block for multi-line text.
    private static func literal(_ s: String, indent: Int) -> String {
        let chomp = s.hasSuffix("\n") ? "" : "-"
        let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        return "|\(chomp)\n" + lines.map { $0.isEmpty ? "" : Spaces.of(indent) + $0 }.joined(separator: "\n") + "\n"
    }

    static func string(_ s: String) -> String {
        // yaml.v2 double-quotes strings that would resolve to another type (numbers, bools, null,
        // timestamps); other unsafe strings get single quotes.
        if case .string = JSONShape(plain: s), !looksLikeTimestamp(s) {
            return isPlainSafe(s) ? s : singleQuoted(s)
        }
        return GoSyntax.quote(s)
    }

    private static func looksLikeTimestamp(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 10 else { return false }
        func digit(_ i: Int) -> Bool { u[i] >= 48 && u[i] <= 57 }
        return digit(0) && digit(1) && digit(2) && digit(3) && u[4] == 45 && u[7] == 45
    }

    /// No `: `, ` #`, tab or other control character (DEL included): one pass over the bytes, since
    /// every string of a large listing comes here.
    private static func hasNoPlainBreakers(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x7f { return false }
            if previous == UInt8(ascii: ":") && b == UInt8(ascii: " ") { return false }
            if previous == UInt8(ascii: " ") && b == UInt8(ascii: "#") { return false }
            previous = b
        }
        return true
    }

    private static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-foo`, `:foo` and `?foo` are plain if not followed by a space; kubectl keeps it simple.
            guard first == "-" || first == ":" || first == "?", s.unicodeScalars.count > 1,
                s.unicodeScalars.dropFirst().first != " "
            else { return false }
        }
        return hasNoPlainBreakers(s)
    }

    private static func singleQuoted(_ s: String) -> String {
        if !s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }) { return GoSyntax.quote(s) }
        var out = "'"
        for c in s { out += c == "'" ? "''" : String(c) }
        return out + "'"
    }
}
