import StsimEngine

/// Parses resource quantities (`1Mi`, `5Gi`, `500m`, `1e3`, `0.5Gi`) by apimachinery's grammar,
/// without trapping on absurd sizes: a manifest may say `9999999999Ei`, and the loader must survive it
/// (the engine's `Quantity.init?(_:)` converts a Double to Int64 unchecked, so input from users goes
/// through here).
public enum QuantityText {
    /// apimachinery's ErrFormatWrong text, shown by the API server for any malformed quantity.
    public static let formatError =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

    private static let binary: [(String, Double)] = [
        ("Ki", 0x1p10), ("Mi", 0x1p20), ("Gi", 0x1p30), ("Ti", 0x1p40), ("Pi", 0x1p50), ("Ei", 0x1p60),
    ]
    private static let decimal: [(String, Double)] = [
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("", 1), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12),
        ("P", 1e15), ("E", 1e18),
    ]

    public static func parse(_ text: String) -> Quantity? {
        let chars = Array(text)
        var i = 0
        if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
        let numberStart = i
        var dots = 0
        while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." {
            if chars[i] == "." { dots += 1 }
            i += 1
        }
        let number = String(chars[0..<i])
        guard i > numberStart, dots <= 1, number != ".",
            let base = Double(number.hasSuffix(".") ? number + "0" : number)
        else { return nil }
        let suffix = String(chars[i...])
        var factor: Double
        if let (_, f) = binary.first(where: { $0.0 == suffix }) {
            factor = f
        } else if let (_, f) = decimal.first(where: { $0.0 == suffix }) {
            factor = f
        } else if let e = suffix.first, e == "e" || e == "E", let exp = Int(suffix.dropFirst()), abs(exp) <= 400 {
            factor = pow10(exp)
        } else {
            return nil
        }
        let total = (base * factor).rounded(.up)
        // Clamp instead of trapping: Int64(Double) traps out of range.
        let value: Int64 = total >= 9.2e18 ? Int64.max : (total <= -9.2e18 ? Int64.min : Int64(total))
        return Quantity(value: value, text: text)
    }

    private static func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}

extension MappingReader {
    /// A quantity written as a string (`5Gi`) or a bare number (`1024`).
    func quantity(_ key: String) -> Quantity? {
        guard let v = node(key) else { return nil }
        switch JSONShape(v) {
        case .integer(let i): return Quantity(value: i, text: String(i))
        case .string(let s), .float(let s):
            if let q = QuantityText.parse(s) { return q }
            // In a resource list the whole list is the field (`spec.resources[storage]` is its echo).
            ctx.fail(goType == "ResourceList" ? path : child(key))
            ctx.report(
                .error, at: v.mark, QuantityText.formatError,
                hint: "write a number with an optional suffix, e.g. 1Mi, 5Gi, 500m")
        default:
            typeError(key, v, expected: "resource.Quantity")
        }
        return nil
    }

    /// A `map[ResourceName]Quantity` such as `resources.requests`; unknown resource names are kept so
    /// validation can say which one is misspelt.
    func quantityMap(_ key: String) -> [(name: String, quantity: Quantity?)]? {
        guard let v = node(key) else { return nil }
        guard case .mapping(let m) = v else {
            typeError(key, v, expected: "v1.ResourceList")
            return nil
        }
        let r = MappingReader(m, path: child(key), goPath: goChild(key), goType: "ResourceList", ctx: ctx)
        return r.keys.map { name in
            (name, r.quantity(name))
        }
    }
}
