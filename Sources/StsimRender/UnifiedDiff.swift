/// The hunks of GNU `diff -u` between two texts, line by line, with three lines of context, as
/// `kubectl diff` shows them (it runs `diff -u -N` on the live and merged objects' YAML).
public enum UnifiedDiff {
    private enum Edit: Equatable {
        case same(Int, Int)
        case removed(Int)
        case added(Int)

        var isChange: Bool {
            if case .same = self { return false }
            return true
        }
    }

    /// The `@@ -a,b +c,d @@` hunks and their lines; empty when the texts are equal.
    public static func hunks(old: [String], new: [String], context: Int = 3) -> [String] {
        let edits = script(old, new)
        guard edits.contains(where: \.isChange) else { return [] }
        var out: [String] = []
        var i = 0
        while i < edits.count {
            guard let firstChange = edits[i...].firstIndex(where: \.isChange) else { break }
            let start = max(i, firstChange - context)
            // The hunk grows while the next change is within twice the context of the last one.
            var end = firstChange
            var k = firstChange
            while k < edits.count {
                if !edits[k].isChange {
                    guard let n = edits[k...].firstIndex(where: \.isChange), n - k <= 2 * context else { break }
                    k = n
                } else {
                    end = k
                    k += 1
                }
            }
            let stop = min(edits.count, end + 1 + context)
            out += hunk(edits, start..<stop, old: old, new: new)
            i = stop
        }
        return out
    }

    private static func hunk(_ edits: [Edit], _ span: Range<Int>, old: [String], new: [String]) -> [String] {
        var lines: [String] = []
        var oldCount = 0
        var newCount = 0
        for e in edits[span] {
            switch e {
            case .same(let a, _):
                oldCount += 1
                newCount += 1
                lines.append(" " + old[a])
            case .removed(let a):
                oldCount += 1
                lines.append("-" + old[a])
            case .added(let b):
                newCount += 1
                lines.append("+" + new[b])
            }
        }
        let (oldAt, newAt) = cursor(before: span.lowerBound, in: edits)
        // GNU diff numbers lines from 1; an empty side is `N,0`, N the line before the hunk.
        func range(_ at: Int, _ count: Int) -> String {
            count == 0 ? "\(at),0" : count == 1 ? "\(at + 1)" : "\(at + 1),\(count)"
        }
        return ["@@ -\(range(oldAt, oldCount)) +\(range(newAt, newCount)) @@"] + lines
    }

    /// How many old and new lines the script has passed before edit `index`.
    private static func cursor(before index: Int, in edits: [Edit]) -> (Int, Int) {
        var old = 0
        var new = 0
        for e in edits[..<index] {
            switch e {
            case .same: (old, new) = (old + 1, new + 1)
            case .removed: old += 1
            case .added: new += 1
            }
        }
        return (old, new)
    }

    /// The shortest edit script by longest common subsequence, removals before additions at
    /// each change, as diff prints them.
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count
        let m = b.count
        // lcs[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(.same(i, j))
                i += 1
                j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                edits.append(.removed(i))
                i += 1
            } else {
                edits.append(.added(j))
                j += 1
            }
        }
        return edits
    }
}
