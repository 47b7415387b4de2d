import StsimEngine

/// "did you mean ...?" for misspelt field names, kinds and enum values.
enum Suggestion {
    /// The closest candidate within a small edit distance (a third of the word, at least 1, at most 3),
    /// or one that differs only in case. Ties go to the earlier candidate, so the answer is stable.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lower = word.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower && $0 != word }) { return same }
        let limit = min(3, max(1, word.count / 3))
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = distance(lower, c.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        if let best { return best.0 }
        // A shortened name (`reclaimPolicy` for `persistentVolumeReclaimPolicy`).
        guard word.count >= 4 else { return nil }
        return candidates.first { $0.lowercased().hasSuffix(lower) && $0 != word }
    }

    static func distance(_ a: String, _ b: String) -> Int { editDistance(a, b) }
}
