import XCTest

@testable import StsimEngine

/// A pod's own finalizers hold it after the kubelet's final delete.
final class PodFinalizerTests: XCTestCase {
    func testAFinalizerHoldsADeletedPodUntilItIsRemoved() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        var pod = c.pod("web-1")!
        pod.metadata.finalizers = ["example.com/hold"]
        pod.metadata.resourceVersion = 0
        XCTAssertNoThrow(try c.update(.pod(pod)).get())
        let uid = pod.metadata.uid
        _ = c.delete(.pod, "web-1")
        c.advance(by: .minutes(2))
        XCTAssertEqual(c.pod("web-1")?.metadata.uid, uid, "held by its finalizer, not replaced")
        XCTAssertEqual(c.pod("web-1")?.metadata.deletionGracePeriodSeconds, 0)
        var held = c.pod("web-1")!
        held.metadata.finalizers = []
        held.metadata.resourceVersion = 0
        XCTAssertNoThrow(try c.update(.pod(held)).get())
        c.settle()
        XCTAssertNotEqual(c.pod("web-1")?.metadata.uid, uid)
        XCTAssertEqual(c.pod("web-1")?.isReady, true)
    }

    func testAFinalizerOnARunningPodChangesNothingUntilItIsDeleted() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        var pod = c.pod("web-0")!
        pod.metadata.finalizers = ["example.com/hold"]
        pod.metadata.resourceVersion = 0
        XCTAssertNoThrow(try c.update(.pod(pod)).get())
        pod = c.pod("web-0")!
        pod.metadata.finalizers = []
        pod.metadata.resourceVersion = 0
        XCTAssertNoThrow(try c.update(.pod(pod)).get())
        XCTAssertNotNil(c.pod("web-0"), "no deletion asked: removing a finalizer deletes nothing")
    }
}
