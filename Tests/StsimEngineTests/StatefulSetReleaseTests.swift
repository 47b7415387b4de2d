import XCTest

@testable import StsimEngine

/// ClaimPods at run time: release of a pod the selector no longer picks, adoption of an orphan it
/// picks again.
final class StatefulSetReleaseTests: XCTestCase {
    private func relabel(_ c: Cluster, _ name: String, app: String?) {
        var pod = c.pod(name)!
        pod.metadata.labels["app"] = app
        pod.metadata.resourceVersion = 0
        XCTAssertNoThrow(try c.update(.pod(pod)).get())
    }

    func testAPodThatNoLongerMatchesIsReleasedAndItsNameStaysTaken() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        let uid = c.pod("web-0")?.metadata.uid
        relabel(c, "web-0", app: nil)
        c.settle()
        XCTAssertEqual(c.pod("web-0")?.metadata.uid, uid, "released, not deleted")
        XCTAssertTrue(c.pod("web-0")?.metadata.ownerReferences.isEmpty ?? false)
        XCTAssertEqual(c.sts("web")?.status.replicas, 2)
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
        // Upstream sinks AlreadyExists: no FailedCreate event, only the retry and its reason.
        XCTAssertFalse(c.events.contains { $0.reason == "FailedCreate" })
        XCTAssertEqual(
            c.blockers(statefulSet: "web").first, "web-0 cannot be created: pods \"web-0\" already exists")
    }

    func testAnOrphanThatMatchesAgainIsAdopted() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        relabel(c, "web-1", app: nil)
        c.settle()
        relabel(c, "web-1", app: "web")
        c.settle()
        XCTAssertEqual(c.pod("web-1")?.metadata.controllerRef?.uid, c.sts("web")?.metadata.uid)
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
    }

    func testAnOrphanOfAnotherNameIsLeftAlone() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        var stray = c.pod("web-0")!
        stray.metadata = ObjectMeta(name: "other-0", labels: ["app": "web"])
        stray.spec.nodeName = nil
        c.mustCreate(.pod(stray))
        c.settle()
        XCTAssertNil(c.pod("other-0")?.metadata.controllerRef)
    }
}
