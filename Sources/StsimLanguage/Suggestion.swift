import StsimEngine

/// "did you mean ...?" for misspelt commands, flags, kinds and names.
public enum Suggestion {
    /// The candidates closest to `word`, best first: a typo distance small for the word's
    /// length, or a candidate the word is a prefix of.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let w = word.lowercased()
        guard !w.isEmpty else { return [] }
        let allowed = max(1, min(3, w.count / 3))
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let c = candidate.lowercased()
            if c == w { continue }
            let d = distance(w, c)
            if d <= allowed {
                scored.append((d, candidate))
            } else if w.count >= 2 && c.hasPrefix(w) {
                scored.append((allowed + 1, candidate))
            }
        }
        var seen = Set<String>()
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map(\.1).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// `did you mean "a"?` / `did you mean "a" or "b"?`, or nil.
    public static func hint(for word: String, in candidates: [String]) -> String? {
        let found = closest(to: word, in: candidates)
        guard !found.isEmpty else { return nil }
        let quoted = found.map { "\"\($0)\"" }
        if quoted.count == 1 { return "did you mean \(quoted[0])?" }
        return "did you mean \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last!)?"
    }

    static func distance(_ a: String, _ b: String) -> Int { editDistance(a, b) }
}
