import XCTest

@testable import StsimEngine

final class ParallelScalingTests: XCTestCase {
    func testParallelScaleDownDeletesAllCondemnedPodsAtOnce() {
        let c = Cluster()
        c.createWeb(replicas: 4, policy: .parallel)
        c.settle()
        _ = c.drainChanges()
        c.scale(.statefulSet, "web", replicas: 1)
        c.advance(by: .zero)
        let terminating = c.list(Pod.self).filter { $0.metadata.deletionTimestamp != nil }.map(\.metadata.name)
        XCTAssertEqual(terminating, ["web-1", "web-2", "web-3"])
        // 6.1: terminating pods still count while Ready, so READY shows 4/1 for a moment.
        XCTAssertEqual(c.sts("web")?.status.replicas, 4)
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 4)
        c.settle()
        XCTAssertEqual(c.podNames(), ["web-0"])
        XCTAssertEqual(c.sts("web")?.status.replicas, 1)
    }

    func testParallelDoesNotWaitForAnUnreadyPredecessor() {
        let c = Cluster()
        c.createWeb(replicas: 2, policy: .parallel, probe: true)
        c.settle()
        c.setReadinessFailing("web-0", true)
        c.settle()
        c.scale(.statefulSet, "web", replicas: 3)
        c.settle()
        XCTAssertTrue(c.pod("web-2")?.isRunningAndReady ?? false)
        XCTAssertFalse(c.pod("web-0")!.isReady)
    }
}
