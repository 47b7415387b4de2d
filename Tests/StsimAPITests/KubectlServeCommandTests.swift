import Foundation
import StsimTestSupport
import XCTest

/// `serve` typed into stsim (here a script read from standard input, line by line, as the prompt
/// reads them): kubectl and stsim's own commands take turns on one cluster, kubectl's watches
/// see what stsim's commands change, and `serve stop` ends the watches cleanly.
final class KubectlServeCommandTests: XCTestCase {
    func testServeBesideTheCommandsThenStop() throws {
        let k = try KubectlHarness(typing: "create -f examples/web.yaml\nserve")
        XCTAssertTrue(k.output.contains("stsim: serving the cluster on http://127.0.0.1:"), k.output)
        XCTAssertTrue(k.output.contains("export KUBECONFIG=\(k.kubeconfig.path)\n"), k.output)
        XCTAssertEqual(try k.run("get", "pods", "-o", "name").stdout, "pod/web-0\npod/web-1\npod/web-2\n")

        let (watch, out, _) = k.process(["get", "pods", "-w"])
        try watch.run()
        Thread.sleep(forTimeInterval: 1)
        // A change made by stsim's own command reaches kubectl's watch.
        k.type("scale sts web 2")
        XCTAssertTrue(k.waitForOutput("settled at"), k.output)
        // And kubectl's write is seen by the next command typed.
        XCTAssertEqual(try k.run("label", "pod", "web-0", "tier=front").stdout, "pod/web-0 labeled\n")
        k.type("get pods -l tier=front")
        XCTAssertTrue(k.waitForOutput("web-0   1/1     Running"), k.output)

        k.type("serve")
        XCTAssertTrue(k.waitForOutput("stsim: already serving the cluster on http://127.0.0.1:"), k.output)
        k.type("serve stop")
        XCTAssertTrue(k.waitForOutput("stsim: stopped serving the cluster on http://127.0.0.1:"), k.output)
        // The watch's stream ended cleanly: kubectl leaves by itself, with status 0.
        let deadline = Date().addingTimeInterval(10)
        while watch.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertFalse(watch.isRunning, "kubectl get -w did not end when serving stopped")
        if watch.isRunning { watch.terminate() }
        watch.waitUntilExit()
        XCTAssertEqual(watch.terminationStatus, 0)
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(lines.contains("web-2   1/1     Terminating"), lines)
        XCTAssertNotEqual(try k.run("get", "pods").status, 0)

        k.type("serve stop")
        XCTAssertTrue(k.waitForOutput("error: not serving"), k.output)
        XCTAssertEqual(k.endInput(), 1, k.output)
    }

    func testAScriptServesOnAfterItsLastLine() throws {
        let k = try KubectlHarness(typing: "create -f examples/web.yaml\nserve")
        XCTAssertEqual(k.endInput(timeout: 2), nil, "stsim left instead of serving on")
        XCTAssertTrue(
            k.output.contains("stsim: the script has ended; serving the cluster on http://127.0.0.1:"), k.output)
        XCTAssertEqual(try k.run("get", "sts", "web", "-o", "name").stdout, "statefulset.apps/web\n")
    }

    /// At the interactive prompt: what a kubectl write prints clears the waiting prompt's line,
    /// and the prompt is drawn again after it, with the clock moved on; `quit` stops serving.
    func testThePromptIsDrawnAgainAfterAKubectlWrite() throws {
        let k = try KubectlHarness(atPrompt: "create -f examples/web.yaml\nserve")
        XCTAssertEqual(try k.run("scale", "sts", "web", "--replicas=4").stdout, "statefulset.apps/web scaled\n")
        XCTAssertTrue(k.waitForOutput("4 claims Bound\r\nstsim 00:00:19> "), k.output.debugDescription)
        XCTAssertTrue(
            k.output.contains("\r\nstsim 00:00:16> \r\u{1b}[K00:00:16  pvc/data-web-3"), k.output.debugDescription)
        k.type("get sts web")
        XCTAssertTrue(k.waitForOutput("web    4/4"), k.output.debugDescription)
        k.type("quit")
        XCTAssertEqual(k.endInput(), 0, k.output.debugDescription)
        XCTAssertNotEqual(try k.run("get", "pods").status, 0)
    }
}
