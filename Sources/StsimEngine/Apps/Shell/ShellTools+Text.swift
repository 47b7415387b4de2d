/// The text tools: echo, printf, grep, wc, head, tail.
extension Shell {
    /// dash's built-in echo always reads backslash escapes and takes only `-n`; GNU's and
    /// BusyBox's take `-n`, `-e` and `-E`.
    func echo(_ args: [String]) -> ProcessResult {
        var args = args[...]
        var newline = true
        var escapes = profile.shell == .dash && !direct
        while let a = args.first, a.count > 1, a.hasPrefix("-"), a.dropFirst().allSatisfy({ "neE".contains($0) }) {
            if profile.shell == .dash, !direct, a != "-n" { break }
            for letter in a.dropFirst() {
                if letter == "n" { newline = false } else { escapes = letter == "e" }
            }
            args = args.dropFirst()
        }
        var text = args.joined(separator: " ")
        if escapes {
            let (expanded, stop) = Self.unescape(text)
            text = expanded
            if stop { return ProcessResult(stdout: text) }
        }
        return ProcessResult(stdout: text + (newline ? "\n" : ""))
    }

    /// `\n`, `\t`, `\\` and friends; `\c` stops the output (the second value).
    static func unescape(_ s: String) -> (String, Bool) {
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "\\", let d = it.next() else {
                out.append(c)
                continue
            }
            switch d {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "\\": out.append("\\")
            case "a": out.append("\u{7}")
            case "c": return (out, true)
            default: out += "\\" + String(d)
            }
        }
        return (out, false)
    }

    /// printf(1).
    func formatted(_ args: [String]) throws -> ProcessResult {
        guard let format = args.first else {
            return ProcessResult(stderr: "printf: usage: printf format [arg ...]\n", exitCode: 2)
        }
        var values = Array(args.dropFirst())[...]
        var out = ""
        repeat {
            let before = values.count
            out += try PrintfFormat.render(format, &values)
            if values.count == before { break }
        } while !values.isEmpty
        return ProcessResult(stdout: out)
    }

    func grep(_ args: [String], stdin: String) throws -> ProcessResult {
        var rest = args
        var explicit: String?
        if let e = rest.firstIndex(of: "-e"), e + 1 < rest.count {
            explicit = rest[e + 1]
            rest.removeSubrange(e...(e + 1))
        }
        let (flags, operands) = try options("grep", rest, allowed: "vicqnEFlh")
        guard let pattern = explicit ?? operands.first else {
            return ProcessResult(stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\n", exitCode: 2)
        }
        let paths = Array(operands.dropFirst(explicit == nil ? 1 : 0))
        guard let match = Self.matcher(pattern, fixed: flags.contains("F"), ignoreCase: flags.contains("i")) else {
            return ProcessResult(stderr: "grep: Unmatched ( or \\(\n", exitCode: 2)
        }
        var r = ProcessResult(exitCode: 1)
        for path in paths.isEmpty ? ["-"] : paths {
            let text: String
            if path == "-" {
                text = stdin
            } else {
                switch files.read(absolute(path)) {
                case .success(let t): text = t
                case .failure(let e):
                    r.stderr += "grep: \(path): \(e.message)\n"
                    continue
                }
            }
            let prefix = paths.count > 1 && !flags.contains("h") ? path + ":" : ""
            var count = 0
            for (n, line) in Self.lines(text).enumerated() where match(line) != flags.contains("v") {
                count += 1
                if !flags.contains("c"), !flags.contains("l"), !flags.contains("q") {
                    r.stdout += prefix + (flags.contains("n") ? "\(n + 1):" : "") + line + "\n"
                }
            }
            if flags.contains("c") { r.stdout += prefix + "\(count)\n" }
            if flags.contains("l"), count > 0 { r.stdout += path + "\n" }
            if count > 0 { r.exitCode = 0 }
        }
        if flags.contains("q") { r.stdout = "" }
        if !r.stderr.isEmpty, r.exitCode != 0 || !flags.contains("q") { r.exitCode = 2 }
        return r
    }

    /// A line test for grep's pattern: Swift's regular expressions stand in for POSIX ones.
    static func matcher(_ pattern: String, fixed: Bool, ignoreCase: Bool) -> ((String) -> Bool)? {
        if fixed {
            let p = ignoreCase ? pattern.lowercased() : pattern
            return { (ignoreCase ? $0.lowercased() : $0).contains(p) }
        }
        guard let regex = try? Regex(pattern) else { return nil }
        let r = ignoreCase ? regex.ignoresCase() : regex
        return { $0.contains(r) }
    }

    /// A text's lines without their `\n` (a last line without one still counts). Split by
    /// bytes: Swift reads CRLF as one Character, but the tools see a `\r` before the `\n`.
    static func lines(_ text: String) -> [String] {
        var lines = text.utf8.split(separator: newline, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if text.utf8.last == newline || text.isEmpty { lines.removeLast() }
        return lines
    }

    static let newline = UInt8(ascii: "\n")

    func wc(_ args: [String], stdin: String) throws -> ProcessResult {
        let (given, paths) = try options("wc", args, allowed: "lwc")
        let flags = given.isEmpty ? Set<Character>(["l", "w", "c"]) : given
        var rows: [([Int], String?)] = []
        var r = ProcessResult()
        for path in paths.isEmpty ? ["-"] : paths {
            var text = stdin
            if path != "-" {
                switch files.read(absolute(path)) {
                case .success(let t): text = t
                case .failure(let e):
                    r.stderr += "wc: \(path): \(e.message)\n"
                    r.exitCode = 1
                    continue
                }
            }
            let counts = [
                ("l", text.utf8.filter { $0 == Self.newline }.count),
                ("w", text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).count),
                ("c", text.utf8.count),
            ].filter { flags.contains($0.0) }.map(\.1)
            rows.append((counts, path == "-" ? nil : path))
        }
        if rows.count > 1 {
            rows.append(((0..<rows[0].0.count).map { k in rows.reduce(0) { $0 + $1.0[k] } }, "total"))
        }
        // GNU pads to the widest count, and to 7 columns when reading standard input.
        let single = rows.count == 1 && rows[0].0.count == 1
        let width = single ? 0 : paths.isEmpty ? 7 : rows.flatMap(\.0).map { String($0).count }.max() ?? 1
        for (counts, name) in rows {
            let cells = counts.map { String(repeating: " ", count: max(0, width - String($0).count)) + String($0) }
            r.stdout += cells.joined(separator: " ") + (name.map { " " + $0 } ?? "") + "\n"
        }
        return r
    }

    /// `head` and `tail`: `-n N`, `-N`, and tail's `-n +N` (from line N on).
    func headTail(_ tool: String, _ args: [String], stdin: String) throws -> ProcessResult {
        var count = 10
        var fromStart = false
        var paths: [String] = []
        var k = 0
        while k < args.count {
            let a = args[k]
            k += 1
            var value: String?
            if a == "-n", k < args.count {
                value = args[k]
                k += 1
            } else if a.hasPrefix("-n") {
                value = String(a.dropFirst(2))
            } else if a.count > 1, a.hasPrefix("-"), Int(a.dropFirst()) != nil {
                value = String(a.dropFirst())
            } else if a.hasPrefix("-"), a != "-" {
                throw ShellFailure.unsupported("stsim's \(tool) takes -n N; not \(a)")
            } else {
                paths.append(a)
            }
            if let v = value {
                fromStart = tool == "tail" && v.hasPrefix("+")
                guard let n = Int(v.hasPrefix("+") ? String(v.dropFirst()) : v), n >= 0 else {
                    return ProcessResult(stderr: "\(tool): invalid number of lines: '\(v)'\n", exitCode: 1)
                }
                count = n
            }
        }
        var r = ProcessResult()
        for (i, path) in (paths.isEmpty ? ["-"] : paths).enumerated() {
            var text = stdin
            if path != "-" {
                switch files.read(absolute(path)) {
                case .success(let t): text = t
                case .failure(let e):
                    let message = cannot(tool, "open", path, e)
                    r.stderr += busybox ? message : message.replacingFirst("'\(path)'", "'\(path)' for reading")
                    r.exitCode = 1
                    continue
                }
            }
            if paths.count > 1 { r.stdout += (i > 0 ? "\n" : "") + "==> \(path) <==\n" }
            let lines = Self.lines(text)
            let picked =
                tool == "head"
                ? lines.prefix(count) : fromStart ? lines.dropFirst(max(0, count - 1)) : lines.suffix(count)
            r.stdout += picked.map { $0 + "\n" }.joined()
        }
        return r
    }
}

extension String {
    /// The text with the first occurrence of `a` replaced by `b`.
    fileprivate func replacingFirst(_ a: String, _ b: String) -> String {
        guard let r = firstRange(of: a) else { return self }
        var copy = self
        copy.replaceSubrange(r, with: b)
        return copy
    }
}
