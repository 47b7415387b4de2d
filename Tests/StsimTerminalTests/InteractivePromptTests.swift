import Foundation
import StsimTestSupport
import XCTest

/// Drives the real `stsim` executable in a pseudo-terminal, as a user would. Expectations stay to
/// what any host behind the REPL provides: the `stsim HH:MM:SS> ` prompt, `sca` completing to
/// `scale`, output for `help` (which names `scale`), and `#` comments.
final class InteractivePromptTests: XCTestCase {
    private var home: ScratchHome?
    private var historyPath: String { home?.historyPath ?? "/nonexistent" }

    override func setUpWithError() throws { home = try ScratchHome() }

    override func tearDown() { home = nil }

    func testPromptAppearsAndHelpAnswers() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        let mark = terminal.mark
        terminal.send("help\r")
        let shown = try terminal.waitForPrompt(since: mark)
        XCTAssertTrue(shown.contains("scale"), "help should list the commands:\n\(shown)")
    }

    func testTabCompletesCommandWord() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        var mark = terminal.mark
        terminal.send("sca")
        try terminal.waitFor("sca", since: mark)
        terminal.send("\t")
        try terminal.waitFor("scale ", since: mark)

        mark = terminal.mark
        terminal.send("\r")
        try terminal.waitForPrompt(since: mark)
        // What was entered is the completed word, without the space completion appended.
        XCTAssertEqual(try LibeditHistoryFile.entries(atPath: historyPath).last, "scale")
    }

    func testUpArrowRecallsPreviousLine() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        var mark = terminal.mark
        terminal.send("help\r")
        try terminal.waitForPrompt(since: mark)

        mark = terminal.mark
        terminal.send(Keys.up)
        try terminal.waitFor("help", since: mark)
        terminal.send("\r")
        let shown = try terminal.waitForPrompt(since: mark)
        XCTAssertTrue(shown.contains("scale"), "the recalled help should run again:\n\(shown)")
    }

    func testCtrlCCancelsHalfTypedLineAndKeepsRunning() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        var mark = terminal.mark
        terminal.send("stat")
        // Ctrl-C only once the text was echoed: the terminal driver flushes unread input on
        // SIGINT, so a Ctrl-C in the same burst could swallow the text it is meant to cancel.
        try terminal.waitFor("stat", since: mark)
        mark = terminal.mark
        terminal.send(Keys.ctrlC)
        // A SIGINT that lands while libedit is between two reads (still redrawing the echo) is
        // taken by the handler, and libedit's next read() then blocks: a person presses Ctrl-C
        // again. On a loaded machine the test can hit that window, so it presses again too.
        for _ in 0..<3 where (try? terminal.waitForPrompt(since: mark, timeout: 3)) == nil {
            terminal.send(Keys.ctrlC)
        }
        try terminal.waitForPrompt(since: mark)
        XCTAssertTrue(terminal.isRunning, "Ctrl-C must not end the REPL")

        mark = terminal.mark
        terminal.send("help\r")
        let shown = try terminal.waitForPrompt(since: mark)
        XCTAssertTrue(shown.contains("scale"), "the REPL should still answer after Ctrl-C:\n\(shown)")
        // The cancelled text was dropped, not entered and not left in front of the next line.
        XCTAssertEqual(try LibeditHistoryFile.entries(atPath: historyPath), ["help"])
    }

    func testCtrlDOnEmptyLineExitsWithZero() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        terminal.send(Keys.ctrlD)
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    /// Chinese text is shown as typed and edited a character (not a byte) at a time. The child
    /// gets no LANG/LC_* at all, so this also covers the fallback to a UTF-8 locale.
    func testUTF8TextIsEditedByCharacter() throws {
        let terminal = try XCTUnwrap(home).startREPL()
        var mark = terminal.mark
        terminal.send("# 节点一X")
        try terminal.waitFor("# 节点一X", since: mark)
        // Delete X, step left over 一, delete 点: "# 节一".
        terminal.send(Keys.backspace + Keys.left + Keys.backspace)
        terminal.send("\r")
        try terminal.waitForPrompt(since: mark)
        XCTAssertEqual(try LibeditHistoryFile.entries(atPath: historyPath).last, "# 节一")

        mark = terminal.mark
        terminal.send(Keys.up)
        try terminal.waitFor("# 节一", since: mark)
    }

    func testHistoryFileIsWrittenAndLoadedByTheNextRun() throws {
        let first = try XCTUnwrap(home).startREPL()
        let mark = first.mark
        first.send("help\r")
        try first.waitForPrompt(since: mark)
        XCTAssertEqual(try LibeditHistoryFile.entries(atPath: historyPath), ["help"])
        first.send(Keys.ctrlD)
        XCTAssertEqual(try first.waitForExit(), 0)

        let second = try XCTUnwrap(home).startREPL()
        let recall = second.mark
        second.send(Keys.up)
        try second.waitFor("help", since: recall)
    }

    /// Ctrl-C during a long settle stops the clock where it is, and the prompt comes back with
    /// the cluster as far as it got (20,000 pods take longer than the test waits).
    func testCtrlCInterruptsALongSettle() throws {
        let terminal = try XCTUnwrap(home).startREPL(arguments: ["--nodes", "200"])
        var mark = terminal.mark
        terminal.send("create sts web --image nginx --replicas 20000 --policy Parallel\r")
        try terminal.waitFor("statefulset.apps/web created", since: mark)
        mark = terminal.mark
        terminal.send(Keys.ctrlC)
        // The rows already computed still reach the terminal after the interrupt; on a loaded
        // machine (CI, a debug build) that drain can take longer than the usual thirty seconds.
        let shown = try terminal.waitForPrompt(since: mark, timeout: 60)
        XCTAssertTrue(shown.contains("interrupted at "), "a settle should stop on Ctrl-C:\n\(shown)")
        mark = terminal.mark
        terminal.send("get sts\r")
        let table = try terminal.waitForPrompt(since: mark)
        XCTAssertFalse(table.contains("20000/20000"), "the settle ran to the end:\n\(table)")
        terminal.send(Keys.ctrlD)
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

}

extension PseudoTerminalProcess {
    /// Reads until a `stsim HH:MM:SS> ` prompt appears after `mark` and the line editor is
    /// reading keys; returns the text since `mark`.
    @discardableResult
    func waitForPrompt(since mark: Int, timeout: Double = 30) throws -> String {
        let shown = try waitFor("the prompt \"stsim HH:MM:SS> \"", since: mark, timeout: timeout) { text in
            text.contains(try! Regex(#"stsim \d\d:\d\d:\d\d> "#))
        }
        try waitForRawMode()
        return shown
    }
}
