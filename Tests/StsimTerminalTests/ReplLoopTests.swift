import XCTest

@testable import StsimTerminal

/// The loop's rules (joining unfinished commands, quitting, Ctrl-C, end of input) without a
/// terminal: lines come from a list instead of libedit.
final class ReplLoopTests: XCTestCase {
    private final class RecordingHost: ReplHost {
        var executed: [String] = []
        var prompts: [String] = []
        let prompt = "stsim 00:00:00> "

        func needsMoreInput(_ text: String) -> Bool {
            text.hasSuffix("\\") || text.filter { $0 == "\"" }.count % 2 == 1
        }

        func execute(_ text: String, interrupted: @escaping () -> Bool) -> Bool {
            executed.append(text)
            return text != "quit"
        }

        func completions(linePrefix: String) -> [String] { [] }
    }

    private func run(_ inputs: [LineEditor.Input]) -> (host: RecordingHost, code: Int32) {
        let host = RecordingHost()
        var remaining = inputs[...]
        let code = Repl.loop(host: host) { prompt in
            host.prompts.append(prompt)
            return remaining.popFirst() ?? .endOfInput
        }
        return (host, code)
    }

    func testRunsEachLineUntilEndOfInput() {
        let (host, code) = run([.line("help"), .line("status")])
        XCTAssertEqual(host.executed, ["help", "status"])
        XCTAssertEqual(code, 0)
    }

    func testQuitStopsReading() {
        let (host, code) = run([.line("quit"), .line("help")])
        XCTAssertEqual(host.executed, ["quit"])
        XCTAssertEqual(code, 0)
    }

    func testUnfinishedCommandContinuesWithContinuationPrompt() {
        let (host, _) = run([.line("say \"a"), .line("b\""), .line("scale \\"), .line("web")])
        XCTAssertEqual(host.executed, ["say \"a\nb\"", "scale \\\nweb"])
        XCTAssertEqual(host.prompts, ["stsim 00:00:00> ", "> ", "stsim 00:00:00> ", "> ", "stsim 00:00:00> "])
    }

    func testCtrlCDropsTheUnfinishedCommand() {
        let (host, _) = run([.line("say \"a"), .interrupted, .line("help")])
        XCTAssertEqual(host.executed, ["help"])
        XCTAssertEqual(host.prompts.prefix(3), ["stsim 00:00:00> ", "> ", "stsim 00:00:00> "])
    }

    func testEndOfInputHandsUnfinishedCommandToHost() {
        let (host, code) = run([.line("say \"a")])
        XCTAssertEqual(host.executed, ["say \"a"])
        XCTAssertEqual(code, 0)
    }

    func testBlankLinesAreNotExecuted() {
        let (host, _) = run([.line(""), .line("   "), .line("help")])
        XCTAssertEqual(host.executed, ["help"])
    }
}
