import XCTest

@testable import StsimEngine

/// Force deletion on an unreachable node (9.6), the attach/detach controller, the out-of-service
/// taint (9.7) and the invariant monitor.
final class ForceDeleteTests: XCTestCase {
    /// A set `web` whose claims are network disks (class `pd`, a CSI driver that attaches).
    private func clusterWithDisks(replicas: Int = 2) -> Cluster {
        let c = Cluster()
        c.mustCreate(
            .storageClass(StorageClass(metadata: ObjectMeta(name: "pd"), provisioner: "pd.csi.storage.gke.io")))
        c.mustCreate(.service(.headless(name: "web", selector: ["app": "web"], port: 8080, portName: "http")))
        var set = StatefulSet.make(
            name: "web", image: "nginx:1.27", replicas: replicas, serviceName: "web", storage: "1Mi")
        set.spec.volumeClaimTemplates[0].spec.storageClassName = "pd"
        c.mustCreate(.statefulSet(set))
        c.settle()
        return c
    }

    /// Runs to quiet, checking the full invariants after every event; returns what broke, in order.
    private func settleChecking(_ c: Cluster, limit: VirtualDuration = .minutes(10)) -> [String] {
        var seen: [String] = []
        let end = c.now + limit
        while c.hasPendingWork, let t = c.nextEventTime, t <= end {
            c.runNext()
            for v in c.checkInvariants() where !seen.contains(v) { seen.append(v) }
        }
        return seen
    }

    func testForceDeleteWaitsForTheDiskThenBreaksAtMostOne() throws {
        let c = clusterWithDisks()
        XCTAssertEqual(c.pod("web-0")?.spec.nodeName, "node-1")
        _ = c.partition(node: "node-1")
        XCTAssertEqual(settleChecking(c), [], "a partition alone breaks nothing")
        XCTAssertNotNil(c.pod("web-0")?.metadata.deletionTimestamp)
        _ = c.delete(.pod, "web-0", options: DeleteOptions(force: true))
        c.advance(by: .seconds(10))
        let replacement = try XCTUnwrap(c.pod("web-0"))
        XCTAssertNotEqual(replacement.spec.nodeName, "node-1", "the unreachable taint keeps it off node-1")
        XCTAssertEqual(replacement.status.phase, .pending, "waiting for the disk")
        XCTAssertTrue(
            c.events(about: .pod, "web-0").contains {
                $0.reason == "FailedAttachVolume" && $0.message.hasPrefix("Multi-Attach error for volume \"pvc-")
            })
        XCTAssertTrue(c.invariantViolations.isEmpty)
        let started = c.now
        let broken = settleChecking(c)
        XCTAssertEqual(
            broken, ["at-most-one violated: web-0 runs on node-1 (unreachable) and \(replacement.spec.nodeName!)"])
        XCTAssertGreaterThanOrEqual(c.now - started, .minutes(5), "the 6-minute force detach")
        XCTAssertEqual(c.invariantViolations.map(\.message), broken)
        XCTAssertTrue(c.pod("web-0")!.isRunningAndReady)

        // Healing node-1: its kubelet kills the orphan; the promise holds again.
        let killed = try c.heal(node: "node-1").get()
        XCTAssertEqual(killed?.map(\.name), ["web-0"])
        XCTAssertEqual(c.checkInvariants(), [])
        XCTAssertTrue(c.workloadPods(onNode: "node-1").isEmpty)
    }

    func testOutOfServiceTaintFreesTheNameAndTheDiskAtOnce() throws {
        let c = clusterWithDisks()
        _ = c.crash(node: "node-1")
        c.settle()
        XCTAssertNotNil(c.pod("web-0")?.metadata.deletionTimestamp)
        let tainted = c.now
        _ = c.addTaint(
            Taint(key: "node.kubernetes.io/out-of-service", value: "nodeshutdown", effect: .noExecute), node: "node-1")
        XCTAssertEqual(settleChecking(c), [], "the node is really off: nothing runs twice")
        let web0 = try XCTUnwrap(c.pod("web-0"))
        XCTAssertTrue(web0.isRunningAndReady)
        XCTAssertNotEqual(web0.spec.nodeName, "node-1")
        XCTAssertLessThan(c.now - tainted, .seconds(30), "PodGC's 20 s pass, no detach wait")
        if case .success = c.addTaint(
            Taint(key: "node.kubernetes.io/out-of-service", value: "x", effect: .noExecute), node: "node-1")
        {
            XCTFail("a second taint with the same key and effect is refused")
        }
        XCTAssertNoThrow(try c.removeTaint(key: "node.kubernetes.io/out-of-service", effect: nil, node: "node-1").get())
    }

    func testCrashAndBootReconcile() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        _ = c.crash(node: "node-2")
        XCTAssertTrue(c.runtimePods(onNode: "node-2").isEmpty, "the containers died")
        XCTAssertTrue(c.pod("web-1")!.isRunningAndReady, "but the API does not know yet")
        c.settle()
        XCTAssertNotNil(c.pod("web-1")?.metadata.deletionTimestamp)
        if case .success = c.heal(node: "node-2") { XCTFail("a powered-off node cannot be healed") }
        _ = c.boot(node: "node-2")
        c.settle()
        XCTAssertTrue(c.pod("web-1")!.isRunningAndReady)
        XCTAssertNil(c.pod("web-1")?.metadata.deletionTimestamp)
        XCTAssertEqual(c.checkInvariants(), [])
    }

    func testDrainEvictsAndTheSetRecreatesElsewhere() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        XCTAssertEqual(c.pod("web-1")?.spec.nodeName, "node-2")
        _ = c.setUnschedulable("node-2", true)
        _ = c.evict(pod: "web-1")
        XCTAssertEqual(c.pod("web-1")?.status.condition(.disruptionTarget)?.reason, "EvictionByEvictionAPI")
        c.settle()
        XCTAssertTrue(c.pod("web-1")!.isRunningAndReady)
        XCTAssertNotEqual(c.pod("web-1")?.spec.nodeName, "node-2")
    }

    func testAClaimDeletedWithoutARequestIsReported() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        _ = c.delete(.persistentVolumeClaim, "data-web-1")
        _ = c.delete(.pod, "web-1")
        c.settle()
        XCTAssertTrue(c.invariantViolations.isEmpty, "a user asked")
        let key = ObjectKey(kind: .persistentVolumeClaim, namespace: "default", name: "data-web-0")
        c.store.remove(key, at: c.now)  // a bug's shortcut past the API
        XCTAssertEqual(
            c.invariantViolations.map(\.message),
            ["claim data-web-0 was deleted though no user and no retention policy asked"])
    }
}
