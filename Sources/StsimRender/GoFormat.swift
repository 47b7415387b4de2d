import StsimEngine
import StsimManifests

/// Go's fmt for the values a template sees: `%v` printing, `fmt.Sprint`, and `fmt.Sprintf` with
/// flags, widths, precisions and the verbs of the integer, string and bool kinds (`%-10s`,
/// `%5d`, `%q`, `%x`, `%T`, ...), including fmt's `%!d(string=x)`, `%!s(MISSING)` and
/// `%!(EXTRA ...)` markers.
enum GoFormat {
    /// What an action prints: text/template writes `<no value>` for the invalid value.
    static func printed(_ v: GoValue) -> String {
        if case .missing = v { return "<no value>" }
        return printed(forPrint: v)
    }

    /// `fmt.Sprint` of one operand.
    static func printed(forPrint v: GoValue) -> String {
        switch v {
        case .missing, .wire(.null): return "<nil>"
        case .int(let i): return String(i)
        case .wire(let w): return JSONPathText.goValue(w)
        }
    }

    /// `fmt.Sprint`: a space between operands when neither is a string.
    static func sprint(_ args: [GoValue]) -> String {
        var out = ""
        for (i, a) in args.enumerated() {
            if i > 0, !isString(a), !isString(args[i - 1]) { out += " " }
            out += printed(forPrint: a)
        }
        return out
    }

    private static func isString(_ v: GoValue) -> Bool {
        if case .wire(.string) = v { return true }
        return false
    }

    static func quote(_ s: String) -> String { GoSyntax.quote(s) }

    /// `%#U`: `U+0021 '!'`.
    static func unicodePoint(_ u: Unicode.Scalar) -> String {
        "U+" + hex(Int(u.value), width: 4).uppercased() + " '\(Character(u))'"
    }

    static func hex(_ n: Int, width: Int) -> String {
        let digits = String(n, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    struct Spec {
        var minus = false, plus = false, sharp = false, space = false, zero = false
        var width: Int?
        var precision: Int?
        var verb: Character = "v"
    }

    static func sprintf(_ format: String, _ args: [GoValue]) -> String {
        var out = ""
        var next = 0
        let chars = Array(format)
        var i = 0
        while i < chars.count {
            guard chars[i] == "%" else {
                out.append(chars[i])
                i += 1
                continue
            }
            i += 1
            var spec = Spec()
            flags: while i < chars.count {
                switch chars[i] {
                case "-": spec.minus = true
                case "+": spec.plus = true
                case "#": spec.sharp = true
                case " ": spec.space = true
                case "0": spec.zero = !spec.minus
                default: break flags
                }
                i += 1
            }
            spec.width = number(chars, &i, args, &next)
            if i < chars.count, chars[i] == "." {
                i += 1
                spec.precision = number(chars, &i, args, &next) ?? 0
            }
            guard i < chars.count else {
                out += "%!(NOVERB)"
                break
            }
            spec.verb = chars[i]
            i += 1
            if spec.verb == "%" {
                out += "%"
                continue
            }
            guard next < args.count else {
                out += "%!\(spec.verb)(MISSING)"
                continue
            }
            out += formatted(args[next], spec)
            next += 1
        }
        if next < args.count {
            let extra = args[next...].map { "\($0.typeName)=\(printed(forPrint: $0))" }
            out += "%!(EXTRA " + extra.joined(separator: ", ") + ")"
        }
        return out
    }

    /// A width or precision: digits, or `*` taking an int operand.
    private static func number(_ chars: [Character], _ i: inout Int, _ args: [GoValue], _ next: inout Int) -> Int? {
        if i < chars.count, chars[i] == "*" {
            i += 1
            guard next < args.count else { return nil }
            defer { next += 1 }
            if case .int(let n) = args[next] { return n }
            if case .wire(.int(let n)) = args[next] { return n }
            return nil
        }
        var digits = ""
        while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
            digits.append(String(d))
            i += 1
        }
        return Int(digits)
    }

    static func formatted(_ v: GoValue, _ spec: Spec) -> String {
        if spec.verb == "T" { return pad(v.typeName, spec) }
        switch v {
        case .missing, .wire(.null):
            return spec.verb == "v" ? pad("<nil>", spec) : "%!\(spec.verb)(<nil>)"
        case .int(let n), .wire(.int(let n)): return integer(n, v, spec)
        case .wire(.string(let s)): return string(s, spec)
        case .wire(.bool(let b)):
            return spec.verb == "v" || spec.verb == "t" ? pad(b ? "true" : "false", spec) : bad(v, spec)
        case .wire(.array(let items)):
            return "[" + items.map { formatted(.wire($0), spec) }.joined(separator: " ") + "]"
        case .wire(.object(let fields)):
            let pairs = fields.sorted { $0.0 < $1.0 }.map {
                formatted(.wire(.string($0.0)), spec) + ":" + formatted(.wire($0.1), spec)
            }
            return "map[" + pairs.joined(separator: " ") + "]"
        }
    }

    private static func bad(_ v: GoValue, _ spec: Spec) -> String {
        "%!\(spec.verb)(\(v.typeName)=\(printed(forPrint: v)))"
    }

    private static func string(_ s: String, _ spec: Spec) -> String {
        var s = s
        if let p = spec.precision, spec.verb != "x", spec.verb != "X" {
            s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p)))
        }
        switch spec.verb {
        case "v", "s": return pad(s, spec)
        case "q": return pad(spec.sharp && !s.contains("`") ? "`" + s + "`" : quote(s), spec)
        case "x", "X":
            let bytes = spec.precision.map { Array(s.utf8.prefix($0)) } ?? Array(s.utf8)
            let h = bytes.map { hex(Int($0), width: 2) }.joined(separator: spec.space ? " " : "")
            return pad(spec.verb == "X" ? h.uppercased() : h, spec)
        default: return bad(.wire(.string(s)), spec)
        }
    }

    private static func integer(_ n: Int, _ v: GoValue, _ spec: Spec) -> String {
        var digits: String
        var prefix = ""
        switch spec.verb {
        case "v", "d": digits = String(n.magnitude)
        case "b":
            digits = String(n.magnitude, radix: 2)
            if spec.sharp { prefix = "0b" }
        case "o", "O":
            digits = String(n.magnitude, radix: 8)
            if spec.verb == "O" { prefix = "0o" } else if spec.sharp { prefix = "0" }
        case "x", "X":
            digits = String(n.magnitude, radix: 16)
            if spec.verb == "X" { digits = digits.uppercased() }
            if spec.sharp { prefix = spec.verb == "X" ? "0X" : "0x" }
        case "c": return pad(Unicode.Scalar(UInt32(clamping: n)).map { String(Character($0)) } ?? "\u{FFFD}", spec)
        case "q":
            let c = Unicode.Scalar(UInt32(clamping: n)).map { String(Character($0)) } ?? "\u{FFFD}"
            let q = quote(c)
            return pad("'" + q.dropFirst().dropLast().replacingApostrophe() + "'", spec)
        case "U": return pad("U+" + hex(n, width: 4).uppercased(), spec)
        default: return bad(v, spec)
        }
        if let p = spec.precision {
            if p == 0 && n == 0 { digits = "" }
            digits = String(repeating: "0", count: max(0, p - digits.count)) + digits
        }
        let sign = n < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : ""
        if spec.zero, !spec.minus, spec.precision == nil, let w = spec.width {
            let used = sign.count + prefix.count + digits.count
            digits = String(repeating: "0", count: max(0, w - used)) + digits
        }
        return pad(sign + prefix + digits, spec)
    }

    private static func pad(_ s: String, _ spec: Spec) -> String {
        guard let w = spec.width else { return s }
        let missing = w - s.unicodeScalars.count
        guard missing > 0 else { return s }
        if spec.minus { return s + String(repeating: " ", count: missing) }
        return String(repeating: spec.zero ? "0" : " ", count: missing) + s
    }
}

extension Substring {
    /// strconv.QuoteRune's body from Quote's: `"` plain, `'` escaped.
    fileprivate func replacingApostrophe() -> String {
        var out = ""
        var escaped = false
        for c in self {
            if escaped {
                out += c == "\"" ? "\"" : "\\" + String(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out += c == "'" ? "\\'" : String(c)
            }
        }
        return out
    }
}
