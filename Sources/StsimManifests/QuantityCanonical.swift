import StsimEngine

/// The canonical text the API server prints for a quantity (apimachinery `Quantity.String()`): the
/// same format family as written (binary `Ki`..`Ei`, or decimal), with the largest suffix that keeps
/// the number whole, so `1024Mi` prints as `1Gi`, `0.5Gi` as `512Mi` and `1000M` as `1G`.
public enum QuantityCanonical {
    private static let binary = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
    private static let decimal = ["", "k", "M", "G", "T", "P", "E"]

    public static func text(_ q: Quantity) -> String {
        guard let (mantissa, scale, isBinary, power) = exact(q.text) else { return q.text }
        if isBinary {
            // bytes = mantissa * 1024^power / 10^scale; a fraction of a byte keeps the text.
            guard let numerator = multiply(mantissa, by: 1024, times: power),
                let divisor = multiply(1, by: 10, times: scale), numerator % divisor == 0
            else { return q.text }
            return largestSuffix(numerator / divisor, base: 1024, suffixes: binary)
        }
        // value = mantissa * 10^exponent, with milli as the smallest suffix printed.
        let exponent = 3 * power - scale
        if exponent >= 0 {
            guard let whole = multiply(mantissa, by: 10, times: exponent) else { return q.text }
            return largestSuffix(whole, base: 1000, suffixes: decimal)
        }
        guard exponent >= -3, let milli = multiply(mantissa, by: 10, times: exponent + 3) else { return q.text }
        return milli % 1000 == 0 ? largestSuffix(milli / 1000, base: 1000, suffixes: decimal) : "\(milli)m"
    }

    private static func largestSuffix(_ value: Int64, base: Int64, suffixes: [String]) -> String {
        var v = value
        var i = 0
        while v != 0, v % base == 0, i < suffixes.count - 1 {
            v /= base
            i += 1
        }
        return "\(v)\(suffixes[i])"
    }

    private static func multiply(_ value: Int64, by factor: Int64, times: Int) -> Int64? {
        var v = value
        for _ in 0..<max(0, times) {
            let (m, overflow) = v.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            v = m
        }
        return v
    }

    /// Splits `1.5Gi` into mantissa 15, scale 1, binary, power 3. Only the suffixed and plain
    /// forms are canonicalised; exponent forms (`1e3`) and signs keep their text.
    private static func exact(_ text: String) -> (Int64, Int, Bool, Int)? {
        var number = Substring(text)
        var isBinary = false
        var power = 0
        if let i = binary.dropFirst().firstIndex(where: { text.hasSuffix($0) }) {
            isBinary = true
            power = i
            number = number.dropLast(2)
        } else if let i = decimal.dropFirst().firstIndex(where: { text.hasSuffix($0) }) {
            power = i
            number = number.dropLast(1)
        } else if text.hasSuffix("m") {
            power = -1
            number = number.dropLast(1)
        }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let mantissa = Int64(parts.joined()), parts.joined().count <= 15
        else { return nil }
        return (mantissa, parts.count == 2 ? parts[1].count : 0, isBinary, power)
    }
}
