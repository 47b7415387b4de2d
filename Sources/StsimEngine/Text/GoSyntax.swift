/// Values printed the way Go's fmt prints them in Kubernetes' messages: the one home of Go-style
/// quoting, used by the API server's validation (`Validation`), the manifest checks and the YAML
/// writer. Field errors quote strings with `%q` and maps with `%#v`
/// (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go).
public enum GoSyntax {
    /// `%q` of a string (strconv.Quote): double quotes, with `"`, `\` and control characters
    /// escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    let h = String(u.value, radix: 16)
                    out += "\\x" + (h.count < 2 ? "0" + h : h)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// `%#v` of a `map[string]string`: fmt prints maps with their keys sorted.
    public static func stringMap(_ m: [String: String]) -> String {
        let body = m.keys.sorted().map { "\(quote($0)):\(quote(m[$0]!))" }.joined(separator: ", ")
        return "map[string]string{\(body)}"
    }
}
