import XCTest

@testable import StsimEngine

/// The shell `exec -it POD -- sh` opens: which images have which shell, each shell's prompt, state
/// kept from line to line, and `exit`.
final class InteractiveShellTests: XCTestCase {
    private func web() throws -> (Cluster, Pod) {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        return (c, try XCTUnwrap(c.pod("web-0")))
    }

    private func shell(_ c: Cluster, _ pod: Pod, _ program: String) -> InteractiveShell? {
        c.interactiveShell(pod, container: 0, program: program, hooks: ShellHooks(sleep: { _ in }))
    }

    func testDebianImagesHaveShAndBashWithTheirPrompts() throws {
        let (c, pod) = try web()
        XCTAssertEqual(shell(c, pod, "sh")?.prompt, "# ")
        XCTAssertEqual(shell(c, pod, "/bin/sh")?.prompt, "# ")
        XCTAssertEqual(shell(c, pod, "bash")?.prompt, "root@web-0:/# ")
        XCTAssertNil(shell(c, pod, "ash"), "Debian has no ash")
        XCTAssertNil(shell(c, pod, "zsh"))
    }

    func testBusyBoxHasAshAsShButNoBash() throws {
        let (c, web) = try self.web()
        var pod = web
        pod.spec.containers[0].image = "busybox:1.28"
        XCTAssertEqual(shell(c, pod, "sh")?.prompt, "/ # ")
        XCTAssertNotNil(shell(c, pod, "ash"))
        XCTAssertNil(shell(c, pod, "bash"))
        pod.spec.containers[0].image = "gcr.io/distroless/static-debian12"
        XCTAssertNil(shell(c, pod, "sh"))
    }

    func testTheWorkingDirectoryAndVariablesLastFromLineToLineUntilExit() throws {
        let (c, pod) = try web()
        let bash = try XCTUnwrap(shell(c, pod, "bash"))
        XCTAssertEqual(try bash.run(line: "cd /tmp; x=3").exitCode, 0)
        XCTAssertEqual(bash.prompt, "root@web-0:/tmp# ")
        XCTAssertEqual(try bash.run(line: "echo $x; pwd").stdout, "3\n/tmp\n")
        XCTAssertEqual(try bash.run(line: "cd").exitCode, 0)
        XCTAssertEqual(bash.prompt, "root@web-0:~# ")
        XCTAssertEqual(try bash.run(line: "nosuch").stderr, "bash: nosuch: command not found\n")
        XCTAssertEqual(bash.lastStatus, 127)
        XCTAssertNil(bash.exitStatus)
        _ = try bash.run(line: "exit 5")
        XCTAssertEqual(bash.exitStatus, 5)
        // Once ended, the shell reads nothing more.
        XCTAssertEqual(try bash.run(line: "echo late").stdout, "")
    }

    func testTheStepBudgetIsPerLineNotPerSession() throws {
        let (c, pod) = try web()
        let sh = try XCTUnwrap(shell(c, pod, "sh"))
        // As if earlier lines had used up nearly all of one script's budget.
        sh.shell.steps = Shell.budget - 1
        XCTAssertEqual(try sh.run(line: "echo a; echo b; echo c").stdout, "a\nb\nc\n")
    }
}
