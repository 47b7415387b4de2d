import XCTest

@testable import StsimEngine

/// Exec readiness probes run their command in the container (upstream pkg/probe/exec): the
/// files the container has decide readiness, and a change made by `exec` wakes the prober.
final class ExecProbeTests: XCTestCase {
    private let hooks = ShellHooks(sleep: { _ in })

    private func cluster(_ command: [String], timeout: Int? = nil) -> Cluster {
        let c = Cluster()
        let p = Probe(handler: .exec(command: command), periodSeconds: 5, timeoutSeconds: timeout, failureThreshold: 2)
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx:1.27", replicas: 2, readinessProbe: p)))
        c.settle()
        return c
    }

    private func exec(_ c: Cluster, _ pod: String, _ argv: String...) throws {
        XCTAssertEqual(try c.execInContainer(XCTUnwrap(c.pod(pod)), argv: argv, hooks: hooks).exitCode, 0)
        c.settle()
    }

    private func unhealthy(_ c: Cluster, _ pod: String) -> [String] {
        c.events(about: .pod, pod).filter { $0.reason == "Unhealthy" }.map(\.message)
    }

    func testTheFileDecidesReadinessAndOrderedReadyWaitsForIt() throws {
        let c = cluster(["cat", "/tmp/ready"])
        XCTAssertEqual(c.podNames(), ["web-0"], "web-1 waits for web-0 to be Ready")
        XCTAssertEqual(c.pod("web-0")?.isReady, false)
        XCTAssertEqual(
            unhealthy(c, "web-0").first,
            "Readiness probe failed: cat: /tmp/ready: No such file or directory\n")
        try exec(c, "web-0", "touch", "/tmp/ready")
        XCTAssertEqual(c.pod("web-0")?.isReady, true)
        try exec(c, "web-1", "touch", "/tmp/ready")
        XCTAssertEqual(c.pod("web-1")?.isReady, true)
        try exec(c, "web-0", "rm", "/tmp/ready")
        XCTAssertEqual(c.pod("web-0")?.isReady, false, "two failures in a row make it unready")
        XCTAssertEqual(c.pod("web-1")?.isReady, true)
    }

    func testASilentFailureLeavesTheTrailingSpaceAndASleepPastTheTimeoutFails() throws {
        let c = cluster(["test", "-f", "/tmp/ready"])
        XCTAssertEqual(unhealthy(c, "web-0").first, "Readiness probe failed: ")
        let slow = cluster(["sh", "-c", "sleep 2"], timeout: 1)
        XCTAssertEqual(unhealthy(slow, "web-0").first, "Readiness probe failed: command \"sh -c sleep 2\" timed out")
        XCTAssertEqual(slow.pod("web-0")?.isReady, false)
    }
}
