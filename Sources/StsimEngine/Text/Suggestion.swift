/// "did you mean ...?": the one home of suggestions, for misspelt commands, flags, kinds and names
/// (StsimLanguage) and misspelt manifest fields, kinds and enum values (StsimManifests). Both
/// measure with `editDistance` and allow a typo distance small for the word's length: a third of
/// it, at least 1, at most 3.
public enum Suggestion {
    static func allowedDistance(_ word: String) -> Int { max(1, min(3, word.count / 3)) }

    /// The candidates closest to `word`, best first: a typo distance small for the word's
    /// length, or a candidate the word is a prefix of.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let w = word.lowercased()
        guard !w.isEmpty else { return [] }
        let allowed = allowedDistance(w)
        let length = w.count
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let c = candidate.lowercased()
            if c == w { continue }
            // Lengths further apart than the allowed distance cannot be within it: a long word
            // (a 2 MB typo) costs no edit-distance table.
            guard abs(length - c.count) <= allowed else {
                if length >= 2 && c.hasPrefix(w) { scored.append((allowed + 1, candidate)) }
                continue
            }
            let d = distance(w, c)
            if d <= allowed {
                scored.append((d, candidate))
            } else if length >= 2 && c.hasPrefix(w) {
                scored.append((allowed + 1, candidate))
            }
        }
        var seen = Set<String>()
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map(\.1).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// `did you mean "a"?` / `did you mean "a" or "b"?`, or nil.
    public static func hint(for word: String, in candidates: [String]) -> String? {
        didYouMean(closest(to: word, in: candidates))
    }

    /// `did you mean "a"?`, `did you mean "a", "b" or "c"?`; nil for no names.
    public static func didYouMean(_ names: [String]) -> String? {
        guard let last = names.last else { return nil }
        let quoted = names.map { "\"\($0)\"" }
        if quoted.count == 1 { return "did you mean \(quoted[0])?" }
        return "did you mean \(quoted.dropLast().joined(separator: ", ")) or \"\(last)\"?"
    }

    /// `did you mean "a"?` for the `nearest` candidate, or nil.
    public static func hint(nearest word: String, among candidates: [String]) -> String? {
        nearest(to: word, among: candidates).flatMap { didYouMean([$0]) }
    }

    /// The one field name, kind or enum value `word` most likely meant: one that differs only in
    /// case, else the closest within the allowed distance, else (a shortened name such as
    /// `reclaimPolicy` for `persistentVolumeReclaimPolicy`) one that ends with it. Ties go to the
    /// earlier candidate, so the answer is stable.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let lower = word.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower && $0 != word }) { return same }
        let limit = allowedDistance(word)
        let length = lower.count
        var best: (String, Int)?
        for c in candidates where c != word && abs(length - c.count) <= limit {
            let d = distance(lower, c.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        if let best { return best.0 }
        guard word.count >= 4 else { return nil }
        return candidates.first { $0.lowercased().hasSuffix(lower) && $0 != word }
    }

    static func distance(_ a: String, _ b: String) -> Int { editDistance(a, b) }
}
