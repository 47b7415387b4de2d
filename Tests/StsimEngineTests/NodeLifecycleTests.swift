import XCTest

@testable import StsimEngine

final class NodeLifecycleTests: XCTestCase {
    private func node(_ c: Cluster, _ name: String) -> Node { c.get(Node.self, name)! }
    private func at(_ seconds: Int64) -> VirtualTime { .zero + .seconds(seconds) }

    /// 9.5: NotReady at the first 5 s tick more than 50 s after the last renewal; pods lose Ready
    /// (not their containers' readiness); taints; eviction 300 s later leaves the pod Terminating.
    func testUnreachableTimeline() throws {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        XCTAssertEqual(c.pod("web-0")?.spec.nodeName, "node-1")
        XCTAssertEqual(c.now.milliseconds / 1000, 16)
        _ = c.partition(node: "node-1")
        XCTAssertEqual(c.leaseRenewTime(node: "node-1"), at(10))
        c.advance(by: .seconds(48))  // 00:01:04
        XCTAssertTrue(node(c, "node-1").isReady)
        c.advance(by: .seconds(1))  // 00:01:05: the first tick after 10 s + 50 s
        let n = node(c, "node-1")
        XCTAssertEqual(n.status.condition(.ready)?.status, .unknown)
        XCTAssertEqual(n.status.condition(.ready)?.reason, "NodeStatusUnknown")
        XCTAssertEqual(
            n.spec.taints.map { "\($0.key):\($0.effect.rawValue)" },
            ["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"])
        let web0 = try XCTUnwrap(c.pod("web-0"))
        XCTAssertFalse(web0.isReady)
        XCTAssertEqual(web0.status.containerStatuses.first?.ready, true, "container readiness is untouched")
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
        XCTAssertEqual(c.events(about: .pod, "web-0").last?.reason, "NodeNotReady")
        XCTAssertEqual(c.events(about: .node, "node-1").last?.message, "Node node-1 status is now: NodeNotReady")

        c.advance(by: .seconds(299))
        XCTAssertNil(c.pod("web-0")?.metadata.deletionTimestamp)
        c.advance(by: .seconds(1))  // 00:06:05
        let evicted = try XCTUnwrap(c.pod("web-0"))
        XCTAssertNotNil(evicted.metadata.deletionTimestamp)
        XCTAssertEqual(evicted.status.condition(.disruptionTarget)?.reason, "DeletionByTaintManager")
        XCTAssertTrue(
            c.events(about: .pod, "web-0").contains { $0.message == "Marking for deletion Pod default/web-0" })
        c.settle()
        XCTAssertNotNil(c.pod("web-0")?.metadata.deletionTimestamp, "nothing completes the deletion")
        XCTAssertEqual(c.podNames(), ["web-0", "web-1", "web-2"], "and the StatefulSet does not replace it")
        XCTAssertEqual(
            c.blockers(statefulSet: "web"),
            ["web-0 is stuck Terminating on node-1 (unreachable): no new web-0 until the old one is gone (at-most-one)"]
        )
        XCTAssertEqual(c.workloadPods(onNode: "node-1").map(\.name), ["web-0"], "the container still runs")
    }

    /// 9.9: on heal the deletion completes and the set replaces the pod; taints go; NodeReady.
    func testHealCompletesTheDeletion() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        _ = c.partition(node: "node-1")
        c.settle()
        let oldUID = c.pod("web-0")?.metadata.uid
        _ = c.heal(node: "node-1")
        c.settle()
        XCTAssertTrue(node(c, "node-1").isReady)
        XCTAssertTrue(node(c, "node-1").spec.taints.isEmpty)
        XCTAssertEqual(c.events(about: .node, "node-1").last?.reason, "NodeReady")
        XCTAssertNotEqual(c.pod("web-0")?.metadata.uid, oldUID)
        XCTAssertTrue(c.pod("web-0")?.isRunningAndReady ?? false)
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
    }

    /// A partition shorter than the grace period leaves no trace; one healed before the
    /// tolerations run out cancels the evictions, and the pods are Ready again, same UID.
    func testShortPartitionsLeaveThePodsAlone() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let uid = c.pod("web-0")?.metadata.uid
        _ = c.partition(node: "node-1")
        c.advance(by: .seconds(30))
        _ = c.heal(node: "node-1")
        c.settle()
        XCTAssertTrue(node(c, "node-1").isReady)
        XCTAssertTrue(c.events(about: .node, "node-1").allSatisfy { $0.reason == "RegisteredNode" })

        _ = c.partition(node: "node-1")
        c.advance(by: .seconds(120))
        XCTAssertFalse(c.pod("web-0")!.isReady)
        _ = c.heal(node: "node-1")
        c.settle()
        XCTAssertEqual(c.pod("web-0")?.metadata.uid, uid)
        XCTAssertTrue(c.pod("web-0")!.isRunningAndReady)
        XCTAssertTrue(
            c.events(about: .pod, "web-0").contains { $0.message == "Cancelling deletion of Pod default/web-0" })
        XCTAssertNil(c.pod("web-0")?.metadata.deletionTimestamp)
    }

    /// 9.2: every node NotReady means the controller blames itself: no NoExecute taints, no evictions.
    func testAllNodesNotReadyEvictsNothing() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        for n in c.list(Node.self) { _ = c.partition(node: n.metadata.name) }
        c.advance(by: .minutes(10))
        XCTAssertTrue(c.list(Node.self).allSatisfy { !$0.isReady })
        XCTAssertTrue(c.list(Node.self).allSatisfy { !$0.spec.taints.contains { $0.effect == .noExecute } })
        XCTAssertNil(c.pod("web-0")?.metadata.deletionTimestamp)
    }

    /// A ReplicaSet does not wait: the Terminating pod is replaced at once by a new name.
    func testReplicaSetReplacesATerminatingPodAtOnce() {
        let c = Cluster()
        c.mustCreate(.replicaSet(.make(name: "kubia", image: "luksa/kubia", replicas: 3)))
        c.settle()
        let onNode1 = c.list(Pod.self).filter { $0.spec.nodeName == "node-1" }.map(\.metadata.name)
        XCTAssertFalse(onNode1.isEmpty)
        _ = c.partition(node: "node-1")
        c.settle()
        let live = c.list(Pod.self).filter { $0.metadata.deletionTimestamp == nil }
        XCTAssertEqual(live.count, 3)
        XCTAssertTrue(live.allSatisfy { $0.spec.nodeName != "node-1" && $0.isRunningAndReady })
    }

    /// Settling a healthy cluster stays cheap: Lease renewals are not queued events.
    func testIdleNodesQueueNothing() {
        let c = Cluster()
        c.settle()
        XCTAssertNil(c.nextEventTime)
        XCTAssertEqual(c.leaseRenewTime(node: "node-2"), .zero)
        c.advance(by: .seconds(25))
        XCTAssertEqual(c.leaseRenewTime(node: "node-2"), at(20))
    }
}
