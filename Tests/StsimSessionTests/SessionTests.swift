import Foundation
import StsimSession
import XCTest

/// The session's own rules, driven in process with captured output.
final class SessionTests: XCTestCase {
    private func session() -> (Session, CapturedOutput) {
        let out = CapturedOutput()
        return (Session(output: out), out)
    }

    func testThePromptShowsTheVirtualClock() {
        let (s, _) = session()
        XCTAssertEqual(s.prompt, "stsim 00:00:00> ")
        _ = s.runScript("tick 1m30s", file: "t")
        XCTAssertEqual(s.prompt, "stsim 00:01:30> ")
    }

    func testScaleWithoutANameNeedsExactlyOneStatefulSet() {
        let (s, out) = session()
        XCTAssertEqual(s.runScript("scale sts 2", file: "t.sts"), 1)
        XCTAssertTrue(out.text.contains("t.sts:1:1: error: there is no statefulset to scale"), out.text)
        XCTAssertEqual(s.runScript("create sts a --image nginx; scale sts 2; expect count pods == 2", file: "t.sts"), 0)
        XCTAssertEqual(s.runScript("create sts b --image nginx; scale sts 3", file: "t.sts"), 1)
        XCTAssertTrue(out.text.contains("scale sts N needs a name: there are 2 (a, b)"), out.text)
    }

    func testUnfinishedInputAsksForMore() {
        let (s, _) = session()
        XCTAssertTrue(s.needsMoreInput("get pods \"web"))
        XCTAssertTrue(s.needsMoreInput("get pods \\"))
        XCTAssertTrue(s.needsMoreInput("apply <<EOF\nkind: Service"))
        XCTAssertFalse(s.needsMoreInput("apply <<EOF\nkind: Service\nEOF"))
        XCTAssertFalse(s.needsMoreInput("bogus \"closed\""))
    }

    func testCompletionOffersNamesThatExistNow() {
        let (s, _) = session()
        _ = s.runScript("create sts web --image nginx --replicas 2", file: "t")
        XCTAssertEqual(s.completions(linePrefix: "delete pod we"), ["web-0", "web-1"])
        XCTAssertEqual(s.completions(linePrefix: "describe no"), ["no", "node"])
        XCTAssertEqual(s.completions(linePrefix: "describe node node-"), ["node-1", "node-2", "node-3"])
        XCTAssertEqual(s.completions(linePrefix: "kubectl sca"), ["scale"])
    }

    func testAnErrorAtThePromptKeepsTheStateAndTheSession() {
        let (s, out) = session()
        XCTAssertTrue(s.runInteractive("create sts web --image nginx", interrupted: { false }))
        XCTAssertTrue(s.runInteractive("scale sts web three", interrupted: { false }))
        XCTAssertTrue(
            out.text.contains("error: the number of replicas must be a whole number, not \"three\""), out.text)
        XCTAssertTrue(s.runInteractive("expect pod web-0 Ready", interrupted: { false }))
        XCTAssertFalse(s.runInteractive("quit", interrupted: { false }))
    }

    func testAnInterruptStopsASettle() {
        let (s, out) = session()
        XCTAssertTrue(s.runInteractive("mode step; create sts web --image nginx --replicas 3", interrupted: { false }))
        XCTAssertTrue(s.runInteractive("settle", interrupted: { true }))
        XCTAssertTrue(out.text.contains("interrupted at 00:00:00"), out.text)
    }

    func testForceDeletePrintsKubectlsWarning() {
        let (s, out) = session()
        XCTAssertEqual(
            s.runScript("create sts web --image nginx; delete pod web-0 --force --grace-period 0", file: "t"), 0)
        XCTAssertTrue(
            out.text.contains(
                """
                Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.
                pod "web-0" force deleted
                """), out.text)
    }

    func testARunningScriptMayNotRunItself() throws {
        var options = Session.Options()
        options.allowHostFiles = true  // the script is in the temporary folder
        let out = CapturedOutput()
        let s = Session(options: options, output: out)
        let path = NSTemporaryDirectory() + "self-\(getpid()).sts"
        try "run \(path)\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(s.runScript("run \(path)", file: "t"), 1)
        XCTAssertTrue(out.text.contains("is already running (a script may not run itself)"), out.text)
    }
}
