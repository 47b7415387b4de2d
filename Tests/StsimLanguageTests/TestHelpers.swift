import StsimEngine
import XCTest

@testable import StsimLanguage

/// The file name the tests lex under.
let testFile = "t.sts"

func at(_ line: Int, _ column: Int, file: String = testFile) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
}

func arg(_ text: String, _ line: Int, _ column: Int) -> Argument {
    Argument(text, at: at(line, column))
}

/// The commands of `source`; an error item fails the test.
func commands(_ source: String, firstLine: Int = 1, file: StaticString = #filePath, line: UInt = #line)
    -> [CommandText]
{
    Lexer.lex(source, file: testFile, firstLine: firstLine).compactMap { item in
        switch item {
        case .command(let c): return c
        case .loop(let loop):
            XCTFail("unexpected loop: \(loop.text)", file: file, line: line)
            return nil
        case .error(let d, _):
            XCTFail(
                "unexpected lexer error: \(d.message) at \(String(describing: d.location))", file: file,
                line: line)
            return nil
        }
    }
}

/// The commands of `source`, or nil (and a failure) when there are not `count` of them.
func commands(count: Int, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> [CommandText]? {
    let cs = commands(source, file: file, line: line)
    guard cs.count == count else {
        XCTFail("\(cs.count) commands, wanted \(count): \(cs.map(\.text))", file: file, line: line)
        return nil
    }
    return cs
}

/// The only command of `source`.
func command(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> CommandText? {
    let cs = commands(source, file: file, line: line)
    XCTAssertEqual(cs.count, 1, "commands of \(source)", file: file, line: line)
    return cs.first
}

/// The literal text of a word (variables shown as `${NAME}`).
func literal(_ word: Word) -> String {
    word.parts.map { part in
        switch part {
        case .text(let s): return s
        case .variable(let name, _): return "${\(name)}"
        }
    }.joined()
}

func texts(_ c: CommandText?) -> [String] { c?.words.map(literal) ?? [] }

/// The first lexer error of `source`, with its `incomplete` flag.
func lexError(_ source: String, firstLine: Int = 1) -> (Diagnostic, Bool)? {
    for item in Lexer.lex(source, file: testFile, firstLine: firstLine) {
        if case .error(let d, let incomplete) = item { return (d, incomplete) }
    }
    return nil
}

/// Lexes and parses a one-command source.
func parse(
    _ source: String, variables: [String: String] = [:], file: StaticString = #filePath,
    line: UInt = #line
) throws(Diagnostic) -> Command? {
    guard let c = command(source, file: file, line: line) else { return nil }
    return try Parser.parse(c, variables: variables)
}

/// Parses and returns the command, failing the test on a diagnostic.
func parsed(
    _ source: String, variables: [String: String] = [:], file: StaticString = #filePath,
    line: UInt = #line
) -> Command? {
    do {
        return try parse(source, variables: variables, file: file, line: line)
    } catch {
        XCTFail(
            "\(source): unexpected error \(error.message) at \(String(describing: error.location))",
            file: file, line: line)
        return nil
    }
}

/// The diagnostic parsing `source` throws; no error fails the test.
func parseError(
    _ source: String, variables: [String: String] = [:], file: StaticString = #filePath,
    line: UInt = #line
) -> Diagnostic? {
    do {
        let c = try parse(source, variables: variables, file: file, line: line)
        XCTFail("\(source): expected an error, got \(String(describing: c))", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Asserts a diagnostic's message, location and hint exactly.
func assertDiagnostic(
    _ d: Diagnostic?, _ message: String, _ line: Int, _ column: Int, hint: String?,
    sourceLine: String? = nil, inFile: String = testFile,
    file: StaticString = #filePath, line testLine: UInt = #line
) {
    guard let d else {
        XCTFail("no diagnostic, wanted: \(message)", file: file, line: testLine)
        return
    }
    XCTAssertEqual(d.message, message, file: file, line: testLine)
    XCTAssertEqual(
        d.location, SourceLocation(file: inFile, line: line, column: column), "location of: \(message)",
        file: file, line: testLine)
    XCTAssertEqual(d.hint, hint, "hint of: \(message)", file: file, line: testLine)
    XCTAssertEqual(d.severity, .error, file: file, line: testLine)
    if let sourceLine {
        XCTAssertEqual(d.sourceLine, sourceLine, file: file, line: testLine)
    }
}

/// Asserts the parse error of a one-command source.
func assertParseError(
    _ source: String, _ message: String, _ line: Int, _ column: Int, hint: String?,
    variables: [String: String] = [:], file: StaticString = #filePath,
    line testLine: UInt = #line
) {
    let d = parseError(source, variables: variables, file: file, line: testLine)
    assertDiagnostic(d, message, line, column, hint: hint, file: file, line: testLine)
}
