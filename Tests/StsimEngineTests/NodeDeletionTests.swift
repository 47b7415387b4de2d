import XCTest

@testable import StsimEngine

final class NodeDeletionTests: XCTestCase {
    /// 9.8: a live kubelet registers its deleted node again (new UID); the pods stay.
    func testALiveKubeletRegistersItsNodeAgain() throws {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let uid = c.get(Node.self, "node-1")?.metadata.uid
        _ = c.delete(.node, "node-1")
        XCTAssertNil(c.get(Node.self, "node-1"))
        c.settle()
        let again = try XCTUnwrap(c.get(Node.self, "node-1"))
        XCTAssertNotEqual(again.metadata.uid, uid)
        XCTAssertTrue(again.isReady)
        XCTAssertTrue(c.pod("web-0")!.isRunningAndReady)
        XCTAssertEqual(c.events(about: .node, "node-1").map(\.reason), ["RemovingNode", "RegisteredNode"])
    }

    /// 9.8: the node of a partitioned kubelet is deleted: PodGC force-deletes its pods after the
    /// 40 s quarantine, the set recreates web-0 elsewhere; on heal the node registers again and
    /// its kubelet kills the orphan.
    func testPodGCDeletesThePodsOfADeletedNode() throws {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        _ = c.partition(node: "node-1")
        let deleted = c.now
        _ = c.delete(.node, "node-1")
        c.settle()
        let web0 = try XCTUnwrap(c.pod("web-0"))
        XCTAssertNotEqual(web0.spec.nodeName, "node-1")
        XCTAssertTrue(web0.isRunningAndReady)
        XCTAssertEqual(
            c.invariantViolations.map(\.message),
            ["at-most-one violated: web-0 runs on node-1 (unreachable) and \(web0.spec.nodeName!)"])
        XCTAssertGreaterThanOrEqual(web0.metadata.creationTimestamp! - deleted, .seconds(40))
        let killed = try c.heal(node: "node-1").get()
        XCTAssertEqual(killed?.map(\.name).filter { !$0.hasPrefix("kube-proxy-") }, ["web-0"])
        c.settle()
        XCTAssertTrue(c.get(Node.self, "node-1")?.isReady ?? false)
        XCTAssertEqual(c.checkInvariants(), [])
    }
}
