import XCTest

@testable import StsimEngine

final class LongRunTests: XCTestCase {
    /// Retry loops (crash back-off, failing probes, broken images) must stay periodic, never run away.
    func testTwoHoursOfFaultsStayBounded() {
        let c = Cluster()
        c.createWeb(replicas: 3, probe: true)
        c.settle()
        c.setReadinessFailing("web-1", true)
        c.killContainer(pod: "web-2")
        c.setImageBroken("nginx:1.27", true)
        _ = c.delete(.pod, "web-0")
        let r = c.advance(by: .minutes(120))
        XCTAssertLessThan(r.steps, 2_000)
        XCTAssertLessThan(c.events.count, 100)
        XCTAssertTrue(
            c.blockers(statefulSet: "web").first?.hasPrefix(
                "web-0 is CrashLoopBackOff: back-off 5m0s restarting failed container=web pod=web-0_default(") ?? false)
        XCTAssertEqual(c.settle().reason, .onlyRetries)
    }
}
