import XCTest

@testable import StsimEngine

/// HTTP and TCP probes ask the program in the container (upstream pkg/probe/http, pkg/probe/tcp);
/// liveness failures restart the container and a startup probe holds the others back
/// (pkg/kubelet/prober/worker.go).
final class NetworkProbeTests: XCTestCase {
    private let hooks = ShellHooks(sleep: { _ in })

    /// One nginx pod whose claim is mounted over the document root, so `/` has no index page.
    private func cluster(
        readiness: Probe? = nil, liveness: Probe? = nil, startup: Probe? = nil, image: String = "nginx:1.27"
    ) -> Cluster {
        let c = Cluster()
        var sts = StatefulSet.make(
            name: "web", image: image, replicas: 1, storage: "1Mi", mountPath: "/usr/share/nginx/html", port: 80,
            readinessProbe: readiness)
        sts.spec.template.spec.containers[0].livenessProbe = liveness
        sts.spec.template.spec.containers[0].startupProbe = startup
        c.mustCreate(.statefulSet(sts))
        c.settle()
        return c
    }

    private func http(_ path: String, port: String = "80") -> Probe {
        Probe(handler: .httpGet(path: path, port: port, scheme: nil), periodSeconds: 5)
    }

    private func messages(_ c: Cluster, _ reason: String) -> [String] {
        c.events(about: .pod, "web-0").filter { $0.reason == reason }.map(\.message)
    }

    private func exec(_ c: Cluster, _ argv: String...) throws {
        XCTAssertEqual(try c.execInContainer(XCTUnwrap(c.pod("web-0")), argv: argv, hooks: hooks).exitCode, 0)
    }

    func testNginxOverAnEmptyClaimAnswersForbiddenUntilAnIndexPageExists() throws {
        let c = cluster(readiness: http("/"))
        XCTAssertEqual(c.pod("web-0")?.isReady, false)
        XCTAssertEqual(messages(c, "Unhealthy").first, "Readiness probe failed: HTTP probe failed with statuscode: 403")
        try exec(c, "touch", "/usr/share/nginx/html/index.html")
        c.settle()
        XCTAssertEqual(c.pod("web-0")?.isReady, true)
    }

    func testAKubiaServerAnswersOKAndANamedPortResolves() {
        let c = cluster(readiness: http("/", port: "http"), image: "luksa/kubia")
        XCTAssertEqual(c.pod("web-0")?.isReady, true)
        XCTAssertEqual(messages(c, "Unhealthy"), [])
    }

    func testNothingListeningGivesGoDialErrors() throws {
        let c = cluster(readiness: Probe(handler: .tcpSocket(port: "3306"), periodSeconds: 5))
        let ip = try XCTUnwrap(c.pod("web-0")?.status.podIP)
        XCTAssertEqual(
            messages(c, "Unhealthy").first, "Readiness probe failed: dial tcp \(ip):3306: connect: connection refused")
        let h = cluster(readiness: http("/healthz", port: "8081"))
        XCTAssertEqual(
            messages(h, "Unhealthy").first,
            "Readiness probe failed: Get \"http://\(ip):8081/healthz\": dial tcp \(ip):8081: connect: connection refused"
        )
        let named = cluster(readiness: http("/", port: "metrics"))
        XCTAssertEqual(
            messages(named, "Unhealthy").first,
            "Readiness probe errored: strconv.Atoi: parsing \"metrics\": invalid syntax")
    }

    func testThreeLivenessFailuresKillAndRestartTheContainer() throws {
        let c = cluster(liveness: http("/healthz"))
        XCTAssertEqual(
            Array(messages(c, "Unhealthy").prefix(1)), ["Liveness probe failed: HTTP probe failed with statuscode: 404"]
        )
        XCTAssertEqual(messages(c, "Killing"), ["Container web failed liveness probe, will be restarted"])
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses.first?.restartCount, 1)
        try exec(c, "touch", "/usr/share/nginx/html/healthz")
        c.advance(by: .minutes(5))
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses.first?.restartCount, 1, "the page exists now")
    }

    func testAStartupProbeHoldsReadinessBackUntilItPasses() throws {
        let startup = Probe(handler: .exec(command: ["test", "-f", "/tmp/started"]), periodSeconds: 5)
        let c = cluster(readiness: http("/", port: "80"), startup: startup)
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses.first?.started, false)
        XCTAssertFalse(messages(c, "Unhealthy").contains { $0.hasPrefix("Readiness") }, "readiness waits")
        XCTAssertEqual(messages(c, "Killing"), ["Container web failed startup probe, will be restarted"])
        c.advance(by: .seconds(1))
        try exec(c, "touch", "/tmp/started")
        c.advance(by: .seconds(10))
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses.first?.started, true)
        XCTAssertTrue(messages(c, "Unhealthy").contains { $0.hasPrefix("Readiness probe failed: HTTP probe") })
    }
}
