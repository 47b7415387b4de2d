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

    /// Damerau–Levenshtein distance (optimal string alignment), so "starage"/"storage" is 1 and a
    /// swapped pair of letters is 1 too.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
