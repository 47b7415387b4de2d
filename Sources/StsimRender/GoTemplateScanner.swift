/// Splits a Go template into text and `{{...}}` actions, and an action into words.
enum GoTemplateScanner {
    struct Token {
        var action: String
        var isAction: Bool
    }

    static func tokens(_ template: String) throws(JSONPathError) -> [Token] {
        var tokens: [Token] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            var text = rest[..<open.lowerBound]
            var inner = rest[open.upperBound...]
            // `{{- ` trims the white space before the action, ` -}}` the white space after it.
            if inner.hasPrefix("- ") {
                text = Substring(String(text.reversed().drop(while: \.isWhitespace).reversed()))
                inner = inner.dropFirst(2)
            }
            guard let close = inner.range(of: "}}") else { throw JSONPathError("template: output:1: unclosed action") }
            var action = inner[..<close.lowerBound]
            rest = inner[close.upperBound...]
            if action.hasSuffix(" -") {
                action = action.dropLast(2)
                rest = rest.drop(while: \.isWhitespace)
            }
            if !text.isEmpty { tokens.append(Token(action: String(text), isAction: false)) }
            tokens.append(Token(action: action.trimmingCharacters(), isAction: true))
        }
        if !rest.isEmpty { tokens.append(Token(action: String(rest), isAction: false)) }
        return tokens
    }

    /// White-space separated words; a quoted string is one word; commas between variables go.
    static func words(_ action: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for c in action {
            if quoted {
                current.append(c)
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    quoted = false
                }
            } else if c == "\"" {
                quoted = true
                current.append(c)
            } else if c.isWhitespace || c == "," {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
