import StsimEngine

/// Here-documents (`<<EOF`, `<<-EOF`, `<<'EOF'`): the operator, the body up to the delimiter line,
/// and `${NAME}` references inside an unquoted body, as a POSIX shell reads them.
extension Lexer {
    /// `<<WORD`, `<<-WORD`, `<<'WORD'`, `<< "WORD"`; the cursor is on the first `<`.
    /// `second`: the command already has one, which is an error here.
    mutating func readHereDocumentOperator(second: Bool) throws(Failure) -> PendingHereDocument {
        if second {
            throw Failure(diagnostic: error(at: here, "only one here-document per command"), incomplete: false)
        }
        let location = here
        advance()
        advance()
        var stripTabs = false
        if pos < chars.count, chars[pos] == "-" {
            stripTabs = true
            advance()
        }
        while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" { advance() }
        guard pos < chars.count, chars[pos] != "\n", chars[pos] != ";" else {
            throw Failure(diagnostic: error(at: location, "<< needs a delimiter word, as in <<EOF"), incomplete: false)
        }
        let word = try readWord()
        var delimiter = ""
        for part in word.parts {
            switch part {
            case .text(let s): delimiter += s
            case .variable(let name, _): delimiter += "${\(name)}"
            }
        }
        // As in the shell: a quoted delimiter turns expansion off inside the body.
        return PendingHereDocument(
            delimiter: delimiter, stripTabs: stripTabs, expands: !word.wasQuoted,
            location: location)
    }

    /// Reads body lines up to the delimiter line; the cursor is at the start of the first body line.
    mutating func readHereDocument(_ p: PendingHereDocument) throws(Failure) -> HereDocument {
        let firstBodyLine = line
        var body = ""
        var indents: [Int] = []
        while true {
            guard pos < chars.count else {
                throw Failure(
                    diagnostic: error(
                        at: p.location,
                        "here-document ended by the end of input (wanted \"\(p.delimiter)\")"),
                    incomplete: true)
            }
            var text = ""
            while pos < chars.count, chars[pos] != "\n" {
                text.append(chars[pos])
                advance()
            }
            let hadNewline = pos < chars.count
            if hadNewline { advance() }
            var candidate = text
            if p.stripTabs { while candidate.first == "\t" { candidate.removeFirst() } }
            indents.append(indent + text.count - candidate.count)
            if candidate.last == "\r" { candidate.removeLast() }
            if candidate == p.delimiter { break }
            body += candidate + "\n"
            if !hadNewline {
                throw Failure(
                    diagnostic: error(
                        at: p.location,
                        "here-document ended by the end of input (wanted \"\(p.delimiter)\")"),
                    incomplete: true)
            }
        }
        let parts =
            p.expands
            ? Lexer.expandableParts(of: body, firstLine: firstBodyLine, file: file, indents: indents)
            : [.text(body)]
        return HereDocument(body: parts, delimiter: p.delimiter, location: p.location, firstBodyLine: firstBodyLine)
    }

    /// `${NAME}` references inside a here-document body; everything else is literal. `indents`
    /// are the tabs `<<-` took from each line, so columns still count from the line's start.
    static func expandableParts(of body: String, firstLine: Int, file: String, indents: [Int] = []) -> [WordPart] {
        var parts: [WordPart] = []
        var literal = ""
        let cs = Array(body)
        var i = 0
        var line = firstLine
        var column = 1 + (indents.first ?? 0)
        // The next "}" at or after the cursor, found once and reused: a body of many "${" with no
        // "}" would otherwise scan to its end from each of them.
        var nextClose: Int? = -1
        while i < cs.count {
            if cs[i] == "$", i + 1 < cs.count, cs[i + 1] == "{" {
                if let known = nextClose, known < i + 2 { nextClose = cs[(i + 2)...].firstIndex(of: "}") }
            }
            if cs[i] == "$", i + 1 < cs.count, cs[i + 1] == "{", let close = nextClose {
                let name = String(cs[(i + 2)..<close])
                if isVariableName(name) {
                    if !literal.isEmpty {
                        parts.append(.text(literal))
                        literal = ""
                    }
                    parts.append(.variable(name: name, at: SourceLocation(file: file, line: line, column: column)))
                    column += close - i + 1
                    i = close + 1
                    continue
                }
            }
            if cs[i] == "\n" {
                line += 1
                let index = line - firstLine
                column = 1 + (index < indents.count ? indents[index] : 0)
            } else {
                column += 1
            }
            literal.append(cs[i])
            i += 1
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }
}
