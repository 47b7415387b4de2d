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

    /// The prompt's `serve --realtime 60`: kubectl's create comes up with the clock, the prompt's
    /// own write does not settle, and `serve stop` stops the clock.
    func testThePromptsServeRealtimeAndStop() throws {
        let k = try KubectlHarness(typing: "serve --realtime 60")
        XCTAssertTrue(k.waitForOutput("virtual time follows the wall clock × 60"), k.output)
        _ = try k.run(["create", "-f", "examples/web.yaml"])
        XCTAssertTrue(
            try Self.poll { try k.run("get", "pods", "web-2", "-o", "name").stdout == "pod/web-2\n" }, k.output)
        k.type("scale sts web 1")
        XCTAssertTrue(try Self.poll { try k.run("get", "pods", "-o", "name").stdout == "pod/web-0\n" }, k.output)
        XCTAssertFalse(k.output.contains("settled at"), k.output)
        k.type("serve stop")
        XCTAssertTrue(k.waitForOutput("stsim: stopped serving"), k.output)
        // Time stands still again: two clocks a wall second apart read the same.
        k.type("clock")
        XCTAssertTrue(k.waitForOutput("since the cluster started)"), k.output)
        Thread.sleep(forTimeInterval: 1)
        k.type("clock")
        XCTAssertTrue(k.waitForOutput("since the cluster started)", count: 2), k.output)
        let clocks = k.output.split(separator: "\n").filter { $0.hasSuffix("since the cluster started)") }
        XCTAssertEqual(clocks.count, 2, k.output)
        XCTAssertEqual(clocks.first, clocks.last, k.output)
    }

    /// Polls `check` every quarter second for up to a minute (a loaded machine).
    static func poll(_ check: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if try check() { return true }
            Thread.sleep(forTimeInterval: 0.25)
        }
        return false
    }
}
