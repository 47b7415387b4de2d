import StsimSession
import XCTest

/// The monitor sees every break of at-most-one (issue 17: an old container that starts on a
/// cut-off node after its back-off, while the replacement runs elsewhere, was listed by
/// `snapshot` but never recorded as an InvariantViolated event).
final class AtMostOneMonitorTests: XCTestCase {
    func testAnOldCopyStartingAfterItsBackOffIsRecorded() {
        let out = CapturedOutput()
        let s = Session(output: out)
        let script = """
            break image nginx:1.99
            create sts web --image nginx:1.99 --replicas 1
            partition node-1
            delete pod web-0 --force --grace-period 0
            fix image nginx:1.99
            tick 10m
            snapshot
            events
            """
        XCTAssertEqual(s.runScript(script, file: "m.sts"), 0, out.text)
        XCTAssertTrue(
            out.text.contains("└─ at-most-one violated: web-0 runs on node-1 (unreachable) and node-2"), out.text)
        XCTAssertTrue(
            out.text.contains(
                "Warning   InvariantViolated      pod/web-0         at-most-one violated: web-0 runs on node-1 (unreachable) and node-2"
            ), out.text)
    }
}
