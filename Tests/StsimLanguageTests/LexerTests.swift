import StsimEngine
import XCTest

@testable import StsimLanguage

/// The lexical rules of command-language.md: words, quotes, escapes, comments, `;`, `\`
/// continuation, here-documents, `${NAME}`, and character (not byte) columns.
final class LexerTests: XCTestCase {
    func testWordsAndTheirLocations() {
        let c = command("get pods -o wide")
        XCTAssertEqual(texts(c), ["get", "pods", "-o", "wide"])
        XCTAssertEqual(c?.words.map(\.location), [at(1, 1), at(1, 5), at(1, 10), at(1, 13)])
        XCTAssertEqual(c?.words.map(\.wasQuoted), [false, false, false, false])
        XCTAssertEqual(c?.location, at(1, 1))
        XCTAssertEqual(c?.text, "get pods -o wide")
        XCTAssertNil(c?.hereDocument)
    }

    func testBlankLinesAndCommentsMakeNoCommands() {
        XCTAssertEqual(Lexer.lex("", file: testFile), [])
        XCTAssertEqual(Lexer.lex("\n\n   \n\t\n", file: testFile), [])
        XCTAssertEqual(Lexer.lex("# a comment\n   # another", file: testFile), [])
        XCTAssertEqual(Lexer.lex(";;  ; \n", file: testFile), [])
    }

    func testSpacesAndTabsBetweenWords() {
        let c = command("  \tget\t\tpods   ")
        XCTAssertEqual(texts(c), ["get", "pods"])
        XCTAssertEqual(c?.words.map(\.location.column), [4, 9])
        XCTAssertEqual(c?.location, at(1, 4))
        XCTAssertEqual(c?.text, "get\t\tpods")
    }

    func testNewlinesSeparateCommands() {
        guard let cs = commands(count: 2, "get pods\n\nclock\n") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"], ["clock"]])
        XCTAssertEqual(cs.map(\.location), [at(1, 1), at(3, 1)])
        XCTAssertEqual(cs.map(\.text), ["get pods", "clock"])
    }

    func testSemicolonSeparatesCommandsOnOneLine() {
        guard let cs = commands(count: 3, "get pods; clock;tick 1s") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"], ["clock"], ["tick", "1s"]])
        XCTAssertEqual(cs.map(\.location), [at(1, 1), at(1, 11), at(1, 17)])
        XCTAssertEqual(cs.map(\.text), ["get pods", "clock", "tick 1s"])
    }

    func testEmptyCommandsBetweenSemicolonsAreSkipped() {
        guard let cs = commands(count: 2, ";;get pods;; ;clock;") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"], ["clock"]])
    }

    func testCommentsEndTheLine() {
        guard let cs = commands(count: 2, "get pods # all of them; not a command\n# whole line\nclock") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"], ["clock"]])
        XCTAssertEqual(cs.map(\.location), [at(1, 1), at(3, 1)])
    }

    /// The text, for `--echo` and history, is the command as written: with its comment, whether
    /// or not a newline follows.
    func testTheCommandTextKeepsTheComment() {
        XCTAssertEqual(commands("get pods # all\nclock # now").map(\.text), ["get pods # all", "clock # now"])
        XCTAssertEqual(commands("get pods  \\\n  -o wide # all\n").map(\.text), ["get pods  \\\n  -o wide # all"])
        XCTAssertEqual(
            commands("clock; get pods # all; not a command").map(\.text),
            ["clock", "get pods # all; not a command"])
        XCTAssertEqual(
            commands("apply <<EOF # inline\nkind: X\nEOF\n# after\n").map(\.text),
            ["apply <<EOF # inline\nkind: X\nEOF"])
    }

    func testHashInsideAWordOrQuotesIsNotAComment() {
        XCTAssertEqual(texts(command("get pod#1 x")), ["get", "pod#1", "x"])
        XCTAssertEqual(
            texts(command("expect output contains '# not a comment'")),
            ["expect", "output", "contains", "# not a comment"])
        XCTAssertEqual(texts(command("expect output contains \"a # b\"")), ["expect", "output", "contains", "a # b"])
    }

    func testSingleQuotesKeepEverythingLiteral() {
        let c = command(#"let x = 'a b "c" \ ${Y} ; # z'"#)
        XCTAssertEqual(c?.words.count, 4)
        XCTAssertEqual(c?.words[3].parts, [.text(#"a b "c" \ ${Y} ; # z"#)])
        XCTAssertEqual(c?.words[3].wasQuoted, true)
        XCTAssertEqual(c?.words[3].location, at(1, 9))
    }

    func testDoubleQuotesEscapesAndVariables() {
        let c = command(#"expect output contains "a \"b\" \\ \$ \q ${N}!""#)
        XCTAssertEqual(c?.words.count, 4)
        XCTAssertEqual(
            c?.words[3].parts,
            [.text(#"a "b" \ $ \q "#), .variable(name: "N", at: at(1, 42)), .text("!")])
        XCTAssertEqual(c?.words[3].wasQuoted, true)
    }

    func testBackslashNewlineInsideDoubleQuotesJoinsTheLines() {
        let c = command("expect output contains \"ab\\\ncd\"")
        XCTAssertEqual(texts(c).last, "abcd")
    }

    func testQuotesMaySpanLines() {
        let c = command("expect output contains 'a\nb'")
        XCTAssertEqual(texts(c).last, "a\nb")
        XCTAssertEqual(c?.words.last?.location, at(1, 24))
    }

    func testBackslashEscapesOutsideQuotes() {
        let c = command(##"echo a\ b\;c\#d\"e\\f"##)
        XCTAssertEqual(texts(c), ["echo", #"a b;c#d"e\f"#])
        XCTAssertEqual(c?.words[1].wasQuoted, false)
    }

    func testAdjacentQuotedAndUnquotedTextMakeOneWord() {
        let c = command(#"get pods --selector="app=web"x'y'"#)
        XCTAssertEqual(texts(c), ["get", "pods", "--selector=app=webxy"])
        XCTAssertEqual(c?.words[2].wasQuoted, true)
        XCTAssertEqual(c?.words[2].location, at(1, 10))
    }

    func testEmptyQuotesMakeAnEmptyWord() {
        let c = command(#"expect output contains "" ''"#)
        XCTAssertEqual(c?.words.count, 5)
        XCTAssertEqual(c?.words[3].parts, [])
        XCTAssertEqual(c?.words[3].wasQuoted, true)
        XCTAssertEqual(c?.words[4].wasQuoted, true)
        XCTAssertEqual(try c?.words[3].expanded(with: [:]), "")
    }

    func testTrailingBackslashContinuesTheCommand() {
        guard let cs = commands(count: 2, "get \\\n  pods \\\n  -o wide\nclock") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods", "-o", "wide"], ["clock"]])
        XCTAssertEqual(cs[0].words.map(\.location), [at(1, 1), at(2, 3), at(3, 3), at(3, 6)])
        XCTAssertEqual(cs[0].text, "get \\\n  pods \\\n  -o wide")
        XCTAssertEqual(cs[1].location, at(4, 1))
    }

    func testBackslashNewlineInsideAWordJoinsIt() {
        guard let cs = commands(count: 1, "ge\\\nt pods") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"]])
        XCTAssertEqual(cs[0].words.map(\.location), [at(1, 1), at(2, 3)])
    }

    func testCarriageReturnLineEndings() {
        guard let cs = commands(count: 3, "get pods\r\nclock\r\n\r\ntick 1s\r\n") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"], ["clock"], ["tick", "1s"]])
        XCTAssertEqual(cs.map(\.location), [at(1, 1), at(2, 1), at(4, 1)])
        XCTAssertEqual(texts(command("get pods\r")), ["get", "pods"])
    }

    func testCarriageReturnLineEndingsWithContinuationAndHereDocument() {
        guard let cs = commands(count: 3, "get \\\r\npods\r\napply <<EOF\r\nkind: X\r\nEOF\r\nclock") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"], ["apply"], ["clock"]])
        XCTAssertEqual(cs[1].hereDocument?.body, [.text("kind: X\n")])
        XCTAssertEqual(cs[2].location, at(6, 1))
    }

    func testFirstLineOffsetsLineNumbers() {
        let cs = Lexer.lex("clock\ntick 1s", file: "lesson.sts", firstLine: 7).compactMap { item -> CommandText? in
            if case .command(let c) = item { return c }
            return nil
        }
        XCTAssertEqual(cs.map(\.location), [at(7, 1, file: "lesson.sts"), at(8, 1, file: "lesson.sts")])
        XCTAssertEqual(cs[1].words[1].location, at(8, 6, file: "lesson.sts"))
    }

    // MARK: - UTF-8

    func testColumnsCountCharactersNotBytes() {
        let c = command("expect output contains \"héllo wörld\" ünïcode 👍🏽 x")
        XCTAssertEqual(texts(c), ["expect", "output", "contains", "héllo wörld", "ünïcode", "👍🏽", "x"])
        XCTAssertEqual(c?.words.map(\.location.column), [1, 8, 15, 24, 38, 46, 48])
    }

    func testCombiningCharactersAreOneColumn() {
        let c = command("e\u{301}x y")
        XCTAssertEqual(c?.words.map(\.location.column), [1, 4])
        XCTAssertEqual(texts(c).first, "e\u{301}x")
    }

    func testColumnsAfterUnicodeOnTheSameLine() {
        guard let cs = commands(count: 2, "let x = \"日本語\"; tick 5q") else { return }
        XCTAssertEqual(cs[1].location, at(1, 16))
        XCTAssertEqual(cs[1].words[1].location, at(1, 21))
    }

    // MARK: - Variables

    func testVariableReferences() {
        guard let cs = commands(count: 2, "let n = 3\nscale sts web ${n}") else { return }
        XCTAssertEqual(texts(cs[0]), ["let", "n", "=", "3"])
        XCTAssertEqual(cs[1].words[3].parts, [.variable(name: "n", at: at(2, 15))])
        XCTAssertEqual(try cs[1].words[3].expanded(with: ["n": "3"]), "3")
    }

    func testVariableInsideAWord() {
        let c = command("get pod web-${i}x")
        XCTAssertEqual(
            c?.words[2].parts,
            [.text("web-"), .variable(name: "i", at: at(1, 13)), .text("x")])
        XCTAssertEqual(try c?.words[2].expanded(with: ["i": "0"]), "web-0x")
    }

    func testEscapedOrSingleQuotedDollarIsLiteral() {
        XCTAssertEqual(command(#"get \${n}"#)?.words[1].parts, [.text("${n}")])
        XCTAssertEqual(command("get '${n}'")?.words[1].parts, [.text("${n}")])
        XCTAssertEqual(command("get \"${n}\"")?.words[1].parts, [.variable(name: "n", at: at(1, 6))])
        XCTAssertEqual(
            command("get a$b $ {n} $HOME")?.words.dropFirst().map(\.parts),
            [[.text("a$b")], [.text("$")], [.text("{n}")], [.text("$HOME")]])
    }

    func testVariableNames() {
        for name in ["a", "_", "_x1", "A_B", "n3"] { XCTAssertTrue(Lexer.isVariableName(name), name) }
        for name in ["", "1a", "a-b", "a b", "é", "a.b"] { XCTAssertFalse(Lexer.isVariableName(name), name) }
    }

    // MARK: - Here-documents

    func testHereDocument() {
        guard let cs = commands(count: 2, "apply <<EOF\napiVersion: v1\nkind: Service\nEOF\nget svc\n") else { return }
        XCTAssertEqual(texts(cs[0]), ["apply"])
        XCTAssertEqual(
            cs[0].hereDocument,
            HereDocument(
                body: [.text("apiVersion: v1\nkind: Service\n")],
                delimiter: "EOF", location: at(1, 7), firstBodyLine: 2))
        XCTAssertEqual(cs[0].text, "apply <<EOF\napiVersion: v1\nkind: Service\nEOF")
        XCTAssertEqual(cs[0].location, at(1, 1))
        XCTAssertEqual(texts(cs[1]), ["get", "svc"])
        XCTAssertEqual(cs[1].location, at(5, 1))
    }

    func testHereDocumentAtTheEndWithoutANewline() {
        let c = command("apply <<EOF\nkind: X\nEOF")
        XCTAssertEqual(c?.hereDocument?.body, [.text("kind: X\n")])
    }

    func testEmptyHereDocument() {
        let c = command("apply <<EOF\nEOF\n")
        XCTAssertEqual(c?.hereDocument?.body, [])
        XCTAssertEqual(c?.hereDocument?.firstBodyLine, 2)
    }

    func testWordsAfterTheHereDocumentOperator() {
        let c = command("create -f - <<EOF -n demo # manifest\nkind: X\nEOF\n")
        XCTAssertEqual(texts(c), ["create", "-f", "-", "-n", "demo"])
        XCTAssertEqual(c?.hereDocument?.delimiter, "EOF")
        XCTAssertEqual(c?.hereDocument?.location, at(1, 13))
    }

    func testHereDocumentOperatorWithSpaceAndOtherDelimiter() {
        let c = command("apply << END\nEOF\nEND\n")
        XCTAssertEqual(c?.hereDocument?.delimiter, "END")
        XCTAssertEqual(c?.hereDocument?.body, [.text("EOF\n")])
    }

    func testTheDelimiterMustBeTheWholeLine() {
        let c = command("apply <<EOF\nEOF x\n  EOF\nEOF\n")
        XCTAssertEqual(c?.hereDocument?.body, [.text("EOF x\n  EOF\n")])
    }

    func testDashStripsLeadingTabs() {
        let c = command("apply <<-EOF\n\tkind: X\n\t\tname: y\n  spaces: kept\n\tEOF\n")
        XCTAssertEqual(c?.hereDocument?.body, [.text("kind: X\nname: y\n  spaces: kept\n")])
        XCTAssertEqual(c?.hereDocument?.delimiter, "EOF")
    }

    func testVariablesInsideTheBodyWithTheirLocations() {
        let c = command("apply <<EOF\nname: ${N}\n  image: ${IMG}:1\nEOF\n")
        XCTAssertEqual(
            c?.hereDocument?.body,
            [
                .text("name: "), .variable(name: "N", at: at(2, 7)), .text("\n  image: "),
                .variable(name: "IMG", at: at(3, 10)), .text(":1\n"),
            ])
    }

    func testBracesThatCloseNoNameStayLiteralAndLaterReferencesStillCount() {
        // "${ a}" is no name, so its "}" is reused for nothing; the "}" after "${B" closes B.
        let c = command("apply <<EOF\n${ a} ${ ${B}\n${C\nEOF\n")
        XCTAssertEqual(
            c?.hereDocument?.body,
            [.text("${ a} ${ "), .variable(name: "B", at: at(2, 10)), .text("\n${C\n")])
    }

    func testVariableColumnsInADashBodyCountTheStrippedTabs() {
        let c = command("apply <<-EOF\n\tname: ${N}\n\t\t  image: ${I}\nx: ${J}\n\tEOF\n")
        XCTAssertEqual(
            c?.hereDocument?.body,
            [
                .text("name: "), .variable(name: "N", at: at(2, 8)), .text("\n  image: "),
                .variable(name: "I", at: at(3, 12)), .text("\nx: "), .variable(name: "J", at: at(4, 4)), .text("\n"),
            ])
    }

    func testBodyLocationsFollowFirstLine() {
        let items = Lexer.lex("clock\napply <<EOF\nx: ${A}\nEOF", file: testFile, firstLine: 10)
        guard items.count == 2, case .command(let c) = items[1] else { return XCTFail("\(items)") }
        XCTAssertEqual(c.hereDocument?.location, at(11, 7))
        XCTAssertEqual(c.hereDocument?.firstBodyLine, 12)
        XCTAssertEqual(c.hereDocument?.body, [.text("x: "), .variable(name: "A", at: at(12, 4)), .text("\n")])
    }

    func testBodyLocationsAfterAContinuedCommandLine() {
        let c = command("apply \\\n  <<EOF\nx: ${A}\nEOF")
        XCTAssertEqual(c?.hereDocument?.location, at(2, 3))
        XCTAssertEqual(c?.hereDocument?.body, [.text("x: "), .variable(name: "A", at: at(3, 4)), .text("\n")])
    }

    func testQuotedDelimiterTurnsExpansionOff() {
        for op in ["<<'EOF'", "<<\"EOF\"", "<<E'OF'", "<<-'EOF'"] {
            let c = command("apply \(op)\nname: ${N}\nEOF\n")
            XCTAssertEqual(c?.hereDocument?.body, [.text("name: ${N}\n")], op)
            XCTAssertEqual(c?.hereDocument?.delimiter, "EOF", op)
        }
    }

    func testBodyKeepsWhatIsNotAVariableReference() {
        let c = command("apply <<EOF\na: ${1x} $HOME ${ \\n 'q' \"d\" # c\nEOF\n")
        XCTAssertEqual(c?.hereDocument?.body, [.text("a: ${1x} $HOME ${ \\n 'q' \"d\" # c\n")])
    }

    func testHereDocumentBodyUnicodeColumns() {
        let c = command("apply <<EOF\nnäme: ${N}\nEOF\n")
        XCTAssertEqual(c?.hereDocument?.body, [.text("näme: "), .variable(name: "N", at: at(2, 7)), .text("\n")])
    }

    func testCommandsAfterAHereDocument() {
        guard let cs = commands(count: 4, "get pods; apply <<EOF\nkind: X\nEOF\nclock; tick 1s") else { return }
        XCTAssertEqual(cs.map(texts), [["get", "pods"], ["apply"], ["clock"], ["tick", "1s"]])
        XCTAssertEqual(cs[1].hereDocument?.body, [.text("kind: X\n")])
        XCTAssertEqual(cs[2].location, at(4, 1))
        XCTAssertEqual(cs[3].location, at(4, 8))
    }

    func testHereDocumentWithoutACommandDoesNotTakeTheNextOne() {
        guard let cs = commands(count: 2, "<<EOF\nkind: X\nEOF\nget pods") else { return }
        XCTAssertEqual(cs[0].words, [])
        XCTAssertEqual(cs[0].hereDocument?.body, [.text("kind: X\n")])
        XCTAssertEqual(texts(cs[1]), ["get", "pods"])
        XCTAssertNil(cs[1].hereDocument)
    }

    // MARK: - Word

    func testWordExpansion() throws {
        let w = Word(
            parts: [
                .text("a-"), .variable(name: "X", at: at(1, 3)), .text("-"),
                .variable(name: "X", at: at(1, 8)),
            ], location: at(1, 1))
        XCTAssertEqual(try w.expanded(with: ["X": "1"]), "a-1-1")
        XCTAssertEqual(try Word("plain", at: at(2, 2)).expanded(with: [:]), "plain")
        XCTAssertEqual(Word("plain", at: at(2, 2)).wasQuoted, false)
    }
}
