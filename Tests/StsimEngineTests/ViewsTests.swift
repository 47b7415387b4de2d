import XCTest

@testable import StsimEngine

final class ViewsTests: XCTestCase {
    func testRuntimeViewAndEndpointSlices() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        let node = c.pod("web-0")!.spec.nodeName!
        let running = c.workloadPods(onNode: node)
        XCTAssertEqual(running.map(\.name), ["web-0"])
        XCTAssertEqual(running[0].podIP, c.pod("web-0")!.status.podIP)
        XCTAssertTrue(c.isLinkConnected(node: node))
        let slices = c.endpointSlices(forService: "web")
        XCTAssertEqual(slices.count, 1)
        XCTAssertEqual(slices[0].metadata.labels[EndpointSlice.serviceNameLabel], "web")
        XCTAssertEqual(slices[0].endpoints.map(\.hostname), ["web-0", "web-1"])
        XCTAssertTrue(slices[0].endpoints.allSatisfy { $0.conditions.ready == true })
        XCTAssertEqual(slices[0].ports.first?.port, 8080)
        // A terminating pod is at once not ready in its slice (12.4).
        _ = c.delete(.pod, "web-1")
        c.advance(by: .zero)
        let ep = c.endpointSlices(forService: "web")[0].endpoints.first { $0.hostname == "web-1" }
        XCTAssertEqual(ep?.conditions.terminating, true)
        XCTAssertEqual(ep?.conditions.ready, false)
    }

    func testWhyNamesTheSchedulerReason() {
        var config = ClusterConfig()
        config.workerCount = 0
        let c = Cluster(config: config)
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 2)))
        c.settle()
        let why = c.blockers(statefulSet: "web")
        XCTAssertEqual(
            why,
            [
                "web-1 waits: web-0 is not Ready (Pending) (OrderedReady)",
                "web-0 is Pending: 0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
            ])
        _ = c.createNode("node-1")
        c.settle()
        XCTAssertEqual(c.blockers(statefulSet: "web"), [])
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
    }
}
