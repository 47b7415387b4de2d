/// text/template's `html`, `js` and `urlquery` (Go's HTMLEscapeString, JSEscapeString and
/// url.QueryEscape).
enum GoEscape {
    /// The functions' one argument as text: a string as is, else `fmt.Sprint` of all of them.
    static func joined(_ args: [GoValue]) -> String {
        if args.count == 1, case .wire(.string(let s)) = args[0] { return s }
        return GoFormat.sprint(args)
    }

    static func html(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "'": out += "&#39;"
            case "\"": out += "&#34;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func js(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u" + GoFormat.hex(Int(u.value), width: 4).uppercased()
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    static func urlQuery(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "): out += "+"
            default: out += "%" + GoFormat.hex(Int(b), width: 2).uppercased()
            }
        }
        return out
    }
}
