import XCTest

@testable import StsimEngine

/// kube-proxy's DaemonSet: one pod per node, put back once a deleted one is gone, made for a node
/// added later, left on a node that stopped answering; a mirror pod comes back with a new UID.
final class DaemonSetTests: XCTestCase {
    private func proxies(_ c: Cluster) -> [Pod] {
        c.list(Pod.self, namespace: "kube-system").filter { $0.metadata.labels["k8s-app"] == "kube-proxy" }
    }

    func testOnePodPerNodeKeptByItsController() throws {
        let c = Cluster()
        XCTAssertEqual(Set(proxies(c).compactMap(\.spec.nodeName)), ["control-plane", "node-1", "node-2", "node-3"])
        let onNode1 = try XCTUnwrap(proxies(c).first { $0.spec.nodeName == "node-1" })
        XCTAssertEqual(onNode1.status.podIP, c.get(Node.self, "node-1")?.status.internalIP, "host network")
        XCTAssertEqual(onNode1.metadata.controllerRef?.kind, "DaemonSet")
        _ = c.delete(.pod, onNode1.metadata.name, namespace: "kube-system")
        c.settle()
        let again = try XCTUnwrap(proxies(c).first { $0.spec.nodeName == "node-1" })
        XCTAssertNotEqual(again.metadata.name, onNode1.metadata.name)
        XCTAssertTrue(again.isRunningAndReady)
        _ = c.createNode("node-4")
        c.settle()
        XCTAssertEqual(proxies(c).count, 5)
        XCTAssertEqual(c.get(DaemonSet.self, "kube-proxy", namespace: "kube-system")?.status.numberReady, 5)
    }

    func testPodsOfACrashedNodeStay() throws {
        let c = Cluster()
        _ = c.crash(node: "node-2")
        _ = c.advance(by: .minutes(10))
        let pod = try XCTUnwrap(proxies(c).first { $0.spec.nodeName == "node-2" })
        XCTAssertNil(pod.metadata.deletionTimestamp, "it tolerates unreachable NoExecute for ever")
        XCTAssertEqual(c.get(DaemonSet.self, "kube-proxy", namespace: "kube-system")?.status.numberReady, 3)
    }

    func testDeletedMirrorPodComesBack() throws {
        let c = Cluster()
        let before = try XCTUnwrap(c.get(Pod.self, "etcd-control-plane", namespace: "kube-system"))
        _ = c.delete(.pod, "etcd-control-plane", namespace: "kube-system")
        let after = try XCTUnwrap(c.get(Pod.self, "etcd-control-plane", namespace: "kube-system"))
        XCTAssertNotEqual(after.metadata.uid, before.metadata.uid)
        XCTAssertTrue(after.isRunningAndReady)
        XCTAssertEqual(after.status.startTime, before.status.startTime)
    }
}
