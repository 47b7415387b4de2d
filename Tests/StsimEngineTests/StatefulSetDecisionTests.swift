import XCTest

@testable import StsimEngine

/// The pure decision stepped against recorded operations (upstream's stateful_set_control_test.go
/// with its fake object manager), and pod control and the state value against a real cluster.
final class StatefulSetDecisionTests: XCTestCase {
    typealias Plan = StatefulSetPlan

    func testOrderedReadyCreatesOnePodAtATimeAndSaysWhyItWaits() {
        var f = StatefulSetFakeObjectManager(replicas: 3)
        XCTAssertEqual(f.sync(), Plan(operations: [.createPod(0)]))
        // web-0 is Pending: its claims are made sure of, and nothing else is created.
        XCTAssertEqual(
            f.sync(),
            Plan(
                operations: [.createMissingClaims(0)],
                reasons: ["web-1 waits: web-0 is not Ready (Pending) (OrderedReady)"]))
        f.setReady(0, false)
        XCTAssertEqual(f.sync(), Plan(reasons: ["web-1 waits: web-0 is not Ready (OrderedReady)"]))
        f.setReady(0)
        XCTAssertEqual(f.sync(), Plan(operations: [.createPod(1)]))
        f.runUntilDone()
        // The fake's kubelet makes web-1 Ready only after the first sync that sees it Pending.
        XCTAssertEqual(f.recorded, ["create web-0", "claims web-0", "create web-1", "claims web-1", "create web-2"])
        XCTAssertEqual(f.state.readyCount, 3)
    }

    func testParallelCreatesEveryMissingPodInOneSyncAndReplacesAFailedOne() {
        var f = StatefulSetFakeObjectManager(replicas: 3, policy: .parallel)
        XCTAssertEqual(f.sync(), Plan(operations: [.createPod(0), .createPod(1), .createPod(2)]))
        XCTAssertEqual(f.sync(), Plan(), "Parallel does not wait on Pending pods, nor repeat itself")
        f.runUntilDone()
        f.state.setFacts(f.facts(phase: .failed, ready: false, revision: "web-a"), at: 1)
        XCTAssertEqual(f.sync(), Plan(operations: [.deletePod(1, because: .failed)]))
        f.scale(to: 1)
        XCTAssertEqual(
            f.sync(), Plan(operations: [.deletePod(2, because: .scaleDown)]),
            "a terminating pod is not deleted twice")
    }

    func testScaleDownDeletesHighestOrdinalFirstOneAtATime() {
        var f = StatefulSetFakeObjectManager(replicas: 4)
        f.runUntilDone()
        f.recorded = []
        f.scale(to: 1)
        XCTAssertEqual(f.sync(), Plan(operations: [.deletePod(3, because: .scaleDown)]))
        XCTAssertEqual(f.sync(), Plan(reasons: ["scale-down waits: web-3 is terminating"]))
        f.finishDeletions()
        f.runUntilDone()
        XCTAssertEqual(
            f.recorded, ["delete web-3 (scaleDown)", "delete web-2 (scaleDown)", "delete web-1 (scaleDown)"])
        XCTAssertEqual(f.state.pods.keys, [0])
    }

    func testScaleDownPausesWhileAnotherCondemnedPodIsUnhealthy() {
        var f = StatefulSetFakeObjectManager(replicas: 4)
        f.runUntilDone()
        f.setReady(2, false)
        f.setReady(3, false)
        f.scale(to: 2)
        XCTAssertEqual(f.sync(), Plan(reasons: ["scale-down paused: web-2 is unhealthy"]))
        f.setReady(2)
        XCTAssertEqual(
            f.sync(), Plan(operations: [.deletePod(3, because: .scaleDown)]),
            "the highest pod may go once it is the only unhealthy one")
    }

    func testRollingUpdateGoesFromTheHighestOrdinalDownToThePartition() {
        let partitioned = StatefulSetUpdateStrategy(type: .rollingUpdate, rollingUpdate: .init(partition: 2))
        var f = StatefulSetFakeObjectManager(replicas: 4, updateStrategy: partitioned)
        f.runUntilDone()
        f.recorded = []
        f.roll(to: "web-b")
        XCTAssertEqual(f.sync(), Plan(operations: [.deletePod(3, because: .update)]))
        f.finishDeletions()
        XCTAssertEqual(f.sync(), Plan(operations: [.createPod(3)]))
        XCTAssertEqual(
            f.sync(),
            Plan(
                operations: [.createMissingClaims(3)], reasons: ["rolling update paused: web-3 is not Ready (Pending)"])
        )
        f.setReady(3)
        f.runUntilDone()
        XCTAssertEqual(
            f.recorded,
            ["delete web-3 (update)", "create web-3", "claims web-3", "delete web-2 (update)", "create web-2"])
        XCTAssertEqual(f.revisions, ["web-0=web-a", "web-1=web-a", "web-2=web-b", "web-3=web-b"])
    }

    func testOnDeleteLeavesOutdatedPodsAloneAndRecreatesDeletedOnesUpdated() {
        var f = StatefulSetFakeObjectManager(replicas: 3, updateStrategy: .init(type: .onDelete))
        f.runUntilDone()
        f.roll(to: "web-b")
        XCTAssertEqual(f.sync(), Plan())
        f.state.setFacts(nil, at: 1)  // a user deletes web-1
        XCTAssertEqual(f.sync(), Plan(operations: [.createPod(1)]))
        XCTAssertEqual(f.revisions, ["web-0=web-a", "web-1=web-b", "web-2=web-a"])
    }

    func testOrdinalsStartNumbersThePods() {
        var f = StatefulSetFakeObjectManager(replicas: 2, start: 5)
        f.runUntilDone()
        f.scale(to: 1)
        f.runUntilDone()
        XCTAssertEqual(f.recorded, ["create web-5", "create web-6", "delete web-6 (scaleDown)"])
        XCTAssertEqual(f.state.pods.keys, [5])
    }

    func testIdentityRepairsComeFirstAndOnlyOnce() {
        var f = StatefulSetFakeObjectManager(replicas: 2)
        f.runUntilDone()
        f.state.identityRepairs = [1, 0]
        XCTAssertEqual(f.sync(), Plan(operations: [.repairIdentity(0), .repairIdentity(1)]))
        XCTAssertEqual(f.sync(), Plan())
    }

    // MARK: Pod control and the state value, on a cluster

    func testPodControlCreatesTheClaimsBeforeThePod() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        _ = c.drainChanges()
        let set = c.sts("web")!
        c.statefulSets.ensureRevision(set, set.metadata.uid!)
        c.statefulSets.perform(Plan(operations: [.createPod(0)]), set, set.metadata.uid!)
        let added = c.drainChanges().changes.filter {
            $0.type == .added && [.pod, .persistentVolumeClaim].contains($0.key.kind)
        }
        XCTAssertEqual(added.map(\.key.name), ["data-web-0", "web-0"])
    }

    func testACloneKeepsItsOwnControllerState() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        let copy = c.clone()
        _ = c.scale(.statefulSet, "web", replicas: 3)
        c.settle()
        let key = ObjectKey(kind: .statefulSet, namespace: "default", name: "web")
        XCTAssertEqual(c.statefulSets.state(for: key)?.pods.count, 3)
        XCTAssertEqual(copy.statefulSets.state(for: key)?.pods.count, 2, "the original's sync reached the copy")
        _ = copy.scale(.statefulSet, "web", replicas: 1)
        copy.settle()
        XCTAssertEqual(copy.podNames(), ["web-0"])
        XCTAssertEqual(c.podNames(), ["web-0", "web-1", "web-2"])
    }
}
