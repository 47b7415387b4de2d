import XCTest

@testable import StsimEngine

final class IdentityRepairTests: XCTestCase {
    func testARemovedPodNameLabelComesBack() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        var pod = c.pod("web-0")!
        pod.metadata.labels["statefulset.kubernetes.io/pod-name"] = nil
        pod.metadata.resourceVersion = 0
        XCTAssertNoThrow(try c.update(.pod(pod)).get())
        c.settle()
        XCTAssertEqual(c.pod("web-0")?.metadata.labels["statefulset.kubernetes.io/pod-name"], "web-0")
        XCTAssertTrue(
            c.events(about: .statefulSet, "web").contains {
                $0.reason == "SuccessfulUpdate" && $0.message == "update Pod web-0 in StatefulSet web successful"
            })
    }
}
