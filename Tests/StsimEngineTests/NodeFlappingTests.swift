import XCTest

@testable import StsimEngine

final class NodeFlappingTests: XCTestCase {
    /// Healed, then cut again before the controller noticed the heal: NotReady again 50 s later.
    func testCutAgainBeforeTheNextTick() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        _ = c.partition(node: "node-1")
        c.advance(by: .seconds(60))
        XCTAssertFalse(c.get(Node.self, "node-1")!.isReady)
        _ = c.heal(node: "node-1")
        XCTAssertTrue(c.get(Node.self, "node-1")!.isReady, "the kubelet posts Ready at once")
        _ = c.partition(node: "node-1")
        c.advance(by: .seconds(70))
        XCTAssertEqual(c.get(Node.self, "node-1")?.status.condition(.ready)?.status, .unknown)
        XCTAssertFalse(c.pod("web-0")!.isReady)
    }
}
