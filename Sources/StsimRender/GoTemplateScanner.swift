/// text/template's lexer (Go's text/template/parse/lex.go): text, `{{...}}` actions with their
/// trim markers (`{{- ` and ` -}}`) and comments, and inside an action the items the parser
/// reads. A lexing error ends the items with `.error`, whose text the parser reports as is.
enum GoTemplateScanner {
    enum Kind: Equatable {
        case text, leftDelim, rightDelim, space, identifier, keyword, field, variable, declare, assign
        case pipe, leftParen, rightParen, string, rawString, charConstant, number, bool, nilValue, dot, comma
        case error, eof
    }

    struct Item {
        var kind: Kind
        var text: String
        /// Byte offset in the template, for `output:LINE:COLUMN` in execution errors.
        var pos: Int
        var line: Int

        /// How Go's parser names an item in `unexpected X in Y`.
        var described: String {
            switch kind {
            case .eof: return "EOF"
            case .error: return text
            case .keyword, .bool, .nilValue, .dot: return "<\(text)>"
            default:
                let quoted = GoFormat.quote(text)
                return text.unicodeScalars.count > 10
                    ? GoFormat.quote(String(String.UnicodeScalarView(text.unicodeScalars.prefix(10)))) + "..." : quoted
            }
        }
    }

    static let keywords: Set<String> = [
        "block", "break", "continue", "define", "else", "end", "if", "range", "template", "with",
    ]

    static func items(_ template: String) -> [Item] {
        var lexer = Lexer(bytes: Array(template.utf8))
        lexer.run()
        return lexer.items
    }

    private struct Lexer {
        let bytes: [UInt8]
        var items: [Item] = []
        var pos = 0
        var start = 0
        var line = 1

        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }
        func has(_ s: String, at: Int) -> Bool {
            let u = Array(s.utf8)
            return at + u.count <= bytes.count && Array(bytes[at..<at + u.count]) == u
        }
        static func isSpace(_ c: UInt8?) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        static func isAlnum(_ c: UInt8?) -> Bool {
            guard let c else { return false }
            return c == 95 || (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c >= 0x80
        }

        mutating func emit(_ kind: Kind, from: Int, to: Int) {
            let text = String(decoding: bytes[from..<to], as: UTF8.self)
            items.append(Item(kind: kind, text: text, pos: from, line: line))
            line += text.utf8.filter { $0 == 10 }.count
        }

        mutating func fail(_ message: String) {
            items.append(Item(kind: .error, text: message, pos: pos, line: line))
        }

        mutating func run() {
            while true {
                guard let open = (pos..<bytes.count).first(where: { has("{{", at: $0) }) else {
                    if pos < bytes.count { emit(.text, from: pos, to: bytes.count) }
                    items.append(Item(kind: .eof, text: "", pos: bytes.count, line: line))
                    return
                }
                var textEnd = open
                let trimLeft = has("{{- ", at: open) || (has("{{-", at: open) && Self.isSpace(byte(open + 3)))
                if trimLeft { while textEnd > pos && Self.isSpace(bytes[textEnd - 1]) { textEnd -= 1 } }
                if textEnd > pos { emit(.text, from: pos, to: textEnd) }
                line += bytes[textEnd..<open].filter { $0 == 10 }.count
                pos = open + (trimLeft ? 3 : 2)
                if !insideAction(open: open) { return }
            }
        }

        /// Lexes one action after `{{` (and its trim marker); false after an error.
        mutating func insideAction(open: Int) -> Bool {
            var skipped = pos
            while Self.isSpace(byte(skipped)) { skipped += 1 }
            if has("/*", at: skipped) { return comment(from: skipped) }
            items.append(Item(kind: .leftDelim, text: "{{", pos: open, line: line))
            var parens = 0
            while true {
                if Self.isSpace(byte(pos)) {
                    var end = pos
                    while Self.isSpace(byte(end)) { end += 1 }
                    if has("-}}", at: end) && end > pos {
                        emit(.space, from: pos, to: end)
                        return closeAction(at: end + 1, trimRight: true, parens: parens)
                    }
                    emit(.space, from: pos, to: end)
                    pos = end
                    continue
                }
                if has("}}", at: pos) { return closeAction(at: pos, trimRight: false, parens: parens) }
                guard let c = byte(pos) else {
                    fail("unclosed action")
                    return false
                }
                guard token(c, parens: &parens) else { return false }
            }
        }

        /// One item inside an action; false after an error.
        mutating func token(_ c: UInt8, parens: inout Int) -> Bool {
            let from = pos
            if let kind = [UInt8(ascii: "="): Kind.assign, UInt8(ascii: "|"): .pipe, UInt8(ascii: ","): .comma][c] {
                pos += 1
                emit(kind, from: from, to: pos)
                return true
            }
            switch c {
            case UInt8(ascii: ":"):
                guard byte(pos + 1) == UInt8(ascii: "=") else {
                    fail("expected :=")
                    return false
                }
                pos += 2
                emit(.declare, from: from, to: pos)
            case UInt8(ascii: "("):
                parens += 1
                pos += 1
                emit(.leftParen, from: from, to: pos)
            case UInt8(ascii: ")"):
                parens -= 1
                if parens < 0 {
                    fail("unexpected right paren")
                    return false
                }
                pos += 1
                emit(.rightParen, from: from, to: pos)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard quoted(c) else { return false }
            case UInt8(ascii: "`"):
                guard let end = (pos + 1..<bytes.count).first(where: { bytes[$0] == c }) else {
                    fail("unterminated raw quoted string")
                    return false
                }
                pos = end + 1
                emit(.rawString, from: from, to: pos)
            case UInt8(ascii: "$"):
                pos += 1
                while Self.isAlnum(byte(pos)) { pos += 1 }
                emit(.variable, from: from, to: pos)
            case UInt8(ascii: "."):
                if let next = byte(pos + 1), (48...57).contains(next) {
                    number()
                } else {
                    pos += 1
                    while Self.isAlnum(byte(pos)) { pos += 1 }
                    emit(pos - from == 1 ? .dot : .field, from: from, to: pos)
                }
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                number()
            default: return word(c)
            }
            return true
        }

        /// A keyword, `true`/`false`, `nil` or a function's name.
        mutating func word(_ c: UInt8) -> Bool {
            guard Self.isAlnum(c) else {
                let scalar = String(decoding: bytes[pos...].prefix(4), as: UTF8.self).unicodeScalars.first!
                fail("unrecognized character in action: \(GoFormat.unicodePoint(scalar))")
                return false
            }
            let from = pos
            while Self.isAlnum(byte(pos)) { pos += 1 }
            let word = String(decoding: bytes[from..<pos], as: UTF8.self)
            let kind: Kind =
                GoTemplateScanner.keywords.contains(word)
                ? .keyword : word == "true" || word == "false" ? .bool : word == "nil" ? .nilValue : .identifier
            emit(kind, from: from, to: pos)
            return true
        }

        mutating func closeAction(at: Int, trimRight: Bool, parens: Int) -> Bool {
            if parens > 0 {
                pos = at
                fail("unclosed left paren")
                return false
            }
            items.append(Item(kind: .rightDelim, text: "}}", pos: at, line: line))
            pos = at + 2
            if trimRight {
                while Self.isSpace(byte(pos)) {
                    if bytes[pos] == 10 { line += 1 }
                    pos += 1
                }
            }
            return true
        }

        /// `{{/* ... */}}`: nothing is emitted; the delimiter must follow the comment.
        mutating func comment(from: Int) -> Bool {
            guard let end = (from + 2..<bytes.count).first(where: { has("*/", at: $0) }) else {
                fail("unclosed comment")
                return false
            }
            line += bytes[from..<end].filter { $0 == 10 }.count
            pos = end + 2
            if has(" -}}", at: pos) {
                pos += 4
                while Self.isSpace(byte(pos)) {
                    if bytes[pos] == 10 { line += 1 }
                    pos += 1
                }
                return true
            }
            guard has("}}", at: pos) else {
                fail("comment ends before closing delimiter")
                return false
            }
            pos += 2
            return true
        }

        mutating func quoted(_ quote: UInt8) -> Bool {
            let from = pos
            pos += 1
            while let c = byte(pos), c != quote {
                if c == 10 { break }
                pos += c == UInt8(ascii: "\\") ? 2 : 1
            }
            guard byte(pos) == quote else {
                fail(quote == UInt8(ascii: "'") ? "unterminated character constant" : "unterminated quoted string")
                return false
            }
            pos += 1
            emit(quote == UInt8(ascii: "'") ? .charConstant : .string, from: from, to: pos)
            return true
        }

        mutating func number() {
            let from = pos
            if byte(pos) == UInt8(ascii: "+") || byte(pos) == UInt8(ascii: "-") { pos += 1 }
            while let c = byte(pos), Self.isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") { pos += 1 }
            emit(.number, from: from, to: pos)
        }
    }
}
