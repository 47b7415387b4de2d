import XCTest

@testable import StsimEngine

final class StatefulSetFailedCreateTests: XCTestCase {
    func testInvalidTemplateIsAcceptedButEveryPodCreationFails() {
        let c = Cluster()
        var set = StatefulSet.make(name: "web", image: "nginx", replicas: 3)
        set.spec.template.spec.containers[0].volumeMounts = [
            VolumeMount(name: "www", mountPath: "/usr/share/nginx/html")
        ]
        XCTAssertNoThrow(try c.create(.statefulSet(set)).get(), "7.3: the pod template is not validated")
        let r = c.settle(limit: .seconds(30))
        XCTAssertEqual(r.reason, .onlyRetries)
        XCTAssertEqual(c.podNames(), [])
        let failed = c.events(about: .statefulSet, "web").filter { $0.reason == "FailedCreate" }
        XCTAssertEqual(
            failed.first?.message,
            "create Pod web-0 in StatefulSet web failed error: Pod \"web-0\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"www\""
        )
        XCTAssertEqual(failed.first?.type, .warning)
        XCTAssertTrue(
            c.blockers(statefulSet: "web").first?.hasPrefix("web-0 cannot be created: Pod \"web-0\" is invalid")
                ?? false)
        // Retries repeat with back-off; the recorder counts them.
        c.advance(by: .seconds(30))
        XCTAssertGreaterThan(c.events(about: .statefulSet, "web").first { $0.reason == "FailedCreate" }!.count, 5)
    }
}

extension StatefulSetFailedCreateTests {
    /// Was: every failing sync (one per write to the set or its pods) started its own retry chain,
    /// so a long `tick` or `wait --timeout 9999h` ran millions of retries and seemed to hang. The
    /// work queue holds a set once.
    func testFailingSyncsShareOneQueuedRetry() throws {
        let c = Cluster()
        var set = StatefulSet.make(name: "web", image: "nginx", replicas: 1)
        set.spec.template.spec.containers[0].volumeMounts = [VolumeMount(name: "www", mountPath: "/www")]
        _ = try c.create(.statefulSet(set)).get()
        c.advance(by: .seconds(30))
        let queued = c.queue.count
        for i in 0..<50 {
            var changed = try XCTUnwrap(c.store.get(StatefulSet.self, namespace: "default", name: "web"))
            changed.spec.minReadySeconds = i
            _ = try c.update(.statefulSet(changed)).get()
            c.advance(by: .seconds(1))
        }
        XCTAssertLessThanOrEqual(c.queue.count, queued + 1)
    }
}
