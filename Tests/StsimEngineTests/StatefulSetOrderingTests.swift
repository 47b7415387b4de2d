import XCTest

@testable import StsimEngine

final class StatefulSetOrderingTests: XCTestCase {
    func testOrderedReadyCreatesNextPodOnlyAfterPredecessorIsReady() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        let r = c.settle()
        XCTAssertNotEqual(r.reason, .limit)
        let changes = c.drainChanges().changes
        for o in 1..<3 {
            let added = firstIndex(changes) { $0.type == .added && $0.podName == "web-\(o)" }
            let predecessorReady = firstIndex(changes) {
                $0.podName == "web-\(o - 1)" && ($0.pod?.isRunningAndReady ?? false)
            }
            XCTAssertNotNil(added)
            XCTAssertNotNil(predecessorReady)
            XCTAssertLessThan(predecessorReady!, added!, "web-\(o) created before web-\(o - 1) was Ready")
        }
        XCTAssertEqual(c.podNames(), ["web-0", "web-1", "web-2"])
        XCTAssertTrue(c.list(Pod.self).allSatisfy(\.isRunningAndReady))
        let set = c.sts("web")!
        XCTAssertEqual(set.status.readyReplicas, 3)
        XCTAssertEqual(set.status.replicas, 3)
        XCTAssertEqual(set.status.availableReplicas, 3)
        XCTAssertEqual(set.status.observedGeneration, 1)
    }

    func testClaimsAreCreatedBeforePodsAndBoundBeforeTheyStart() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        let changes = c.drainChanges().changes
        for o in 0..<3 {
            let claimAdded = firstIndex(changes) {
                $0.type == .added && $0.key.kind == .persistentVolumeClaim && $0.key.name == "data-web-\(o)"
            }
            let podAdded = firstIndex(changes) { $0.type == .added && $0.podName == "web-\(o)" }
            let claimBound = firstIndex(changes) {
                $0.key.name == "data-web-\(o)" && PersistentVolumeClaim($0.object)?.status.phase == .bound
            }
            let podRunning = firstIndex(changes) { $0.podName == "web-\(o)" && $0.pod?.status.phase == .running }
            XCTAssertLessThan(claimAdded!, podAdded!)
            XCTAssertLessThan(claimBound!, podRunning!)
            XCTAssertEqual(c.pod("web-\(o)")?.spec.volumes.first?.persistentVolumeClaim?.claimName, "data-web-\(o)")
        }
        XCTAssertEqual(
            c.list(PersistentVolumeClaim.self).map(\.metadata.name), ["data-web-0", "data-web-1", "data-web-2"])
        XCTAssertTrue(c.list(PersistentVolumeClaim.self).allSatisfy { $0.status.phase == .bound })
        XCTAssertEqual(c.list(PersistentVolume.self).count, 3)
    }

    func testPodIdentity() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        let p = c.pod("web-1")!
        XCTAssertEqual(p.spec.hostname, "web-1")
        XCTAssertEqual(p.spec.subdomain, "web")
        XCTAssertEqual(p.metadata.labels["statefulset.kubernetes.io/pod-name"], "web-1")
        XCTAssertEqual(p.metadata.labels["apps.kubernetes.io/pod-index"], "1")
        let rev = p.metadata.labels["controller-revision-hash"]!
        XCTAssertEqual(rev, c.sts("web")!.status.updateRevision)
        XCTAssertTrue(rev.hasPrefix("web-"))
        XCTAssertTrue(rev.dropFirst(4).allSatisfy { "456789bcdf".contains($0) }, rev)
        XCTAssertNotNil(c.get(ControllerRevision.self, rev))
        XCTAssertEqual(p.metadata.ownerReferences.first?.kind, "StatefulSet")
        XCTAssertEqual(p.metadata.generateName, "web-")
        XCTAssertNotNil(p.status.podIP)
        XCTAssertTrue(p.status.podIP!.hasPrefix("10.244."))
    }

    func testOrdinalsStart() {
        let c = Cluster()
        var set = StatefulSet.make(name: "web", image: "nginx", replicas: 3)
        set.spec.ordinals = StatefulSetOrdinals(start: 5)
        c.mustCreate(.statefulSet(set))
        c.settle()
        XCTAssertEqual(c.podNames(), ["web-5", "web-6", "web-7"])
    }

    func testParallelCreatesAllPodsAtOnce() {
        let c = Cluster()
        c.createWeb(replicas: 4, policy: .parallel)
        c.settle()
        // The set's pods, not the cluster's own (CoreDNS, the control plane) made at its start.
        let changes = c.drainChanges().changes.filter { $0.key.namespace == "default" }
        let adds = changes.filter { $0.type == .added && $0.key.kind == .pod }
        XCTAssertEqual(adds.count, 4)
        XCTAssertEqual(Set(adds.map(\.time)).count, 1, "all pods should be created at the same instant")
        let firstReady = firstIndex(changes) { $0.pod?.isRunningAndReady ?? false }!
        XCTAssertLessThan(changes.lastIndex { $0.type == .added && $0.key.kind == .pod }!, firstReady)
        XCTAssertEqual(c.sts("web")!.status.readyReplicas, 4)
    }
}
