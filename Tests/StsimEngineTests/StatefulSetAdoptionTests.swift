import XCTest

@testable import StsimEngine

final class StatefulSetAdoptionTests: XCTestCase {
    func testOrphanCascadeKeepsPodsAndANewSetAdoptsThem() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        let uids = c.list(Pod.self).map(\.metadata.uid)
        XCTAssertNoThrow(try c.delete(.statefulSet, "web", options: DeleteOptions(propagation: .orphan)).get())
        c.settle()
        XCTAssertEqual(c.list(Pod.self).map(\.metadata.uid), uids)
        XCTAssertTrue(c.list(Pod.self).allSatisfy { $0.metadata.ownerReferences.isEmpty })
        c.mustCreate(
            .statefulSet(.make(name: "web", image: "nginx:1.27", replicas: 2, serviceName: "web", storage: "1Mi")))
        c.settle()
        XCTAssertEqual(c.list(Pod.self).map(\.metadata.uid), uids, "adopted, not restarted")
        let set = c.sts("web")!
        XCTAssertTrue(c.list(Pod.self).allSatisfy { $0.metadata.controllerRef?.uid == set.metadata.uid })
        XCTAssertEqual(set.status.readyReplicas, 2)
    }
}
