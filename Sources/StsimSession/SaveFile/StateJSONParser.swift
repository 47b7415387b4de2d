/// Reads state JSON, remembering each value's line and column. Errors are `StateFileError`s at
/// the offending character; a file that ends early says so (a save cut short, a truncated copy).
struct StateJSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func parse(_ text: String) throws -> StateJSON {
        var p = StateJSONParser(text)
        p.skipSpace()
        let value = try p.value()
        p.skipSpace()
        if p.i < p.bytes.count { throw p.error("unexpected text after the end of the state") }
        return value
    }

    private var column: Int { i - lineStart + 1 }
    private static let numberBytes = Set("+-.eE0123456789".utf8)

    private func error(_ message: String) -> StateFileError {
        StateFileError(line: line, column: column, message)
    }

    private var endError: StateFileError {
        error("the file ends in the middle of the state (truncated, or written by a save that did not finish)")
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                i += 1
                line += 1
                lineStart = i
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): i += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> StateJSON {
        guard i < bytes.count else { throw endError }
        let (l, c) = (line, column)
        func at(_ v: StateJSON.Value) -> StateJSON { StateJSON(v, line: l, column: c) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return at(.object(try members()))
        case UInt8(ascii: "["): return at(.array(try elements()))
        case UInt8(ascii: "\""): return at(.string(try string()))
        case UInt8(ascii: "t"):
            try literal("true")
            return at(.bool(true))
        case UInt8(ascii: "f"):
            try literal("false")
            return at(.bool(false))
        case UInt8(ascii: "n"):
            try literal("null")
            return at(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return at(.number(number()))
        default: throw error("expected a JSON value here")
        }
    }

    private mutating func literal(_ word: String) throws {
        for b in word.utf8 {
            guard i < bytes.count else { throw endError }
            guard bytes[i] == b else { throw error("expected \(word)") }
            i += 1
        }
    }

    private mutating func number() -> String {
        let start = i
        while i < bytes.count, Self.numberBytes.contains(bytes[i]) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func expect(_ c: Character) throws {
        skipSpace()
        guard i < bytes.count else { throw endError }
        guard bytes[i] == c.asciiValue! else { throw error("expected \"\(c)\"") }
        i += 1
    }

    private mutating func members() throws -> [(key: String, value: StateJSON)] {
        i += 1
        var out: [(key: String, value: StateJSON)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return out
        }
        while true {
            skipSpace()
            guard i < bytes.count else { throw endError }
            guard bytes[i] == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let key = try string()
            try expect(":")
            skipSpace()
            out.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw endError }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return out
            }
            try expect(",")
        }
    }

    private mutating func elements() throws -> [StateJSON] {
        i += 1
        var out: [StateJSON] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return out
        }
        while true {
            skipSpace()
            out.append(try value())
            skipSpace()
            guard i < bytes.count else { throw endError }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return out
            }
            try expect(",")
        }
    }

    private mutating func string() throws -> String {
        i += 1
        var scalars = String.UnicodeScalarView()
        var run = i
        func flush(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
        }
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                flush(i)
                i += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(i)
                i += 1
                guard i < bytes.count else { throw endError }
                scalars.append(try escape())
                run = i
            case UInt8(ascii: "\n"): throw error("a line break inside a string")
            default: i += 1
            }
        }
        throw endError
    }

    private mutating func escape() throws -> Unicode.Scalar {
        let c = bytes[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "u"):
            guard i + 4 <= bytes.count else { throw endError }
            let hex = String(decoding: bytes[i..<i + 4], as: UTF8.self)
            guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
                throw error("\\u\(hex) is not a character this file can hold")
            }
            i += 4
            return s
        default: throw error("unknown escape in a string")
        }
    }
}

/// A problem with a state file, at a line and column of it.
struct StateFileError: Error {
    var line: Int
    var column: Int
    var message: String

    init(line: Int, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    init(at node: StateJSON, _ message: String) {
        self.init(line: node.line, column: node.column, message)
    }
}
