import StsimSession
import XCTest

/// The tutorials' shell habits as the session runs them: `for` loops at the prompt and in
/// scripts, and the nested prompt of `exec -it POD -- sh`.
final class ShellHabitsTests: XCTestCase {
    private func sessionWithWeb() -> (Session, CapturedOutput) {
        let out = CapturedOutput()
        let s = Session(output: out)
        XCTAssertTrue(s.runInteractive("create sts web --image nginx --replicas 2", interrupted: { false }))
        return (s, out)
    }

    func testAnUnfinishedLoopAsksForMoreLines() {
        let s = Session(output: CapturedOutput())
        XCTAssertTrue(s.needsMoreInput("for i in 0 1; do"))
        XCTAssertTrue(s.needsMoreInput("for i in 0 1; do\n  get pod web-$i"))
        XCTAssertFalse(s.needsMoreInput("for i in 0 1; do\n  get pod web-$i\ndone"))
        // At the prompt, exec -it opens a nested prompt: it does not wait for the shell's lines.
        XCTAssertFalse(s.needsMoreInput("exec -it web-0 -- sh"))
    }

    func testAtThePromptALoopGoesOnAfterAnError() {
        let (s, out) = sessionWithWeb()
        XCTAssertTrue(s.runInteractive("for i in 2 0; do exec web-$i -- hostname; done", interrupted: { false }))
        XCTAssertTrue(out.text.contains("pods \"web-2\" not found"), out.text)
        XCTAssertTrue(out.text.hasSuffix("web-0\n"), out.text)
        // A check after the loop sees all it printed, not only its last command's output.
        let script = "create sts web --image nginx --replicas 2\nfor i in 0 1; do exec web-$i -- hostname; done\n"
        let checks = CapturedOutput()
        XCTAssertEqual(
            Session(output: checks).runScript(script + "expect output contains \"web-0\"\n", file: "t.sts"), 0,
            checks.text)
    }

    func testInAScriptTheFirstErrorStopsTheLoop() {
        let out = CapturedOutput()
        let status = Session(output: out).runScript(
            "create sts web --image nginx --replicas 1\nfor i in 1 0; do\n  exec web-$i -- hostname\ndone\n",
            file: "t.sts")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(out.text.contains("t.sts:3:3: Error from server (NotFound): pods \"web-1\" not found"), out.text)
        XCTAssertFalse(out.text.contains("web-0\n"), out.text)
    }

    func testTheNestedPromptKeepsTheShellsStateUntilExit() {
        let (s, out) = sessionWithWeb()
        XCTAssertNil(s.nestedPrompt)
        XCTAssertTrue(s.runInteractive("exec -it web-1 -- bash", interrupted: { false }))
        XCTAssertEqual(s.nestedPrompt, "root@web-1:/# ")
        // Inside, a line is the shell's, not stsim's: `get pods` is not a command there.
        XCTAssertTrue(s.runInteractive("cd /tmp; n=5; get pods", interrupted: { false }))
        XCTAssertTrue(out.text.contains("bash: get: command not found"), out.text)
        XCTAssertEqual(s.nestedPrompt, "root@web-1:/tmp# ")
        XCTAssertTrue(s.runInteractive("echo $n $(hostname)", interrupted: { false }))
        XCTAssertTrue(out.text.hasSuffix("5 web-1\n"), out.text)
        XCTAssertTrue(s.runInteractive("exit 2", interrupted: { false }))
        XCTAssertNil(s.nestedPrompt)
        XCTAssertTrue(out.text.hasSuffix("command terminated with exit code 2\n"), out.text)
        // Back at stsim's prompt.
        XCTAssertTrue(s.runInteractive("get pod web-1 -o name", interrupted: { false }))
        XCTAssertTrue(out.text.hasSuffix("exit code 2\npod/web-1\n"), out.text)
    }

    func testCtrlDEndsTheShellAndRunRmDeletesThePod() {
        let (s, out) = sessionWithWeb()
        XCTAssertTrue(
            s.runInteractive("run -i --tty --image busybox:1.28 dns-test --restart=Never --rm", interrupted: { false }))
        XCTAssertEqual(s.nestedPrompt, "/ # ")
        XCTAssertTrue(out.text.contains("If you don't see a command prompt, try pressing enter.\n"), out.text)
        s.endNestedInput()
        XCTAssertNil(s.nestedPrompt)
        XCTAssertTrue(out.text.contains("pod \"dns-test\" deleted\n"), out.text)
    }

    func testRunWithALoneShellOpensThePromptInItsNamespace() {
        let out = CapturedOutput()
        let s = Session(output: out)
        XCTAssertTrue(s.runInteractive("create ns lab", interrupted: { false }))
        XCTAssertTrue(
            s.runInteractive(
                "run -it --rm --image=busybox:1.28 dns-test --restart=Never -n lab -- sh", interrupted: { false }))
        XCTAssertEqual(s.nestedPrompt, "/ # ")
        XCTAssertFalse(out.text.contains("deleted"), out.text)
        // The lines typed later run in the pod's namespace, not the current one.
        XCTAssertTrue(s.runInteractive("hostname", interrupted: { false }))
        XCTAssertTrue(out.text.hasSuffix("dns-test\n"), out.text)
        XCTAssertTrue(s.runInteractive("exit 1", interrupted: { false }))
        XCTAssertNil(s.nestedPrompt)
        XCTAssertTrue(out.text.contains("pod \"dns-test\" deleted\npod lab/dns-test terminated (Error)\n"), out.text)
        XCTAssertTrue(s.runInteractive("get pods -n lab", interrupted: { false }))
        XCTAssertTrue(out.text.hasSuffix("No resources found in lab namespace.\n"), out.text)
        // With /bin/sh too; and stsim's own exit leaves stsim only at stsim's prompt.
        XCTAssertTrue(
            s.runInteractive("run -it --rm --image=busybox:1.28 t --restart=Never -- /bin/sh", interrupted: { false }))
        XCTAssertEqual(s.nestedPrompt, "/ # ")
        XCTAssertTrue(s.runInteractive("exit", interrupted: { false }))
        XCTAssertNil(s.nestedPrompt)
    }

    func testAShellPromptCannotOpenInsideALoop() {
        let (s, out) = sessionWithWeb()
        _ = s.runScript("for i in 0; do exec -it web-$i -- sh; done", file: "t.sts")
        XCTAssertTrue(out.text.contains("t.sts:1:16: error: a shell's prompt opens only at stsim's prompt"), out.text)
        XCTAssertNil(s.nestedPrompt)
        // Nor in a loop typed at the prompt: the loop's other commands would run meanwhile.
        XCTAssertTrue(s.runInteractive("for i in 0; do exec -it web-$i -- sh; done", interrupted: { false }))
        XCTAssertNil(s.nestedPrompt)
        XCTAssertTrue(
            s.runInteractive(
                "for i in 0; do run -it --image busybox:1.28 t$i --rm --restart=Never; done", interrupted: { false }))
        XCTAssertNil(s.nestedPrompt)
        XCTAssertFalse(out.text.contains("pod/t0 created"), out.text)
    }
}
