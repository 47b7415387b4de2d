/// `test` and `[` (XCU "test"): the file, string and integer primaries, `!`, `-a`, `-o` and
/// parentheses. Failures print dash's words (`sh: 1: test: Illegal number: x`).
struct ShellTest {
    let files: ContainerFiles
    let absolute: (String) -> String

    enum Failure: Error {
        case illegalNumber(String)
        case syntax(String)
    }

    func run(_ args: [String]) throws(Failure) -> Bool {
        guard !args.isEmpty else { return false }
        if let o = args.firstIndex(of: "-o"), o > 0, o < args.count - 1 {
            let left = try run(Array(args[..<o]))
            let right = try run(Array(args[(o + 1)...]))
            return left || right
        }
        if let a = args.firstIndex(of: "-a"), a > 0, a < args.count - 1 {
            let left = try run(Array(args[..<a]))
            let right = try run(Array(args[(a + 1)...]))
            return left && right
        }
        switch args.count {
        case 1: return !args[0].isEmpty
        case 2:
            if args[0] == "!" { return try !run([args[1]]) }
            return try unary(args[0], args[1])
        case 3:
            if let result = try binary(args[0], args[1], args[2]) { return result }
            if args[0] == "!" { return try !run(Array(args.dropFirst())) }
            if args[0] == "(", args[2] == ")" { return try run([args[1]]) }
            throw .syntax("\(args[1]): unexpected operator")
        default:
            if args[0] == "!" { return try !run(Array(args.dropFirst())) }
            if args[0] == "(", args.last == ")" { return try run(Array(args.dropFirst().dropLast())) }
            throw .syntax("\(args[1]): unexpected operator")
        }
    }

    private func unary(_ op: String, _ operand: String) throws(Failure) -> Bool {
        let kind = files.kind(absolute(operand))
        switch op {
        case "-n": return !operand.isEmpty
        case "-z": return operand.isEmpty
        case "-e", "-r", "-w": return kind != nil
        case "-f": return kind == .file
        case "-d": return kind == .directory
        case "-x": return kind == .directory
        case "-s":
            if case .success(let text) = files.read(absolute(operand)) { return !text.isEmpty }
            return kind == .directory
        case "-h", "-L": return false
        default: throw .syntax("\(op): unexpected operator")
        }
    }

    private func binary(_ a: String, _ op: String, _ b: String) throws(Failure) -> Bool? {
        switch op {
        case "=", "==": return a == b
        case "!=": return a != b
        case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
            guard let x = Int(a.trimmingBlanks) else { throw .illegalNumber(a) }
            guard let y = Int(b.trimmingBlanks) else { throw .illegalNumber(b) }
            switch op {
            case "-eq": return x == y
            case "-ne": return x != y
            case "-lt": return x < y
            case "-le": return x <= y
            case "-gt": return x > y
            default: return x >= y
            }
        default: return nil
        }
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// printf(1)'s format: `%s %d %i %c %x %o %b %%` with flags, width and precision, and the
/// backslash escapes. Each call consumes the arguments its conversions use.
enum PrintfFormat {
    static func render(_ format: String, _ values: inout ArraySlice<String>) throws -> String {
        var out = ""
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            if c == "\\", let d = chars.first {
                chars = chars.dropFirst()
                out += Shell.unescape("\\" + String(d)).0
                continue
            }
            guard c == "%" else {
                out.append(c)
                continue
            }
            var spec = ""
            while let d = chars.first, "-+ 0#.123456789".contains(d) {
                spec.append(d)
                chars = chars.dropFirst()
            }
            guard let conversion = chars.popFirst() else { break }
            if conversion == "%" {
                out.append("%")
                continue
            }
            let value = values.popFirst() ?? ""
            out += try convert(conversion, spec, value)
        }
        return out
    }

    private static func convert(_ conversion: Character, _ spec: String, _ value: String) throws -> String {
        let left = spec.contains("-")
        let zero = spec.hasPrefix("0") && !left
        let parts = spec.filter { $0.isNumber || $0 == "." }.split(separator: ".", omittingEmptySubsequences: false)
        let width = parts.first.flatMap { Int($0) } ?? 0
        let precision = parts.count > 1 ? Int(parts[1]) ?? 0 : nil
        var text: String
        switch conversion {
        case "s": text = precision.map { String(value.prefix($0)) } ?? value
        case "b": text = Shell.unescape(value).0
        case "c": text = value.first.map(String.init) ?? ""
        case "d", "i", "x", "o":
            let n = value.isEmpty ? 0 : Int(value) ?? 0
            text = String(n, radix: conversion == "x" ? 16 : conversion == "o" ? 8 : 10)
        default: throw ShellFailure.unsupported("stsim's printf converts %s %d %i %c %x %o %b; not %\(conversion)")
        }
        let pad = max(0, width - text.count)
        if left { return text + String(repeating: " ", count: pad) }
        return String(repeating: zero ? "0" : " ", count: pad) + text
    }
}
