import Foundation
import StsimSession
import XCTest

/// The node and fault commands as the session runs them: kubectl's lines and refusals.
final class NodeCommandSessionTests: XCTestCase {
    private func run(_ script: String) -> (status: Int32, text: String) {
        let out = CapturedOutput()
        let status = Session(output: out).runScript(script, file: "t.sts")
        return (status, out.text)
    }

    func testDrainRefusesAPodNoControllerRecreates() {
        let bare = """
            create <<EOF
            apiVersion: v1
            kind: Pod
            metadata: {name: bare}
            spec:
              nodeName: node-1
              containers: [{name: c, image: nginx}]
            EOF
            drain node-1 --ignore-daemonsets
            """
        let (status, text) = run(bare)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("node/node-1 cordoned"), text)
        XCTAssertTrue(
            text.contains("cannot delete Pods that declare no controller (use --force to override): default/bare"), text
        )
        let (forced, forcedText) = run(
            bare.replacingOccurrences(
                of: "--ignore-daemonsets", with: "--ignore-daemonsets --force\nexpect pod bare Deleted"))
        XCTAssertEqual(forced, 0, forcedText)
        XCTAssertTrue(
            forcedText.contains("evicting pod default/bare\npod/bare evicted\nnode/node-1 drained"), forcedText)
    }

    func testFaultCommandsSayWhatTheyDid() {
        let (status, text) = run(
            """
            partition node-1 node-2
            heal node-1
            heal node-3
            crash node-3
            heal node-3
            """)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("node/node-1 partitioned: its kubelet can no longer reach the API server"), text)
        XCTAssertTrue(text.contains("node/node-2 partitioned"), text)
        XCTAssertTrue(text.contains("node/node-1 reconnected"), text)
        XCTAssertTrue(text.contains("node/node-3 is not cut off"), text)
        XCTAssertTrue(text.contains("node/node-3 crashed: its containers are dead and its kubelet is silent"), text)
        XCTAssertTrue(text.contains("node node-3 is powered off: boot brings it back"), text)
        let (bad, badText) = run("partition node-1 node-9\nget nodes")
        XCTAssertEqual(bad, 1)
        XCTAssertFalse(badText.contains("partitioned"), "a typo changes nothing")
    }
}
