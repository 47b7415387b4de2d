import Yams

/// What a YAML node means once converted to JSON, the way kubectl converts a manifest before sending
/// it (sigs.k8s.io/yaml over YAML 1.1 rules, with no knowledge of the target type): a plain `3` is a
/// number, a plain `yes` a bool, a quoted `"3"` a string.
enum JSONShape {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A number that is not a whole int64 (`1.5`, `1e30`), kept as written.
    case float(String)
    case string(String)
    case array
    case object

    init(_ node: YAMLNode) {
        switch node {
        case .mapping: self = .object
        case .sequence: self = .array
        case .alias: self = .null
        case .scalar(let s):
            guard s.style == .plain else {
                self = .string(s.string)
                return
            }
            self = JSONShape(plain: s.string)
        }
    }

    init(plain text: String) {
        // Most scalars begin with a letter that starts no null, bool or number (`nginx`, `web-0`):
        // they are strings without the checks below, which a large listing pays per value.
        if let first = text.utf8.first, Self.startsOnlyStrings(first) {
            self = .string(text)
            return
        }
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": self = .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": self = .bool(false)
        default:
            if let i = JSONShape.integer(text) {
                self = .integer(i)
            } else if JSONShape.isFloat(text) {
                self = .float(text)
            } else {
                self = .string(text)
            }
        }
    }

    /// An ASCII letter other than the first letters of YAML 1.1's null and bool words
    /// (`null`, `y`/`yes`, `n`/`no`, `on`/`off`, `true`, `false`, in any of their cases).
    private static func startsOnlyStrings(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return false }
        return !"nyotf".utf8.contains(lower)
    }

    /// Decimal integers with an optional sign, as YAML 1.1 resolves them (`_` separators allowed).
    private static func integer(_ text: String) -> Int64? {
        var t = Substring(text)
        var negative = false
        if let f = t.first, f == "+" || f == "-" {
            negative = f == "-"
            t = t.dropFirst()
        }
        // One pass over the bytes first: most scalars that start like a number are not one
        // (`10.244.1.5`, `2026-12-06T...`), and they are told apart without building anything.
        guard let lead = t.utf8.first, lead != UInt8(ascii: "_"),
            t.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") })
        else { return nil }
        let digits = t.filter { $0 != "_" }
        guard !digits.isEmpty else { return nil }
        if digits.count > 1, digits.first == "0" { return nil }  // YAML 1.1 octal: not a JSON number
        guard let v = Int64(digits) else {
            return nil
        }
        return negative ? -v : v
    }

    private static func isFloat(_ text: String) -> Bool {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "-.inf", ".nan", ".NaN", ".NAN": return true
        default: break
        }
        var sawDigit = false
        var sawDot = false
        var sawExp = false
        var previous: Character = " "
        for (i, c) in text.enumerated() {
            if c.isASCII, c.isNumber {
                sawDigit = true
            } else if c == "." && !sawDot && !sawExp {
                sawDot = true
            } else if (c == "e" || c == "E") && sawDigit && !sawExp {
                sawExp = true
            } else if (c == "+" || c == "-") && (i == 0 || previous == "e" || previous == "E") {
            } else if c == "_" {
            } else {
                return false
            }
            previous = c
        }
        // Digits too many for int64 also end up here: JSON has them as a (float) number.
        return sawDigit
    }

    /// The word encoding/json uses for the value in `cannot unmarshal <word> into ...`.
    var jsonWord: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .integer, .float: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
