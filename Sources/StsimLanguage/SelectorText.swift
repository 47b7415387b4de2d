import StsimEngine

/// kubectl's label selector syntax (`-l`): `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`,
/// `k`, `!k`, joined by commas.
public enum SelectorText {
    public static func parse(_ text: String, at location: SourceLocation) throws(Diagnostic) -> LabelSelector {
        var selector = LabelSelector()
        for clause in splitClauses(text) {
            let c = clause.trimmingSpaces()
            guard !c.isEmpty else {
                throw Diagnostic(
                    at: location, "the selector \"\(text)\" has an empty part",
                    hint: "write it like app=web or app=web,tier!=db")
            }
            if let r = c.firstRange(of: " notin ") ?? c.firstRange(of: " in ") {
                let key = String(c[..<r.lowerBound]).trimmingSpaces()
                let list = String(c[r.upperBound...]).trimmingSpaces()
                guard list.hasPrefix("("), list.hasSuffix(")"), !key.isEmpty else {
                    throw Diagnostic(at: location, "\"\(c)\": a set needs parentheses, as in env in (prod,dev)")
                }
                try check(key, in: text, at: location)
                let values = list.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingSpaces() }
                let op: LabelSelectorRequirement.Operator = c[r].contains("notin") ? .notIn : .in
                selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: op, values: values))
            } else if let r = c.firstRange(of: "!=") {
                let key = String(c[..<r.lowerBound]).trimmingSpaces()
                let value = String(c[r.upperBound...]).trimmingSpaces()
                try check(key, in: text, at: location)
                selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .notIn, values: [value]))
            } else if let r = c.firstRange(of: "==") ?? c.firstRange(of: "=") {
                let key = String(c[..<r.lowerBound]).trimmingSpaces()
                let value = String(c[r.upperBound...]).trimmingSpaces()
                try check(key, in: text, at: location)
                selector.matchLabels[key] = value
            } else if c.hasPrefix("!") {
                let key = String(c.dropFirst())
                try check(key, in: text, at: location)
                selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .doesNotExist))
            } else {
                try check(c, in: text, at: location)
                selector.matchExpressions.append(LabelSelectorRequirement(key: c, operator: .exists))
            }
        }
        return selector
    }

    private static func check(_ key: String, in text: String, at location: SourceLocation) throws(Diagnostic) {
        let ok = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
        if !ok {
            throw Diagnostic(
                at: location, "\"\(key)\" in the selector \"\(text)\" is not a label key",
                hint: "write it like app=web or app=web,tier!=db")
        }
    }

    /// Commas split clauses, except inside `( )`.
    private static func splitClauses(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == "," && depth == 0 {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current)
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
