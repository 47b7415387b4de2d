import XCTest

@testable import StsimEngine

/// Sieve's fault patterns as engine rules: a kubelet relisting from a stale cache, the StatefulSet
/// controller restarting between two writes, and its pod watch lagging.
final class RestartFaultTests: XCTestCase {
    /// Kubernetes issue 59848: web-0 moves off a cordoned node; a kubelet restarted there within
    /// the cache's lag starts the old web-0 beside the new one, and kills it once it catches up.
    func testStaleKubeletStartsAPodThatMoved() throws {
        let c = Cluster()
        c.createWeb(replicas: 2, storage: nil)
        c.settle()
        c.advance(by: .minutes(1))
        let node = try XCTUnwrap(c.pod("web-0")?.spec.nodeName)
        _ = c.setUnschedulable(node, true)
        _ = c.delete(.pod, "web-0")
        c.advance(by: .seconds(5))
        XCTAssertNotEqual(c.pod("web-0")?.spec.nodeName, node, "web-0 moved")
        let started = try c.restartKubelet(node: node, stale: .seconds(30)).get()
        XCTAssertEqual(started.map(\.name), ["web-0"])
        c.advance(by: .seconds(10))
        XCTAssertEqual(c.runningCopies(of: ObjectKey(kind: .pod, namespace: "default", name: "web-0")).count, 2)
        XCTAssertTrue(c.invariantViolations.contains { $0.message.contains("web-0 runs on \(node) (stale cache)") })
        c.advance(by: .seconds(30))
        XCTAssertEqual(c.runningCopies(of: ObjectKey(kind: .pod, namespace: "default", name: "web-0")).count, 1)
        XCTAssertNil(c.kubeletStaleUntil(node: node))
    }

    func testAFreshRestartStartsNothing() throws {
        let c = Cluster()
        c.createWeb(replicas: 2, storage: nil)
        c.settle()
        let node = try XCTUnwrap(c.pod("web-0")?.spec.nodeName)
        XCTAssertEqual(try c.restartKubelet(node: node).get(), [])
        XCTAssertTrue(c.invariantViolations.isEmpty)
        _ = c.crash(node: node)
        XCTAssertThrowsError(try c.restartKubelet(node: node).get())
    }

    /// Cut after the claim of web-2 is written: the restarted controller finds the claim and
    /// creates the pod; nothing is created twice.
    func testControllerRestartBetweenWritesFinishesTheSync() throws {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        c.restartStatefulSetController(betweenWrites: true)
        XCTAssertTrue(c.statefulSetControllerRestartPending)
        var set = try XCTUnwrap(c.sts("web"))
        set.spec.replicas = 3
        _ = try c.update(.statefulSet(set)).get()
        c.settle()
        XCTAssertFalse(c.statefulSetControllerRestartPending)
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 3)
        XCTAssertNotNil(c.claim("data-web-2"))
        XCTAssertTrue(c.invariantViolations.isEmpty)
    }

    /// A restart right after a new revision is written: one revision more, never several (56355).
    func testRestartAfterARevisionCreatesNoDuplicate() throws {
        let c = Cluster()
        c.createWeb(replicas: 2, storage: nil)
        c.settle()
        c.restartStatefulSetController(betweenWrites: true)
        var set = try XCTUnwrap(c.sts("web"))
        set.spec.template.spec.containers[0].image = "nginx:1.28"
        _ = try c.update(.statefulSet(set)).get()
        c.settle()
        let web = try XCTUnwrap(c.sts("web"))
        XCTAssertEqual(c.controllerRevisions(of: web).map(\.revision), [1, 2])
        XCTAssertEqual(web.status.updatedReplicas, 2)
    }

    /// With the pod watch late, the set's status follows the pods late.
    func testLaggingWatchDelaysWhatTheControllerSees() throws {
        let c = Cluster()
        c.createWeb(replicas: 1, storage: nil)
        c.settle()
        c.setPodWatchLag(.seconds(5))
        var set = try XCTUnwrap(c.sts("web"))
        set.spec.replicas = 2
        _ = try c.update(.statefulSet(set)).get()
        c.settle()
        let readyAt = try XCTUnwrap(c.pod("web-1")?.status.condition(.ready)?.lastTransitionTime)
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
        XCTAssertGreaterThanOrEqual(c.now, readyAt + .seconds(5), "the status waited for the late change")
        c.setPodWatchLag(.zero)
        XCTAssertEqual(c.podWatchLag, .zero)
    }
}
