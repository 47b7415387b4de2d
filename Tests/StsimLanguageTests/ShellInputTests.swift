import StsimEngine
import XCTest

@testable import StsimLanguage

/// What a shell in a container reads: at the prompt a nested prompt, in a script the lines after
/// the command up to `exit`, or a here-document; and the errors when none of these fits.
final class ShellInputTests: XCTestCase {
    private func attached(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> AttachedExec? {
        let items = Lexer.lex(source, file: testFile)
        guard case .command(let c)? = items.first, case .execAttached(let e)? = try? Parser.parse(c, variables: [:])
        else {
            XCTFail("not an attached exec: \(items)", file: file, line: line)
            return nil
        }
        return e
    }

    func testTheLinesUpToExitAreTheShells() {
        let items = Lexer.lex("exec -it web-0 -- sh\nhostname\ncd /tmp; ls\nexit 2\nget pods\n", file: testFile)
        guard items.count == 2, case .command(let c) = items[0], case .command(let after) = items[1] else {
            return XCTFail("\(items)")
        }
        XCTAssertEqual(c.shellLines?.map(\.text), ["hostname", "cd /tmp; ls", "exit 2"])
        XCTAssertEqual(c.shellLines?.map(\.location), [at(2, 1), at(3, 1), at(4, 1)])
        XCTAssertEqual(after.location, at(5, 1))
        guard case .execAttached(let e)? = try? Parser.parse(c, variables: [:]) else { return XCTFail() }
        XCTAssertEqual(e.tty, true)
        XCTAssertEqual(e.command.map(\.text), ["sh"])
    }

    func testEveryWayOfAskingForStdin() {
        for source in [
            "exec -ti web-0 -- bash\nexit", "kubectl exec -i -t web-0 -c nginx -- /bin/sh\nexit",
            "exec --stdin --tty web-0 -- sh\nexit", "exec -i web-0 -- sh\nexit",
        ] {
            guard let e = attached(source) else { continue }
            guard case .typedLines(let lines) = e.input else { return XCTFail("\(source): \(e.input)") }
            XCTAssertEqual(lines.map(\.text), ["exit"], source)
        }
        XCTAssertEqual(attached("exec -ti web-0 -c nginx -- bash\nexit")?.container, "nginx")
        XCTAssertEqual(attached("exec -i web-0 -- sh\nexit")?.tty, false)
    }

    func testAtThePromptTheShellOpensANestedPrompt() {
        guard case .command(let c)? = Lexer.lex("exec -it web-0 -- sh", file: "<prompt>", shellLines: false).first,
            case .execAttached(let e)? = try? Parser.parse(c, variables: [:])
        else { return XCTFail() }
        XCTAssertEqual(e.input, .terminal)
    }

    func testAHereDocumentIsStandardInput() {
        XCTAssertEqual(attached("exec -i web-0 -- cat <<EOF\nhi\nEOF")?.input, .text("hi\n"))
        assertParseError(
            "exec web-0 -- cat <<EOF\nhi\nEOF",
            "exec passes a here-document to the container only with -i (--stdin), as kubectl does",
            1, 19, hint: nil)
    }

    func testACommandOtherThanAShellJustRuns() {
        guard case .exec(_, _, let words)? = parsed("exec -i -t web-0 -- curl http://localhost/") else {
            return XCTFail()
        }
        XCTAssertEqual(words.map(\.text), ["curl", "http://localhost/"])
    }

    func testKubectlRunOfBusyBoxWithoutACommand() {
        let source =
            "kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm\nnslookup web-0.nginx\nexit\n"
        guard case .command(let c)? = Lexer.lex(source, file: testFile).first,
            case .runPod(let r)? = try? Parser.parse(c, variables: [:])
        else { return XCTFail() }
        XCTAssertEqual(r.tty, true)
        XCTAssertEqual(r.remove, true)
        guard case .typedLines(let lines)? = r.input else { return XCTFail("\(String(describing: r.input))") }
        XCTAssertEqual(lines.map(\.text), ["nslookup web-0.nginx", "exit"])
        // nginx's command is its server, not a shell: no lines are taken.
        XCTAssertEqual(Lexer.lex("run -it x --image nginx\nget pods", file: testFile).count, 2)
    }

    func testErrors() {
        guard let (d, incomplete) = lexError("exec -it web-0 -- sh\nhostname") else { return XCTFail() }
        assertDiagnostic(
            d, "the shell reads the lines after it up to exit; the input ended first", 1, 1,
            hint: "end the shell's lines with a line: exit")
        XCTAssertTrue(incomplete)
        assertDiagnostic(
            lexError("exec -it web-0 -- sh; get pods\nexit")?.0,
            "in a script, the shell reads the lines after this command: end its line here", 1, 1, hint: nil)
        assertParseError(
            "run x.sts <<EOF\nhi\nEOF", "run FILE does not read a here-document", 1, 11,
            hint: "run NAME --image=IMG -i <<EOF passes one to a pod")
    }
}
