import Foundation
import XCTest

/// `serve --realtime FACTOR`: virtual time follows the wall clock, so what kubectl creates comes
/// up by itself, with no settle, as on a real cluster (only faster).
final class KubectlRealtimeTests: XCTestCase {
    func testAStatefulSetComesUpInWallSecondsWithoutASettle() throws {
        let k = try KubectlHarness(serving: ["--realtime", "60"])
        XCTAssertTrue(k.output.contains("virtual time follows the wall clock × 60"), k.output)
        XCTAssertEqual(
            try k.run(["create", "-f", "examples/web.yaml"]).stdout,
            "service/nginx created\nstatefulset.apps/web created\n")
        // Three pods one after the other take about 20 virtual seconds: a third of a wall second
        // at ×60; a loaded machine gets a generous minute.
        var ready = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            ready = try k.run("get", "sts", "web", "-o", "jsonpath={.status.readyReplicas}").stdout
            if ready == "3" { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTAssertEqual(ready, "3", k.output)
        XCTAssertTrue(k.waitForOutput("pod/web-2"), k.output)
        // The write did not settle: time moved with the clock, printing as a tick does.
        XCTAssertFalse(k.output.contains("settled at"), k.output)
    }
}
