import StsimEngine
import XCTest

@testable import StsimLanguage

/// `for NAME in WORDS; do COMMANDS; done`: how the lexer reads it, how it expands, and every
/// error it reports with its location.
final class ForLoopTests: XCTestCase {
    private func loop(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> ForLoop? {
        let items = Lexer.lex(source, file: testFile)
        guard items.count == 1, case .loop(let l) = items[0] else {
            XCTFail("wanted one loop, got \(items)", file: file, line: line)
            return nil
        }
        return l
    }

    private func expanded(
        _ source: String, variables: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) -> [String] {
        guard let l = loop(source, file: file, line: line) else { return [] }
        do {
            return try l.commands(variables: variables).map { c in
                c.words.map { w in (try? w.expanded(with: variables)) ?? literal(w) }.joined(separator: " ")
            }
        } catch {
            XCTFail("unexpected error: \(error.message)", file: file, line: line)
            return []
        }
    }

    func testTheTutorialsLoopOnOneLine() {
        XCTAssertEqual(
            expanded(#"for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done"#),
            ["kubectl exec web-0 -- sh -c hostname", "kubectl exec web-1 -- sh -c hostname"])
    }

    func testUnquotedAndBracedReferencesAndSeveralCommands() {
        XCTAssertEqual(
            expanded("for i in $(seq 0 2); do get pod web-$i; get pvc www-web-${i}; done"),
            [
                "get pod web-0", "get pvc www-web-0", "get pod web-1", "get pvc www-web-1", "get pod web-2",
                "get pvc www-web-2",
            ])
    }

    func testSingleQuotesKeepTheDollarForTheContainersShell() {
        XCTAssertEqual(
            expanded(#"for i in 1; do exec web-0 -- sh -c 'echo $i "$(hostname)"'; done"#),
            [#"exec web-0 -- sh -c echo $i "$(hostname)""#])
    }

    func testOtherDollarWordsStayAsWritten() {
        XCTAssertEqual(
            expanded(#"for i in 1; do exec web-0 -- echo "$HOME" $PATH; done"#), ["exec web-0 -- echo $HOME $PATH"])
    }

    func testOverSeveralLinesKeepsEachCommandsLocation() {
        let source = "for p in a b\ndo\n  get pod $p\n  # a comment\n  get pvc $p\ndone\nclock\n"
        let items = Lexer.lex(source, file: testFile)
        guard items.count == 2, case .loop(let l) = items[0], case .command(let after) = items[1] else {
            return XCTFail("\(items)")
        }
        XCTAssertEqual(after.location, at(7, 1))
        XCTAssertEqual(l.text, "for p in a b\ndo\n  get pod $p\n  # a comment\n  get pvc $p\ndone")
        let cs = (try? l.commands(variables: [:])) ?? []
        XCTAssertEqual(cs.map(\.location), [at(3, 3), at(5, 3), at(3, 3), at(5, 3)])
        XCTAssertEqual(cs.map(\.text), ["get pod $p", "get pvc $p", "get pod $p", "get pvc $p"])
    }

    func testSeqForms() {
        XCTAssertEqual(expanded("for i in $(seq 3); do clock; done").count, 3)
        XCTAssertEqual(
            expanded("for i in $(seq 2 4) x; do get pod $i; done"),
            ["get pod 2", "get pod 3", "get pod 4", "get pod x"])
        XCTAssertEqual(expanded("for i in $(seq 10 -5 1); do get pod $i; done"), ["get pod 10", "get pod 5"])
        XCTAssertEqual(expanded("for i in $(seq 3 1); do get pod $i; done"), [])
        XCTAssertEqual(
            expanded("for i in $(seq 1 ${n}); do get pod web-$i; done", variables: ["n": "2"]),
            ["get pod web-1", "get pod web-2"])
    }

    func testNestedLoopsSeeTheOuterVariable() {
        XCTAssertEqual(
            expanded("for i in 0 1; do for j in $(seq 1 $i); do get pod web-$i-$j; done; clock; done"),
            ["clock", "get pod web-1-1", "clock"])
    }

    func testAHereDocumentInTheBodyIsExpandedToo() {
        guard let l = loop("for n in a b; do\napply -f - <<EOF\nname: ${n}\nEOF\ndone") else { return }
        let docs = ((try? l.commands(variables: [:])) ?? []).compactMap(\.hereDocument)
        XCTAssertEqual(
            docs.map(\.body),
            [[.text("name: "), .text("a"), .text("\n")], [.text("name: "), .text("b"), .text("\n")]])
    }

    func testTheIterationBound() {
        guard let l = loop("for i in $(seq 1 100000000); do clock; done") else { return }
        XCTAssertThrowsError(try l.commands(variables: [:])) { e in
            assertDiagnostic(
                e as? Diagnostic, "this seq gives more than 10,000 numbers, stsim's limit for one loop", 1, 10,
                hint: nil)
        }
        guard let nested = loop("for i in $(seq 200); do for j in $(seq 100); do clock; done; done") else { return }
        XCTAssertThrowsError(try nested.commands(variables: [:])) { e in
            assertDiagnostic(
                e as? Diagnostic, "this loop would run more than 10,000 commands, stsim's limit for one loop", 1, 1,
                hint: "run it in parts, with fewer values in each")
        }
    }

    func testLoopsNestAtMostEightDeep() {
        let eight = String(repeating: "for i in a; do ", count: 8) + "clock" + String(repeating: "; done", count: 8)
        XCTAssertNotNil(loop(eight))
        // A thousand unfinished loops meet the bound on the ninth line, not the end of the stack.
        let many = String(repeating: "for i in a; do\n", count: 1000)
        assertDiagnostic(
            lexError(many)?.0, "loops nest at most 8 deep", 9, 1,
            hint: "end an inner loop with done before opening another")
    }

    func testASemicolonInsideSeqsSubstitutionIsAnErrorThere() {
        // It once read an empty word there for ever, until memory ran out (the fuzzer's finding).
        assertDiagnostic(
            lexError("for i in $(seq 1 ${n}; x) get pvc; done")?.0, "unexpected \";\" inside $(...)", 1, 22,
            hint: "in a for loop's list: $(seq LAST), $(seq FIRST LAST) or $(seq FIRST STEP LAST)")
    }

    func testAnUnfinishedLoopAsksForMoreInput() {
        for source in ["for i in 0 1; do get pod web-$i", "for i in 0 1", "for i in 0 1;", "for", "for i in 0 1; do"] {
            guard let (d, incomplete) = lexError(source) else {
                XCTFail("no error for \(source)")
                continue
            }
            XCTAssertTrue(incomplete, source)
            XCTAssertEqual(d.location, at(1, 1), source)
        }
        XCTAssertEqual(lexError("for i in 0 1; do clock")?.0.message, "this for loop has no \"done\" yet")
    }

    func testLocatedErrors() {
        assertDiagnostic(
            lexError("for i in 0 1; get pods; done")?.0, "expected \"do\"", 1, 15,
            hint: #"for i in 0 1; do kubectl exec "web-$i" -- hostname; done"#)
        assertDiagnostic(
            lexError("for 1x in a; do clock; done")?.0, "expected a variable name after for", 1, 5,
            hint:
                #"names are letters, digits and _, not starting with a digit: for i in 0 1; do kubectl exec "web-$i" -- hostname; done"#
        )
        assertDiagnostic(
            lexError("for i 0 1; do clock; done")?.0, "expected \"in\" after for i", 1, 7,
            hint: #"for i in 0 1; do kubectl exec "web-$i" -- hostname; done"#)
        assertDiagnostic(
            lexError("for i in $(hostname); do clock; done")?.0, "stsim runs only seq inside $(...), not \"hostname\"",
            1, 12, hint: "in a for loop's list: $(seq LAST), $(seq FIRST LAST) or $(seq FIRST STEP LAST)")
        assertDiagnostic(
            lexError("for i in $(seq); do clock; done")?.0,
            "seq takes 1 to 3 numbers: seq LAST, seq FIRST LAST or seq FIRST STEP LAST", 1, 12, hint: nil)
        assertDiagnostic(
            lexError("for i in a; do done")?.0, "a loop needs a command between do and done", 1, 16, hint: nil)
        assertDiagnostic(
            lexError("for i in a; do clock; done get")?.0, "expected ; or a new line after done", 1, 28, hint: nil)
        assertDiagnostic(
            lexError("clock\ndone")?.0, "\"done\" without a for loop before it", 2, 1,
            hint: #"for i in 0 1; do kubectl exec "web-$i" -- hostname; done"#)
    }

    func testASeqArgumentThatIsNotANumber() {
        guard let l = loop("for i in $(seq 1 x); do clock; done") else { return }
        XCTAssertThrowsError(try l.commands(variables: [:])) { e in
            assertDiagnostic(e as? Diagnostic, "seq: invalid number \"x\"", 1, 18, hint: "seq takes whole numbers")
        }
    }

    func testWhileIsReadWholeThenRefused() {
        let items = Lexer.lex("while true\ndo\n  clock\ndone\nget pods", file: testFile)
        guard items.count == 2, case .error(let d, false) = items[0], case .command(let c) = items[1] else {
            return XCTFail("\(items)")
        }
        assertDiagnostic(
            d, "stsim has no while loop, only for", 1, 1,
            hint:
                "count with for i in $(seq 1 5); do ...; done, or wait for a state with wait; a shell in a pod has while: exec POD -- sh -c 'while ...'"
        )
        XCTAssertEqual(c.text, "get pods")
        XCTAssertEqual(lexError("until false; do clock")?.1, true)
    }

    func testForAsAnArgumentIsAWord() {
        XCTAssertEqual(
            texts(command("exec web-0 -- echo for do done")), ["exec", "web-0", "--", "echo", "for", "do", "done"])
    }
}
