import StsimEngine
import XCTest

@testable import StsimRender

final class DiagnosticPrinterTests: XCTestCase {
    func testFileDiagnosticWithHint() {
        let d = Diagnostic(
            .error, at: SourceLocation(file: "web.sts", line: 3, column: 7), "unknown command \"scael\"",
            sourceLine: "kubectl scael sts web 3", hint: "did you mean \"scale\"?")
        XCTAssertEqual(
            DiagnosticPrinter.render(d),
            """
            web.sts:3:7: error: unknown command "scael"
              kubectl scael sts web 3
                    ^
              hint: did you mean "scale"?

            """)
    }

    /// Columns count characters: `é` (one character, two UTF-8 bytes) and `名` (three bytes,
    /// two terminal cells) must not push the caret off its target.
    func testCaretUnderUTF8() {
        let line = "label pod café app=名前 x"
        let column = Array(line).firstIndex(of: "x")! + 1
        XCTAssertEqual(
            DiagnosticPrinter.caretLine(line, column: column), String(repeating: " ", count: 19 + 4 + 1) + "^")
        let accented = "create sts café --image"
        let dash = Array(accented).firstIndex(of: "-")! + 1
        XCTAssertEqual(DiagnosticPrinter.caretLine(accented, column: dash), String(repeating: " ", count: 16) + "^")
        // A decomposed é (e + combining acute) is one character too.
        XCTAssertEqual(DiagnosticPrinter.caretLine("cafe\u{301} x", column: 6), "     ^")
    }

    func testTabsAreKeptSoTheCaretLinesUp() {
        XCTAssertEqual(DiagnosticPrinter.caretLine("\tkind: Pod", column: 2), "\t^")
    }

    func testSourceLineFromLookupAndSeverityWords() {
        let d = Diagnostic(
            .warning, at: SourceLocation(file: "sts.yaml", line: 12, column: 5), "unknown field \"spec.replica\"")
        let out = DiagnosticPrinter.render(d) { $0.line == 12 ? "    replica: 3\n" : nil }
        XCTAssertEqual(
            out,
            """
            sts.yaml:12:5: warning: unknown field "spec.replica"
                  replica: 3
                  ^

            """)
        XCTAssertEqual(DiagnosticPrinter.render(Diagnostic(.note, "claims are kept")), "note: claims are kept\n")
    }

    func testAtPrompt() {
        let d = Diagnostic(
            .error, at: SourceLocation(file: "<prompt>", line: 1, column: 1), "unknown command \"scael\"",
            sourceLine: "scael sts web 3", hint: "did you mean \"scale\"?")
        XCTAssertEqual(
            DiagnosticPrinter.renderAtPrompt(d, promptWidth: 7),
            """
                   ^
            error: unknown command "scael"
              hint: did you mean "scale"?

            """)
    }

    func testColumnPastTheEnd() {
        XCTAssertEqual(DiagnosticPrinter.caretLine("scale sts", column: 11), "          ^")
    }
}
