/// A simple JSONPath such as `{.status.readyReplicas}` or `.status.conditions[0].type`: fields
/// and array indexes only. kubectl accepts the same "relaxed" spellings (`{.a.b}`, `.a.b`, `a.b`;
/// kubectl's pkg/cmd/get RelaxedJSONPathExpression); filters, wildcards and ranges are refused
/// with a clear message rather than read wrongly.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Step: Hashable, Sendable {
        case field(String)
        case index(Int)
    }

    public var steps: [Step]
    /// The expression as kubectl shows it, `{.status.readyReplicas}`.
    public var description: String

    public init(steps: [Step], description: String) {
        self.steps = steps
        self.description = description
    }

    /// Parses the expression, or says what it cannot take.
    public static func parse(_ text: String) -> Result<FieldPath, FieldPathError> {
        var body = Substring(text)
        if body.hasPrefix("{") != body.hasSuffix("}") { return .failure(.unexpected(text)) }
        if body.hasPrefix("{") { body = body.dropFirst().dropLast() }
        if body.hasPrefix(".") { body = body.dropFirst() }
        if body.isEmpty { return .failure(.empty) }
        if body.contains(where: { "*?@$(){}\" ".contains($0) }) || body.contains("..") {
            return .failure(.notSimple(text))
        }
        var steps: [Step] = []
        var name = ""
        var chars = body.makeIterator()
        func endField() -> Bool {
            guard !name.isEmpty else { return false }
            steps.append(.field(name))
            name = ""
            return true
        }
        while let c = chars.next() {
            switch c {
            case "\\":
                // `\.` keeps a dot inside a key: `{.metadata.labels.app\.kubernetes\.io/name}`.
                if let next = chars.next() { name.append(next) }
            case ".":
                if !endField(), steps.last.map({ if case .index = $0 { false } else { true } }) ?? true {
                    return .failure(.notSimple(text))
                }
            case "[":
                _ = endField()
                var digits = ""
                while let d = chars.next(), d != "]" { digits.append(d) }
                guard let i = Int(digits), i >= 0 else { return .failure(.notSimple(text)) }
                steps.append(.index(i))
            default: name.append(c)
            }
        }
        _ = endField()
        return .success(FieldPath(steps: steps, description: "{.\(body)}"))
    }
}

public enum FieldPathError: Error, Hashable, Sendable {
    case empty
    case unexpected(String)
    case notSimple(String)

    public var message: String {
        switch self {
        case .empty: "jsonpath expression cannot be empty"
        case .unexpected:
            "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"
        case .notSimple(let text):
            "stsim's jsonpath takes field paths such as {.status.readyReplicas} or {.status.conditions[0].type}, not \(text)"
        }
    }
}
