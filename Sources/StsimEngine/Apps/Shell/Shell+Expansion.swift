/// Word expansion (XCU 2.6): parameters, command substitution, field splitting of what came
/// from an unquoted expansion, then pathname expansion (`Shell+Glob`) of words written without
/// expansions (`ls /usr/share/nginx/html/*`); an expanded value is not globbed.
extension Shell {
    func expand(_ word: ShellWord, _ io: inout ShellIO) throws -> [String] {
        if let pattern = Self.globPattern(word) { return glob(pattern) ?? [Self.unescape(pattern)] }
        var fields: [String] = []
        var current = ""
        var started = false
        for part in word.parts {
            switch part {
            case .text(let t, let quoted):
                current += t
                started = started || quoted || !t.isEmpty
            case .variable(let name, let quoted):
                let value = try parameter(name, &io)
                if quoted {
                    current += value
                    started = true
                } else {
                    split(value, into: &fields, &current, &started)
                }
            case .command(let source, let quoted), .arithmetic(let source, let quoted):
                let value = try expansion(part, source, &io)
                if quoted {
                    current += value
                    started = true
                } else {
                    split(value, into: &fields, &current, &started)
                }
            }
        }
        if started { fields.append(current) }
        return fields
    }

    /// The word as a pattern when it is plain text with an unquoted `*`, `?` or `[`: quoted
    /// characters and backslashes escaped, so that they match only themselves.
    static func globPattern(_ word: ShellWord) -> String? {
        var pattern = ""
        var magic = false
        for part in word.parts {
            guard case .text(let t, let quoted) = part else { return nil }
            if quoted {
                for c in t { pattern += "*?[]\\".contains(c) ? "\\\(c)" : String(c) }
            } else {
                magic = magic || hasMagic(t)
                pattern += t
            }
        }
        return magic ? pattern : nil
    }

    /// One word's text without field splitting (assignments, redirection targets, `case`).
    func expandText(_ word: ShellWord, _ io: inout ShellIO) throws -> String {
        var out = ""
        for part in word.parts {
            switch part {
            case .text(let t, _): out += t
            case .variable(let name, _): out += try parameter(name, &io)
            case .command(let source, _), .arithmetic(let source, _): out += try expansion(part, source, &io)
            }
        }
        return out
    }

    /// IFS splitting on blanks, tabs and newlines (the default IFS).
    private func split(_ value: String, into fields: inout [String], _ current: inout String, _ started: inout Bool) {
        let pieces = value.split(omittingEmptySubsequences: false) { $0 == " " || $0 == "\t" || $0 == "\n" }
        for (k, piece) in pieces.enumerated() {
            if k > 0, started {
                fields.append(current)
                current = ""
                started = false
            }
            if !piece.isEmpty {
                current += piece
                started = true
            }
        }
    }

    /// `$NAME` and `${NAME}`, with `${NAME:-word}`, `${NAME-word}` and `${#NAME}`.
    private func parameter(_ spec: String, _ io: inout ShellIO) throws -> String {
        if spec.hasPrefix("#"), spec.count > 1 { return String(value(String(spec.dropFirst()))?.count ?? 0) }
        for op in [":-", "-", ":=", "="] {
            guard let r = spec.firstRange(of: op) else { continue }
            let name = String(spec[..<r.lowerBound])
            let fallback = String(spec[r.upperBound...])
            let current = value(name)
            let unset = current == nil || (op.hasPrefix(":") && current == "")
            guard unset else { return current ?? "" }
            if op.hasSuffix("=") { variables[name] = fallback }
            return fallback
        }
        return value(spec) ?? ""
    }

    private func value(_ name: String) -> String? {
        switch name {
        case "?": String(status)
        case "$": "1"
        case "#": String(positional.count)
        case "0": self.name
        case "@", "*": positional.joined(separator: " ")
        case "!": ""
        default:
            if let n = Int(name), n >= 1 { n <= positional.count ? positional[n - 1] : nil } else { variables[name] }
        }
    }

    private func expansion(_ part: ShellWord.Part, _ source: String, _ io: inout ShellIO) throws -> String {
        guard case .arithmetic = part else { return try substitute(source, &io) }
        guard let value = Arithmetic(source, variables: variables).evaluate() else {
            io.error(messagePrefix + "arithmetic expression: expecting primary: \"\(source)\"\n")
            throw Jump.exit(2)
        }
        return String(value)
    }

    /// `$(...)`: runs in a subshell; its output without trailing newlines.
    private func substitute(_ source: String, _ io: inout ShellIO) throws -> String {
        let sub = subshell()
        var subIO = ShellIO()
        do {
            try sub.run(try ShellParser.parse(source), &subIO)
        } catch Jump.exit(let code) {
            sub.status = code
        }
        steps = sub.steps
        status = sub.status
        io.error(subIO.stderr)
        let out = subIO.stdout
        var bytes = Array(out.utf8)
        while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
