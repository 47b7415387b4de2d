/// A Kubernetes resource quantity (`1Mi`, `500M`, `2Gi`), kept as written and as a byte count for
/// comparisons (PV capacity against a claim's request, section 8.1).
public struct Quantity: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The text as the user wrote it; printers canonicalise it.
    public var text: String
    /// The value in whole units (bytes for storage), rounded up.
    public var value: Int64

    public init(value: Int64, text: String? = nil) {
        self.value = value
        self.text = text ?? String(value)
    }

    private static let suffixes: [(String, Int64)] = [
        ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40), ("Pi", 1 << 50), ("Ei", 1 << 60),
        ("k", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
        ("P", 1_000_000_000_000_000), ("E", 1_000_000_000_000_000_000),
    ]

    /// Parses `<number><suffix>` with binary (Ki..Ei) or decimal (k..E) suffixes, or `m` (milli).
    public init?(_ text: String) {
        var number = Substring(text)
        var factor: Int64 = 1
        var milli = false
        if let (s, f) = Self.suffixes.first(where: { text.hasSuffix($0.0) }) {
            number = number.dropLast(s.count)
            factor = f
        } else if text.hasSuffix("m") {
            number = number.dropLast()
            milli = true
        }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, parts.count <= 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0]))
        else { return nil }
        var frac: Double = 0
        if parts.count == 2, !parts[1].isEmpty { frac = Double("0." + parts[1]) ?? 0 }
        let total = (Double(whole) + frac) * Double(factor) / (milli ? 1000 : 1)
        // Beyond Int64 (8Ei) the byte count would trap: such a size is refused, not stored.
        guard total.rounded(.up) < Double(Int64.max) else { return nil }
        self.init(value: Int64(total.rounded(.up)), text: text)
    }

    public static func == (a: Quantity, b: Quantity) -> Bool { a.value == b.value }
    public func hash(into h: inout Hasher) { h.combine(value) }
    public static func < (a: Quantity, b: Quantity) -> Bool { a.value < b.value }
    public var description: String { text }
}
