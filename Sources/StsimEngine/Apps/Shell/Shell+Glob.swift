/// Pathname expansion (XCU 2.13): an unquoted `*`, `?` or `[...]` in a word makes it a pattern,
/// replaced by the matching paths in byte order; a pattern that matches nothing stays as
/// written. A leading `.` in a name matches only a literal `.`.
extension Shell {
    /// The word's paths, or nil when it matches nothing. `pattern` escapes quoted characters
    /// with a backslash, so they match only themselves.
    func glob(_ pattern: String) -> [String]? {
        let absolute = pattern.hasPrefix("/")
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var found: [String] = [absolute ? "/" : ""]
        for (k, part) in parts.enumerated() {
            let last = k == parts.count - 1
            var next: [String] = []
            for base in found {
                let dir = self.absolute(base.isEmpty ? "." : base)
                if Self.hasMagic(part) {
                    guard case .success(let names) = files.list(dir), files.kind(dir) == .directory else { continue }
                    for name in names where Self.matches(part, name) {
                        next.append(Self.join(base, name))
                    }
                } else {
                    let path = Self.join(base, Self.unescape(part))
                    if last ? files.kind(self.absolute(path)) != nil : files.kind(self.absolute(path)) == .directory {
                        next.append(path)
                    }
                }
            }
            found = next
            if found.isEmpty { return nil }
        }
        return found.isEmpty || parts.isEmpty ? nil : found
    }

    private static func join(_ base: String, _ name: String) -> String {
        base.isEmpty ? name : base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// Whether an unescaped `*`, `?` or `[` is in the text.
    static func hasMagic(_ text: String) -> Bool {
        var escaped = false
        for c in text {
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "*" || c == "?" || c == "[" {
                return true
            }
        }
        return false
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if !escaped, c == "\\" {
                escaped = true
                continue
            }
            escaped = false
            out.append(c)
        }
        return out
    }

    /// fnmatch(3) without flags but FNM_PERIOD: `*`, `?`, `[a-z]`, `[!x]`, and `\` escapes.
    static func matches(_ pattern: String, _ name: String) -> Bool {
        if name.hasPrefix("."), !pattern.hasPrefix(".") { return false }
        return match(Array(pattern), 0, Array(name), 0)
    }

    private static func match(_ p: [Character], _ i: Int, _ s: [Character], _ j: Int) -> Bool {
        if i == p.count { return j == s.count }
        switch p[i] {
        case "*":
            for k in j...s.count where match(p, i + 1, s, k) { return true }
            return false
        case "?":
            return j < s.count && match(p, i + 1, s, j + 1)
        case "[":
            guard j < s.count, let (ok, end) = bracket(p, i, s[j]) else {
                return j < s.count && s[j] == "[" && match(p, i + 1, s, j + 1)
            }
            return ok && match(p, end, s, j + 1)
        case "\\" where i + 1 < p.count:
            return j < s.count && s[j] == p[i + 1] && match(p, i + 2, s, j + 1)
        default:
            return j < s.count && s[j] == p[i] && match(p, i + 1, s, j + 1)
        }
    }

    /// A bracket expression at `p[i]`: whether `c` is in it, and the index after its `]`; nil
    /// when it is not closed (then `[` is an ordinary character).
    private static func bracket(_ p: [Character], _ i: Int, _ c: Character) -> (Bool, Int)? {
        var k = i + 1
        let negated = k < p.count && (p[k] == "!" || p[k] == "^")
        if negated { k += 1 }
        var hit = false
        var first = true
        while k < p.count, p[k] != "]" || first {
            first = false
            if k + 2 < p.count, p[k + 1] == "-", p[k + 2] != "]" {
                if p[k] <= c && c <= p[k + 2] { hit = true }
                k += 3
            } else {
                if p[k] == c { hit = true }
                k += 1
            }
        }
        guard k < p.count else { return nil }
        return (hit != negated, k + 1)
    }
}
