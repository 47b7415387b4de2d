import StsimEngine

/// bash's brace expansion in a for loop's list, as tutorials write it: `for i in {0..2}`,
/// `{0..10..2}`, `{a..c}`, `web-{0..2}`, `{00..10}` (padded), `{a,b,c}`. Only an unquoted word
/// of plain text expands, as in bash ("{0..2}" stays as written).
extension Lexer {
    func braceExpansion(_ word: Word) throws(Failure) -> [Word] {
        guard let text = Lexer.literal(word), let open = text.firstIndex(of: "{"),
            let close = text[open...].firstIndex(of: "}")
        else { return [word] }
        let inner = String(text[text.index(after: open)..<close])
        guard let items = Self.braceItems(inner) else { return [word] }
        guard items.count <= ForLoop.commandLimit else {
            throw Failure(
                diagnostic: error(
                    at: word.location,
                    "{\(inner)} gives more than \(ForLoop.commandLimit.groupedDigits) words, stsim's limit for one loop"
                ),
                incomplete: false)
        }
        let prefix = text[..<open]
        let suffix = text[text.index(after: close)...]
        var out: [Word] = []
        for item in items {
            // What follows may hold another brace (`{a,b}{1..2}`): bash expands it too.
            out += try braceExpansion(Word(prefix + item + suffix, at: word.location))
            guard out.count <= ForLoop.commandLimit else {
                throw Failure(
                    diagnostic: error(
                        at: word.location, "\(text) gives more than \(ForLoop.commandLimit.groupedDigits) words"),
                    incomplete: false)
            }
        }
        return out
    }

    /// The words of one `{...}`, or nil when bash leaves it as written (`{}`, `{x}`, `{1..b}`).
    static func braceItems(_ inner: String) -> [String]? {
        if inner.contains(",") {
            return inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let parts = inner.split(separator: ".", omittingEmptySubsequences: false)
        // `A..B` splits into A, "", B; `A..B..S` into A, "", B, "", S.
        guard parts.count == 3 || parts.count == 5, parts[1].isEmpty, parts.count == 3 || parts[3].isEmpty else {
            return nil
        }
        let (a, b) = (String(parts[0]), String(parts[2]))
        let step = parts.count == 5 ? Int(parts[4]) : 1
        guard let step, step != Int.min else { return nil }
        if let first = Int(a), let last = Int(b) {
            return numbers(from: first, to: last, step: abs(step) == 0 ? 1 : abs(step), width: padding(a, b))
        }
        guard a.count == 1, b.count == 1, let x = a.unicodeScalars.first?.value, let y = b.unicodeScalars.first?.value,
            a.first!.isLetter, b.first!.isLetter
        else { return nil }
        let codes = numbers(from: Int(x), to: Int(y), step: abs(step) == 0 ? 1 : abs(step), width: 0)
        return codes.compactMap { Int($0).flatMap(UnicodeScalar.init).map { String(Character($0)) } }
    }

    /// bash pads every number to the widest end's width when either end has a leading zero.
    private static func padding(_ a: String, _ b: String) -> Int {
        let zero = { (s: String) in s.drop { $0 == "-" }.count > 1 && s.drop { $0 == "-" }.first == "0" }
        return zero(a) || zero(b) ? max(a.count, b.count) : 0
    }

    private static func numbers(from first: Int, to last: Int, step: Int, width: Int) -> [String] {
        // Counted before any is made: {1..100000000} must not fill memory.
        guard
            (last.subtractingReportingOverflow(first).partialValue.magnitude / UInt(step)) < UInt(ForLoop.commandLimit)
        else { return Array(repeating: "", count: ForLoop.commandLimit + 1) }
        let values = stride(from: first, through: last, by: first <= last ? step : -step)
        return values.map { n in
            let digits = String(n.magnitude)
            let sign = n < 0 ? "-" : ""
            let pad = max(0, width - digits.count - sign.count)
            return sign + String(repeating: "0", count: pad) + digits
        }
    }
}
