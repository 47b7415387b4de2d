import StsimEngine
import StsimRender

/// What the session keeps beside the cluster: the language's variables and settings, the command
/// history, the StatefulSets already warned about, and the last rows `get -w` printed.
struct SessionState: Codable {
    var variables: [String: String]
    var autoMode: Bool
    var settleLimit: VirtualDuration
    var watchLimit: Int
    var history: [String]
    var hostPathWarned: Set<String>
    var watchFormatter: WatchFormatter
    /// The simulated `kubectl proxy`'s port, once started.
    var proxyPort: Int?
    /// Where history checks look: `mark`s, the session's start, the last command's start.
    var marks: [String: HistoryScope]
    var sessionScope: HistoryScope
    var previousCommandStart: HistoryScope
}

/// Everything `save` writes.
struct SavedState: Codable {
    var session: SessionState
    var cluster: ClusterState
}

/// The state file: one JSON object whose first line names the format, its version, the clock and
/// a checksum of the state, then the state itself, one value a line. The checksum (64-bit FNV-1a
/// of the state's compact text) tells an edited file from a damaged one.
enum StateFile {
    static let format = "stsim-state"
    /// Raised whenever a saved field changes meaning; a newer file is refused, never guessed at.
    static let version = 1

    static func text(_ state: SavedState) throws -> String {
        let node = try StateEncoder.encode(state)
        let header =
            "{\"format\": \"\(format)\", \"version\": \(version), \"clock\": \"\(state.cluster.time)\", "
            + "\"checksum\": \"\(checksum(node))\","
        var body = StateJSONWriter.pretty(node)
        body.removeLast()
        return header + "\n\"state\": " + body + "\n}\n"
    }

    /// The saved state, or a `StateFileError` at the place that is wrong.
    static func read(_ text: String) throws -> SavedState {
        let root = try StateJSONParser.parse(text)
        guard case .object = root.value, root.member("format").map(isFormat) == true else {
            throw StateFileError(at: root, "not a state written by stsim's save (no \"format\": \"\(format)\")")
        }
        guard let v = root.member("version"), case .number(let n) = v.value, let found = Int(n) else {
            throw StateFileError(at: root, "the state file has no version number")
        }
        guard found <= version else {
            throw StateFileError(
                at: v, "the state was saved by a newer stsim (state format \(found); this stsim reads up to \(version))"
            )
        }
        guard let state = root.member("state"), let sum = root.member("checksum") else {
            throw StateFileError(at: root, "the state file has no \"state\" or no \"checksum\"")
        }
        let saved = try StateDecoder.decode(SavedState.self, from: state)
        guard case .string(let expected) = sum.value, expected == checksum(state) else {
            throw StateFileError(
                at: sum, "the state does not match its checksum: the file was changed after save wrote it")
        }
        return saved
    }

    private static func isFormat(_ node: StateJSON) -> Bool {
        if case .string(let s) = node.value { return s == format }
        return false
    }

    static func checksum(_ node: StateJSON) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in StateJSONWriter.compact(node).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
