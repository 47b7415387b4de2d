import XCTest

@testable import StsimEngine

/// Kubernetes issue 67250: a broken template stops an OrderedReady rollout, reverting it does not
/// unstick it, and the blockers name the pod to delete.
final class StuckRolloutTests: XCTestCase {
    func testRevertDoesNotUnstickUntilTheBrokenPodIsDeleted() throws {
        let c = Cluster()
        c.setImageBroken("nginx:nope", true)
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx:1.27", replicas: 3)))
        c.settle()
        let good = try XCTUnwrap(c.sts("web")).spec.template
        var set = try XCTUnwrap(c.sts("web"))
        set.spec.template.spec.containers[0].image = "nginx:nope"
        _ = try c.update(.statefulSet(set)).get()
        XCTAssertEqual(c.settle().reason, .onlyRetries)
        XCTAssertTrue(
            c.blockers(statefulSet: "web").contains { $0.hasPrefix("web-2 stops the rollout: the new revision") },
            "\(c.blockers(statefulSet: "web"))")

        set = try XCTUnwrap(c.sts("web"))
        set.spec.template = good
        _ = try c.update(.statefulSet(set)).get()
        c.advance(by: .minutes(5))
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2, "reverting alone leaves web-2 broken")
        XCTAssertTrue(
            c.blockers(statefulSet: "web").contains {
                $0.hasPrefix("web-2 blocks the rollout:") && $0.contains("delete pod web-2")
            },
            "\(c.blockers(statefulSet: "web"))")

        _ = c.delete(.pod, "web-2")
        c.settle()
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 3)
        XCTAssertEqual(c.pod("web-2")?.spec.containers[0].image, "nginx:1.27")
        XCTAssertTrue(c.blockers(statefulSet: "web").isEmpty, "\(c.blockers(statefulSet: "web"))")
    }

    func testHistoryIsTheSetsOwnRevisionsInOrder() throws {
        let c = Cluster()
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx:1.27", replicas: 1)))
        c.mustCreate(.statefulSet(.make(name: "db", image: "nginx:1.27", replicas: 1)))
        c.settle()
        for image in ["nginx:1.28", "nginx:1.27"] {
            var set = try XCTUnwrap(c.sts("web"))
            set.spec.template.spec.containers[0].image = image
            _ = try c.update(.statefulSet(set)).get()
            c.settle()
        }
        let web = try XCTUnwrap(c.sts("web"))
        // Going back to 1.27 renumbered revision 1 as 3: no new object, and db's is not listed.
        XCTAssertEqual(c.controllerRevisions(of: web).map(\.revision), [2, 3])
        XCTAssertEqual(c.controllerRevisions(of: web).last?.data.spec.containers[0].image, "nginx:1.27")
    }
}
