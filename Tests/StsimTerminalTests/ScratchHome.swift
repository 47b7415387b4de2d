import Foundation
import StsimTestSupport

/// A throw-away HOME with its own history file, so that a test's `stsim` leaves the user's own
/// history untouched; removed with the value.
final class ScratchHome {
    let directory: URL
    var historyPath: String { directory.appendingPathComponent("history").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("stsim-terminal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Starts `stsim` here and waits for its first prompt.
    func startREPL(arguments: [String] = []) throws -> PseudoTerminalProcess {
        let terminal = try PseudoTerminalProcess(
            executable: try StsimExecutable.path(), arguments: arguments,
            environment: [
                "HOME": directory.path,
                "STSIM_HISTORY": historyPath,
                "TERM": "xterm",
                "PATH": "/usr/local/bin:/usr/bin:/bin",
            ])
        try terminal.waitForPrompt(since: 0)
        return terminal
    }
}

/// The bytes a terminal sends for the keys the tests press.
enum Keys {
    static let up = "\u{1b}[A"
    static let left = "\u{1b}[D"
    static let backspace = "\u{7f}"
    static let ctrlC = "\u{3}"
    static let ctrlD = "\u{4}"
}
