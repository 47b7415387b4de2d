import StsimManifests

/// A JSON value as the state file holds it, with where it was read (1-based line and column;
/// 0 for values made by the encoder), so that a bad value in a loaded file is reported where it
/// stands. Numbers keep their text: UInt64 random state and Double token counts round-trip exactly.
struct StateJSON {
    indirect enum Value {
        case object([(key: String, value: StateJSON)])
        case array([StateJSON])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    var value: Value
    var line = 0
    var column = 0

    init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// What the value is, in a sentence's words ("a string", "an object").
    var kindName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    func member(_ key: String) -> StateJSON? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// Writes state JSON: two-space indentation, one member or element a line, so that a diff of two
/// saved states reads line by line and an error's line number points at one value.
enum StateJSONWriter {
    static func pretty(_ node: StateJSON) -> String {
        var out = ""
        write(node, indent: 0, into: &out)
        out += "\n"
        return out
    }

    /// One line, no spaces: the order key for sorting unordered collections.
    static func compact(_ node: StateJSON) -> String {
        var out = ""
        write(node, indent: nil, into: &out)
        return out
    }

    private static func write(_ node: StateJSON, indent: Int?, into out: inout String) {
        switch node.value {
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                newline(indent.map { $0 + 1 }, into: &out)
                out += JSONEmitter.string(m.key) + (indent == nil ? ":" : ": ")
                write(m.value, indent: indent.map { $0 + 1 }, into: &out)
            }
            newline(indent, into: &out)
            out += "}"
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(indent.map { $0 + 1 }, into: &out)
                write(item, indent: indent.map { $0 + 1 }, into: &out)
            }
            newline(indent, into: &out)
            out += "]"
        case .string(let s): out += JSONEmitter.string(s)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func newline(_ indent: Int?, into out: inout String) {
        guard let indent else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }
}
