import Foundation
import StsimTestSupport
import XCTest

/// A newcomer at the real prompt, in a pseudo-terminal: the welcome names `lesson`, `lesson`
/// suggests where to begin, and the node-failure lesson runs from its first task to its end with
/// the commands its tasks name, leaving progress in the XDG state folder.
final class LessonTerminalTests: XCTestCase {
    private var directory = URL(fileURLWithPath: "/nonexistent")

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stsim-lesson-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func testANewcomerFinishesTheNodeFailureLesson() throws {
        let terminal = try PseudoTerminalProcess(
            executable: try StsimExecutable.path(), arguments: [],
            environment: [
                "HOME": directory.path, "XDG_STATE_HOME": directory.path + "/state",
                "STSIM_HISTORY": directory.path + "/history", "TERM": "xterm", "PATH": "/usr/local/bin:/usr/bin:/bin",
            ])
        let welcome = try terminal.waitForPrompt(since: 0)
        XCTAssertTrue(welcome.contains("lesson"), "the welcome should say how to start a lesson:\n\(welcome)")

        // At the prompt a command runs time until the cluster is quiet, so the partition alone
        // reaches the evictions that end step 1. The echo of a typed line redraws the prompt, so each command waits for its own words.
        func type(_ line: String, until needle: String) throws {
            let mark = terminal.mark
            terminal.send(line + "\r")
            try terminal.waitFor(needle, since: mark, timeout: 60)
            try terminal.waitForRawMode()
        }
        try type("lesson", until: "lesson start replicaset-contrast")
        try type("lesson start node-failure", until: "step 1 of 2: Cut node-2 off from the control plane")
        try type("partition node-2", until: "step 2 of 2: Replace web-1 without ever running two")
        try type("crash node-2", until: "crashed:")
        try type("delete pod web-1 --force --grace-period 0", until: "lesson node-failure finished: all 2 steps done")
        terminal.send("\u{4}")
        XCTAssertEqual(try terminal.waitForExit(), 0)
        let progress = try String(contentsOfFile: directory.path + "/state/stsim/progress.json", encoding: .utf8)
        XCTAssertTrue(progress.contains("\"node-failure\""), progress)
    }
}
