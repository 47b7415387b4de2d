import StsimEngine
import XCTest

@testable import StsimLanguage

/// Every error the lexer reports: message, location, hint, the source line and whether more
/// input would fix it (the prompt then asks for another line).
final class LexerErrorTests: XCTestCase {
    private func assertLexError(
        _ source: String, _ message: String, _ line: Int, _ column: Int,
        hint: String? = nil, incomplete: Bool, sourceLine: String,
        file: StaticString = #filePath, line testLine: UInt = #line
    ) {
        guard let (d, inc) = lexError(source) else {
            return XCTFail("no lexer error for \(source)", file: file, line: testLine)
        }
        assertDiagnostic(d, message, line, column, hint: hint, sourceLine: sourceLine, file: file, line: testLine)
        XCTAssertEqual(d.sourceLine, sourceLine, file: file, line: testLine)
        XCTAssertEqual(inc, incomplete, "incomplete", file: file, line: testLine)
    }

    func testTrailingBackslashBetweenWords() {
        assertLexError(
            "get pods \\", "a trailing \\ continues the command, but the input ended", 1, 10,
            incomplete: true, sourceLine: "get pods \\")
    }

    func testTrailingBackslashInAWord() {
        assertLexError(
            "get pods\\", "a trailing \\ continues the command, but the input ended", 1, 9,
            incomplete: true, sourceLine: "get pods\\")
    }

    func testTrailingBackslashOnASecondLine() {
        assertLexError(
            "clock\nget \\\n  pods \\", "a trailing \\ continues the command, but the input ended", 3, 8,
            incomplete: true, sourceLine: "  pods \\")
    }

    func testUnterminatedSingleQuote() {
        assertLexError(
            "expect output contains 'abc", "unterminated single quote", 1, 24, incomplete: true,
            sourceLine: "expect output contains 'abc")
    }

    func testUnterminatedSingleQuoteOverLines() {
        assertLexError(
            "clock\nexpect output contains 'a\nb", "unterminated single quote", 2, 24, incomplete: true,
            sourceLine: "expect output contains 'a")
    }

    func testUnterminatedDoubleQuote() {
        assertLexError("get \"pods", "unterminated double quote", 1, 5, incomplete: true, sourceLine: "get \"pods")
    }

    func testUnterminatedDoubleQuoteAfterUnicode() {
        assertLexError("let ä = \"ö", "unterminated double quote", 1, 9, incomplete: true, sourceLine: "let ä = \"ö")
    }

    func testVariableWithoutClosingBrace() {
        assertLexError(
            "scale sts web ${n", "\"${\" without a closing \"}\"", 1, 15, incomplete: false,
            sourceLine: "scale sts web ${n")
    }

    func testVariableWithoutClosingBraceInsideDoubleQuotes() {
        assertLexError(
            "get \"${n\"", "\"${\" without a closing \"}\"", 1, 6, incomplete: false,
            sourceLine: "get \"${n\"")
    }

    func testVariableWithoutClosingBraceBeforeTheNewline() {
        assertLexError("get ${n\n}", "\"${\" without a closing \"}\"", 1, 5, incomplete: false, sourceLine: "get ${n")
    }

    func testBadVariableNames() {
        let hint = "names are letters, digits and _, not starting with a digit"
        assertLexError(
            "get ${1x}", "\"1x\" is not a variable name", 1, 5, hint: hint, incomplete: false,
            sourceLine: "get ${1x}")
        assertLexError(
            "get ${}", "\"\" is not a variable name", 1, 5, hint: hint, incomplete: false,
            sourceLine: "get ${}")
        assertLexError(
            "get x${a-b}", "\"a-b\" is not a variable name", 1, 6, hint: hint, incomplete: false,
            sourceLine: "get x${a-b}")
        assertLexError(
            "get \"${a b}\"", "\"a b\" is not a variable name", 1, 6, hint: hint, incomplete: false,
            sourceLine: "get \"${a b}\"")
    }

    func testHereDocumentOperatorWithoutADelimiter() {
        let message = "<< needs a delimiter word, as in <<EOF"
        assertLexError("apply <<", message, 1, 7, incomplete: false, sourceLine: "apply <<")
        assertLexError("apply <<  \nx", message, 1, 7, incomplete: false, sourceLine: "apply <<  ")
        assertLexError("apply <<;", message, 1, 7, incomplete: false, sourceLine: "apply <<;")
        assertLexError("apply <<-", message, 1, 7, incomplete: false, sourceLine: "apply <<-")
    }

    func testUnterminatedQuoteInTheDelimiter() {
        assertLexError(
            "apply <<'EOF\nx", "unterminated single quote", 1, 9, incomplete: true,
            sourceLine: "apply <<'EOF")
    }

    func testOnlyOneHereDocumentPerCommand() {
        assertLexError(
            "apply <<A <<B\nx\nA\n", "only one here-document per command", 1, 11, incomplete: false,
            sourceLine: "apply <<A <<B")
    }

    func testHereDocumentOperatorAtTheEndOfInput() {
        assertLexError(
            "apply <<EOF", "here-document ended by the end of input (wanted \"EOF\")", 1, 7,
            incomplete: true, sourceLine: "apply <<EOF")
    }

    func testHereDocumentWithoutItsBody() {
        assertLexError(
            "apply <<EOF\n", "here-document ended by the end of input (wanted \"EOF\")", 1, 7,
            incomplete: true, sourceLine: "apply <<EOF")
    }

    func testHereDocumentWithoutItsDelimiterLine() {
        assertLexError(
            "apply <<END\nkind: X\n", "here-document ended by the end of input (wanted \"END\")", 1, 7,
            incomplete: true, sourceLine: "apply <<END")
    }

    func testHereDocumentWhoseLastLineIsNotTheDelimiter() {
        assertLexError(
            "clock\napply <<EOF\nkind: X\nEOF-not", "here-document ended by the end of input (wanted \"EOF\")",
            2, 7, incomplete: true, sourceLine: "apply <<EOF")
    }

    func testIndentedDelimiterNeedsTheDash() {
        assertLexError(
            "apply <<EOF\n\tkind: X\n\tEOF\n", "here-document ended by the end of input (wanted \"EOF\")",
            1, 7, incomplete: true, sourceLine: "apply <<EOF")
    }

    func testSemicolonAfterAHereDocumentOperator() {
        assertLexError(
            "apply <<EOF; get pods\nkind: X\nEOF\n", "a command with a here-document must end its line",
            1, 12, incomplete: false, sourceLine: "apply <<EOF; get pods")
    }

    func testSemicolonAfterAHereDocumentOperatorWithoutACommand() {
        assertLexError(
            "<<EOF; get pods", "a command with a here-document must end its line", 1, 6,
            incomplete: false, sourceLine: "<<EOF; get pods")
    }

    func testErrorLocationsFollowFirstLine() {
        guard let (d, incomplete) = lexError("clock\nget \"x", firstLine: 5) else { return XCTFail("no error") }
        assertDiagnostic(d, "unterminated double quote", 6, 5, hint: nil, sourceLine: "get \"x")
        XCTAssertTrue(incomplete)
    }

    func testSourceLineOfCarriageReturnText() {
        guard let (d, _) = lexError("clock\r\nget ${x\r\n") else { return XCTFail("no error") }
        assertDiagnostic(d, "\"${\" without a closing \"}\"", 2, 5, hint: nil, sourceLine: "get ${x")
    }

    func testTheLexerGoesOnOnTheNextLineAfterAnError() {
        let items = Lexer.lex("clock\nget ${x y\ntick 1s; get ${1}\nsettle", file: testFile)
        XCTAssertEqual(items.count, 5)
        guard items.count == 5 else { return }
        guard case .command(let c0) = items[0], case .error(let e1, false) = items[1],
            case .command(let c2) = items[2], case .error(let e3, false) = items[3],
            case .command(let c4) = items[4]
        else { return XCTFail("\(items)") }
        XCTAssertEqual(texts(c0), ["clock"])
        XCTAssertEqual(e1.location, at(2, 5))
        XCTAssertEqual(texts(c2), ["tick", "1s"])
        XCTAssertEqual(e3.message, "\"1\" is not a variable name")
        XCTAssertEqual(e3.location, at(3, 14))
        XCTAssertEqual(texts(c4), ["settle"])
        XCTAssertEqual(c4.location, at(4, 1))
    }
}
