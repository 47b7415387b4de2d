import XCTest

@testable import StsimEngine

final class StatefulSetUpdateTests: XCTestCase {
    func testRollingUpdateReplacesPodsHighestFirstAndAdvancesCurrentRevision() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        let oldRevision = c.sts("web")!.status.currentRevision!
        var set = c.sts("web")!
        set.spec.template.spec.containers[0].image = "nginx:1.28"
        XCTAssertNoThrow(try c.update(.statefulSet(set)).get())
        XCTAssertEqual(c.sts("web")!.metadata.generation, 2)
        _ = c.drainChanges()
        c.settle()
        let changes = c.drainChanges().changes
        let order = changes.filter { $0.key.kind == .pod && $0.type == .deleted }.map(\.key.name)
        XCTAssertEqual(order, ["web-2", "web-1", "web-0"])
        let s = c.sts("web")!
        XCTAssertNotEqual(s.status.updateRevision, oldRevision)
        XCTAssertEqual(s.status.currentRevision, s.status.updateRevision)
        XCTAssertEqual(s.status.updatedReplicas, 3)
        XCTAssertTrue(
            c.list(Pod.self).allSatisfy {
                $0.spec.containers[0].image == "nginx:1.28"
                    && $0.metadata.labels["controller-revision-hash"] == s.status.updateRevision
            })
        XCTAssertEqual(c.list(ControllerRevision.self).map(\.revision).sorted(), [1, 2])
        // Claims survive the rollout.
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).count, 3)
    }

    func testPartitionLimitsTheRollout() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        var set = c.sts("web")!
        set.spec.updateStrategy?.rollingUpdate?.partition = 2
        set.spec.template.spec.containers[0].image = "nginx:1.28"
        _ = c.update(.statefulSet(set))
        c.settle()
        XCTAssertEqual(c.pod("web-2")?.spec.containers[0].image, "nginx:1.28")
        XCTAssertEqual(c.pod("web-1")?.spec.containers[0].image, "nginx:1.27")
        let s = c.sts("web")!
        XCTAssertNotEqual(s.status.currentRevision, s.status.updateRevision)
        // A deleted pod below the partition comes back at the current (old) revision.
        _ = c.delete(.pod, "web-0")
        c.settle()
        XCTAssertEqual(c.pod("web-0")?.spec.containers[0].image, "nginx:1.27")
    }

    func testMinReadySecondsDelaysTheNextOrdinal() {
        let c = Cluster()
        var set = StatefulSet.make(name: "web", image: "nginx", replicas: 2)
        set.spec.minReadySeconds = 10
        c.mustCreate(.statefulSet(set))
        c.settle()
        let ready0 = c.pod("web-0")!.status.condition(.ready)!.lastTransitionTime!
        let created1 = c.pod("web-1")!.metadata.creationTimestamp!
        XCTAssertEqual(
            created1 - ready0, .seconds(11), "3.8: the next ordinal starts ~11 s after its predecessor turned Ready")
        XCTAssertEqual(c.sts("web")!.status.availableReplicas, 2)
    }

    /// Upstream e2e "AvailableReplicas should get updated accordingly when MinReadySeconds is
    /// enabled": a larger minReadySeconds makes ready pods unavailable until they have been
    /// ready that long, and setting it back to 0 makes them available at once.
    func testAvailableReplicasFollowAMinReadySecondsChange() {
        let c = Cluster()
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 2)))
        c.settle()
        var set = c.sts("web")!
        set.spec.minReadySeconds = 60
        _ = c.update(.statefulSet(set))
        c.advance(by: .seconds(1))
        XCTAssertEqual(c.sts("web")!.status.availableReplicas, 0)
        c.advance(by: .seconds(70))
        XCTAssertEqual(c.sts("web")!.status.availableReplicas, 2)
        set = c.sts("web")!
        set.spec.minReadySeconds = 600
        _ = c.update(.statefulSet(set))
        c.advance(by: .seconds(1))
        XCTAssertEqual(c.sts("web")!.status.availableReplicas, 0)
        set = c.sts("web")!
        set.spec.minReadySeconds = 0
        _ = c.update(.statefulSet(set))
        c.advance(by: .seconds(1))
        XCTAssertEqual(c.sts("web")!.status.availableReplicas, 2)
    }

    func testCordonedNodesGetNoNewPods() {
        let c = Cluster()
        _ = c.setUnschedulable("node-1", true)
        _ = c.setUnschedulable("node-2", true)
        c.mustCreate(.replicaSet(.make(name: "rs", image: "nginx", replicas: 3)))
        c.settle()
        XCTAssertEqual(Set(c.list(Pod.self).compactMap(\.spec.nodeName)), ["node-3"])
        _ = c.setUnschedulable("node-3", true)
        c.scale(.replicaSet, "rs", replicas: 4)
        c.settle()
        let pending = c.list(Pod.self).filter { $0.spec.nodeName == nil }
        XCTAssertEqual(pending.count, 1)
        let msg = c.schedulingFailure(pod: pending[0].metadata.name)!
        XCTAssertTrue(
            msg.hasPrefix(
                "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable."
            ), msg)
        _ = c.setUnschedulable("node-1", false)
        c.settle()
        XCTAssertTrue(c.list(Pod.self).allSatisfy { $0.spec.nodeName != nil })
    }

    func testNewNodeIsUsed() {
        var config = ClusterConfig()
        config.workerCount = 1
        let c = Cluster(config: config)
        XCTAssertNoThrow(try c.createNode("node-9", zone: "b").get())
        XCTAssertEqual(c.get(Node.self, "node-9")?.spec.podCIDR, "10.244.2.0/24")
        XCTAssertEqual(c.events.map(\.message), ["Node node-9 event: Registered Node node-9 in Controller"])
        c.mustCreate(.replicaSet(.make(name: "rs", image: "nginx", replicas: 2)))
        c.settle()
        XCTAssertEqual(Set(c.list(Pod.self).compactMap(\.spec.nodeName)), ["node-1", "node-9"])
        XCTAssertTrue(c.list(Pod.self).first { $0.spec.nodeName == "node-9" }!.status.podIP!.hasPrefix("10.244.2."))
    }

    func testApplyCreatesThenConfiguresThenLeavesUnchanged() {
        let c = Cluster()
        let set = StatefulSet.make(name: "web", image: "nginx", replicas: 1)
        XCTAssertEqual(try c.apply(.statefulSet(set)).get().0, .created)
        XCTAssertEqual(try c.apply(.statefulSet(set)).get().0, .unchanged)
        var bigger = set
        bigger.spec.replicas = 2
        XCTAssertEqual(try c.apply(.statefulSet(bigger)).get().0, .configured)
        c.settle()
        XCTAssertEqual(c.podNames(), ["web-0", "web-1"])
    }

    func testRecycleReturnsTheVolumeToAvailable() {
        var config = ClusterConfig()
        config.defaultStorageClass = false
        let c = Cluster(config: config)
        c.mustCreate(.persistentVolume(.make(name: "pv-r", capacity: "1Mi", reclaimPolicy: .recycle)))
        c.mustCreate(.persistentVolumeClaim(.make(name: "claim", storage: "1Mi")))
        c.settle()
        XCTAssertEqual(c.get(PersistentVolume.self, "pv-r")?.status.phase, .bound)
        _ = c.delete(.persistentVolumeClaim, "claim")
        c.settle()
        XCTAssertEqual(c.get(PersistentVolume.self, "pv-r")?.status.phase, .available)
        XCTAssertNil(c.get(PersistentVolume.self, "pv-r")?.spec.claimRef)
    }

    func testClaimBeingDeletedBlocksPodCreation() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        _ = c.delete(.persistentVolumeClaim, "data-web-0")
        _ = c.delete(.pod, "web-0", options: DeleteOptions(force: true))
        c.advance(by: .seconds(1))
        // The old claim went as soon as its pod did; a fresh, empty claim is made for the new pod.
        c.settle()
        XCTAssertEqual(c.claim("data-web-0")?.status.phase, .bound)
        XCTAssertNil(c.claim("data-web-0")?.metadata.deletionTimestamp)
        XCTAssertTrue(c.pod("web-0")?.isRunningAndReady ?? false)
    }
}
