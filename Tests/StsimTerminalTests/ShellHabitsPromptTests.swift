import Foundation
import StsimTestSupport
import XCTest

/// The tutorials' shell habits at the real prompt, in a pseudo-terminal: a `for` loop over
/// several lines (bash's `> ` until `done`), and `exec -it POD -- sh` with the container
/// shell's own prompt, its lines kept apart from stsim's history, no stsim completion inside,
/// and `exit` or Ctrl-D back to stsim's prompt.
final class ShellHabitsPromptTests: XCTestCase {
    private var home: ScratchHome?
    private var historyPath: String { home?.historyPath ?? "/nonexistent" }

    override func setUpWithError() throws { home = try ScratchHome() }

    override func tearDown() { home = nil }

    func testALoopOverSeveralLinesWaitsForDone() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        try type(terminal, "create sts web --image nginx --replicas 2", until: "settled at")
        try type(terminal, "for i in $(seq 0 1); do", until: "> ")
        try type(terminal, "  exec web-$i -- hostname", until: "> ")
        let mark = terminal.mark
        terminal.send("done\r")
        let shown = try terminal.waitForPrompt(since: mark)
        XCTAssertTrue(shown.contains("done\nweb-0\nweb-1\n"), "the loop should run once done is typed:\n\(shown)")
        // The line editor keeps each line typed, as for a here-document.
        XCTAssertEqual(
            try LibeditHistoryFile.entries(atPath: historyPath).suffix(3),
            ["for i in $(seq 0 1); do", "  exec web-$i -- hostname", "done"])
    }

    func testExecItOpensTheContainersShellUntilExit() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        try type(terminal, "create sts web --image nginx --replicas 1", until: "settled at")
        try type(terminal, "exec -it web-0 -- bash", until: "root@web-0:/# ")
        try type(terminal, "cd /tmp; x=7", until: "root@web-0:/tmp# ")
        // Tab completes nothing of stsim's inside: "sca" stays as typed.
        var mark = terminal.mark
        terminal.send("echo sca\t\r")
        let echoed = try terminal.waitFor("root@web-0:/tmp# ", since: mark)
        XCTAssertFalse(echoed.contains("scale"), "stsim completed inside the container:\n\(echoed)")
        try type(terminal, "echo \"x=$x on $(hostname)\"", until: "x=7 on web-0")
        // Up recalls the shell's own last line.
        mark = terminal.mark
        terminal.send(Keys.up)
        try terminal.waitFor("echo \"x=$x", since: mark)
        terminal.send("\r")
        try terminal.waitFor("root@web-0:/tmp# ", since: mark)
        mark = terminal.mark
        terminal.send("exit\r")
        try terminal.waitForPrompt(since: mark)
        // stsim's history has its own commands only.
        XCTAssertEqual(
            try LibeditHistoryFile.entries(atPath: historyPath),
            ["create sts web --image nginx --replicas 1", "exec -it web-0 -- bash"])
        terminal.send(Keys.ctrlD)
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func testCtrlDLeavesTheShellAndRunRmDeletesThePod() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        try type(terminal, "run -i --tty --image busybox:1.28 dns-test --restart=Never --rm", until: "/ # ")
        XCTAssertTrue(terminal.text().contains("If you don't see a command prompt, try pressing enter."))
        try type(terminal, "cd /tmp", until: "/tmp # ")
        let mark = terminal.mark
        terminal.send(Keys.ctrlD)
        let shown = try terminal.waitForPrompt(since: mark)
        XCTAssertTrue(shown.contains("pod \"dns-test\" deleted"), "run --rm should delete the pod:\n\(shown)")
        XCTAssertTrue(terminal.isRunning, "Ctrl-D in the container's shell must not end stsim")
        terminal.send(Keys.ctrlD)
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    private func type(_ terminal: PseudoTerminalProcess, _ line: String, until needle: String) throws {
        let mark = terminal.mark
        terminal.send(line + "\r")
        try terminal.waitFor(needle, since: mark, timeout: 60)
        try terminal.waitForRawMode()
    }

}
