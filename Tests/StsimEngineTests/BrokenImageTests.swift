import XCTest

@testable import StsimEngine

final class BrokenImageTests: XCTestCase {
    func testBrokenImageStaysInImagePullBackOffUntilFixed() {
        let c = Cluster()
        c.setImageBroken("nginx:nope", true)
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx:nope", replicas: 2)))
        XCTAssertEqual(c.settle().reason, .onlyRetries)
        let pod = c.pod("web-0")!
        XCTAssertEqual(pod.status.phase, .pending)
        guard case .waiting(let reason, _) = pod.status.containerStatuses[0].state else { return XCTFail() }
        XCTAssertEqual(reason, "ImagePullBackOff")
        XCTAssertNil(c.pod("web-1"))
        let messages = c.events(about: .pod, "web-0").map(\.message)
        XCTAssertTrue(
            messages.contains(
                "Failed to pull image \"nginx:nope\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:nope\": failed to resolve reference \"docker.io/library/nginx:nope\": docker.io/library/nginx:nope: not found"
            ))
        XCTAssertTrue(messages.contains("Back-off pulling image \"nginx:nope\""))
        XCTAssertTrue(
            c.blockers(statefulSet: "web").contains("web-0 is ImagePullBackOff: Back-off pulling image \"nginx:nope\""),
            "\(c.blockers(statefulSet: "web"))")
        c.setImageBroken("nginx:nope", false)
        c.advance(by: .minutes(1))
        c.settle()
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
    }

    func testBrokenImageAlreadyOnTheNodeCrashLoops() {
        var config = ClusterConfig()
        config.workerCount = 1
        let c = Cluster(config: config)
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx:1.27", replicas: 1)))
        c.settle()
        c.setImageBroken("nginx:1.27", true)
        _ = c.delete(.pod, "web-0")
        XCTAssertEqual(c.settle().reason, .onlyRetries)
        let status = c.pod("web-0")!.status.containerStatuses[0]
        guard case .waiting(let reason, _) = status.state else { return XCTFail("\(status.state)") }
        XCTAssertEqual(reason, "CrashLoopBackOff")
        XCTAssertEqual(status.restartCount, 1)
        XCTAssertEqual(c.pod("web-0")!.status.phase, .running)
    }
}
