import XCTest

@testable import StsimEngine

final class NodeLifecycleZoneAndUndoTests: XCTestCase {
    /// 9.2: in a zone that is partly down (more than 2 nodes and at least 55 %), a small cluster
    /// taints nothing more; two nodes down in a normal zone are tainted 10 s apart.
    func testZoneRules() {
        let three = Cluster()
        for n in ["node-1", "node-2", "node-3"] { _ = three.partition(node: n) }
        three.advance(by: .minutes(10))
        XCTAssertTrue(three.list(Node.self).filter { $0.metadata.name != "control-plane" }.allSatisfy { !$0.isReady })
        XCTAssertTrue(
            three.list(Node.self).allSatisfy { !$0.spec.taints.contains { $0.effect == .noExecute } },
            "3 of 4 nodes down: partial disruption, tainting stops (cluster under 50 nodes)")

        let two = Cluster()
        for n in ["node-1", "node-2"] { _ = two.partition(node: n) }
        two.advance(by: .minutes(2))
        let times = ["node-1", "node-2"].compactMap { n in
            two.get(Node.self, n)?.spec.taints.first { $0.effect == .noExecute }?.timeAdded
        }
        XCTAssertEqual(times.count, 2)
        XCTAssertEqual(times[1] - times[0], .seconds(10), "--node-eviction-rate 0.1/s")
    }

    /// Undo keeps a copy of the cluster: the copy of a partitioned cluster continues the same way.
    func testACloneOfAPartitionedClusterContinuesTheSame() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        _ = c.partition(node: "node-1")
        c.advance(by: .seconds(30))
        let copy = c.clone()
        for x in [c, copy] {
            x.settle()
            _ = x.delete(.pod, "web-0", options: DeleteOptions(force: true))
            x.settle()
            _ = x.heal(node: "node-1")
            x.settle()
        }
        XCTAssertEqual(c.now, copy.now)
        XCTAssertEqual(c.list(Pod.self), copy.list(Pod.self))
        XCTAssertEqual(c.invariantViolations, copy.invariantViolations)
        XCTAssertEqual(c.list(Node.self), copy.list(Node.self))
    }

    /// After a reboot a pod that was never deleted starts again, one restart more.
    func testBootRestartsThePodsStillBound() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        _ = c.crash(node: "node-1")
        c.advance(by: .seconds(20))
        _ = c.boot(node: "node-1")
        c.settle()
        let pod = c.pod("web-0")!
        XCTAssertTrue(pod.isRunningAndReady)
        XCTAssertEqual(pod.status.containerStatuses.first?.restartCount, 1)
    }
}
