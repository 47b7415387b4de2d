/// `$((...))` (XCU 2.6.4): integers, variables (`x`, `$x`, `${x}`), `+ - * / %`, comparisons and parentheses.
struct Arithmetic {
    private let chars: [Character]
    private var i = 0
    private let variables: [String: String]

    init(_ text: String, variables: [String: String]) {
        chars = Array(text)
        self.variables = variables
    }

    /// The value, or nil for an expression that does not parse (or divides by zero).
    func evaluate() -> Int? {
        var copy = self
        guard let v = copy.comparison() else { return nil }
        copy.skipBlanks()
        return copy.i == copy.chars.count ? v : nil
    }

    private mutating func skipBlanks() { while i < chars.count, chars[i] == " " { i += 1 } }

    private mutating func take(_ op: String) -> Bool {
        skipBlanks()
        let end = i + op.count
        guard end <= chars.count, String(chars[i..<end]) == op else { return false }
        i = end
        return true
    }

    private mutating func comparison() -> Int? {
        guard var v = sum() else { return nil }
        for op in ["<=", ">=", "==", "!=", "<", ">"] where take(op) {
            guard let w = sum() else { return nil }
            v = Self.compare(op, v, w) ? 1 : 0
            break
        }
        return v
    }

    private static func compare(_ op: String, _ a: Int, _ b: Int) -> Bool {
        switch op {
        case "<=": a <= b
        case ">=": a >= b
        case "==": a == b
        case "!=": a != b
        case "<": a < b
        default: a > b
        }
    }

    private mutating func sum() -> Int? {
        guard var v = product() else { return nil }
        while true {
            if take("+"), let w = product() {
                v &+= w
            } else if take("-"), let w = product() {
                v &-= w
            } else {
                return v
            }
        }
    }

    private mutating func product() -> Int? {
        guard var v = unary() else { return nil }
        while true {
            if take("*"), let w = unary() {
                v &*= w
            } else if take("/"), let w = unary(), w != 0 {
                v /= w
            } else if take("%"), let w = unary(), w != 0 {
                v %= w
            } else {
                return v
            }
        }
    }

    private mutating func unary() -> Int? {
        if take("-") { return unary().map { 0 &- $0 } }
        if take("+") { return unary() }
        if take("(") {
            let v = comparison()
            return take(")") ? v : nil
        }
        let dollar = take("$")
        let braced = dollar && take("{")
        skipBlanks()
        let start = i
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
        let word = String(chars[start..<i])
        if braced, !take("}") { return nil }
        if let n = Int(word) { return n }
        guard let first = word.first, first.isLetter || first == "_" else { return nil }
        return Int(variables[word] ?? "0") ?? 0
    }
}
