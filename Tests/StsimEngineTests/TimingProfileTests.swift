import XCTest

@testable import StsimEngine

final class TimingProfileTests: XCTestCase {
    func testTimingsComeFromTheProfile() {
        var timing = TimingProfile()
        timing.podSandboxSetup = .seconds(2)
        timing.imagePull = .seconds(10)
        timing.containerStart = .seconds(3)
        timing.schedulingLatency = .milliseconds(500)
        let c = Cluster(config: ClusterConfig(seed: 1, timing: timing))
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 1)))
        c.settle()
        let ready = c.pod("web-0")!.status.condition(.ready)!.lastTransitionTime!
        XCTAssertEqual(ready, VirtualTime(milliseconds: 500 + 2000 + 10_000 + 3000))
    }
}
