import XCTest

@testable import StsimEngine

final class StatefulSetScalingTests: XCTestCase {
    func testScaleDownDeletesHighestFirstOneAtATimeAndKeepsClaims() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        let volumes = (0..<3).map { c.claim("data-web-\($0)")!.spec.volumeName! }
        _ = c.drainChanges()
        XCTAssertNoThrow(try c.scale(.statefulSet, "web", replicas: 1).get())
        c.settle()
        let changes = c.drainChanges().changes
        let web2Terminating = firstIndex(changes) {
            $0.podName == "web-2" && $0.pod?.metadata.deletionTimestamp != nil
        }!
        let web2Gone = firstIndex(changes) { $0.podName == "web-2" && $0.type == .deleted }!
        let web1Terminating = firstIndex(changes) {
            $0.podName == "web-1" && $0.pod?.metadata.deletionTimestamp != nil
        }!
        XCTAssertLessThan(web2Terminating, web2Gone)
        XCTAssertLessThan(web2Gone, web1Terminating, "web-1 must not be deleted before web-2 is gone")
        XCTAssertEqual(c.podNames(), ["web-0"])
        // Claims and their volumes stay Bound.
        for o in 0..<3 {
            XCTAssertEqual(c.claim("data-web-\(o)")?.status.phase, .bound)
            XCTAssertEqual(c.get(PersistentVolume.self, volumes[o])?.status.phase, .bound)
        }
        let deletes = c.events(about: .statefulSet, "web").filter { $0.reason == "SuccessfulDelete" }.map(\.message)
        XCTAssertEqual(
            deletes,
            ["delete Pod web-2 in StatefulSet web successful", "delete Pod web-1 in StatefulSet web successful"])

        // Scaling back reattaches the same claims and volumes, with no new claim events.
        c.scale(.statefulSet, "web", replicas: 3)
        c.settle()
        XCTAssertEqual(c.podNames(), ["web-0", "web-1", "web-2"])
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).count, 3)
        XCTAssertEqual(c.list(PersistentVolume.self).count, 3)
        for o in 0..<3 {
            XCTAssertEqual(c.pod("web-\(o)")?.spec.volumes.first?.persistentVolumeClaim?.claimName, "data-web-\(o)")
            XCTAssertEqual(c.claim("data-web-\(o)")?.spec.volumeName, volumes[o])
        }
        let claimEvents = c.events(about: .statefulSet, "web").filter { $0.message.hasPrefix("create Claim") }
        XCTAssertEqual(claimEvents.count, 3)
    }

    func testDeletedPodIsReplacedWithSameNameAndClaim() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        let old = c.pod("web-0")!
        XCTAssertNoThrow(try c.delete(.pod, "web-0").get())
        XCTAssertNotNil(c.pod("web-0")?.metadata.deletionTimestamp, "graceful delete leaves the pod Terminating")
        c.settle()
        let new = c.pod("web-0")!
        XCTAssertNotEqual(new.metadata.uid, old.metadata.uid)
        XCTAssertEqual(new.spec.volumes.first?.persistentVolumeClaim?.claimName, "data-web-0")
        XCTAssertEqual(new.spec.hostname, "web-0")
        XCTAssertTrue(new.isRunningAndReady)
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).count, 2)
        let creates = c.events(about: .statefulSet, "web").filter {
            $0.message == "create Pod web-0 in StatefulSet web successful"
        }
        XCTAssertEqual(creates.first?.count, 2)
    }

    func testForceDeleteRemovesAtOnce() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let uid = c.pod("web-0")!.metadata.uid
        _ = c.delete(.pod, "web-0", options: DeleteOptions(force: true))
        // The controller recreates web-0 in the same instant (claims reused).
        c.advance(by: .zero)
        XCTAssertNotEqual(c.pod("web-0")?.metadata.uid, uid)
        XCTAssertEqual(c.pod("web-0")?.status.phase, .pending)
    }

    func testScaleDownPausesWhileAPodIsUnhealthyAndResumes() {
        let c = Cluster()
        c.createWeb(replicas: 3, probe: true)
        c.settle()
        XCTAssertEqual(c.sts("web")!.status.readyReplicas, 3)
        c.setReadinessFailing("web-0", true)
        c.settle()
        XCTAssertFalse(c.pod("web-0")!.isReady)
        XCTAssertEqual(c.sts("web")!.status.readyReplicas, 2)
        c.scale(.statefulSet, "web", replicas: 1)
        let r = c.settle()
        XCTAssertEqual(r.reason, .onlyRetries)
        XCTAssertEqual(c.podNames(), ["web-0", "web-1", "web-2"], "scale-down must wait for web-0")
        XCTAssertNil(c.pod("web-2")!.metadata.deletionTimestamp)
        XCTAssertTrue(
            c.blockers(statefulSet: "web").contains("scale-down paused: web-0 is unhealthy"),
            "\(c.blockers(statefulSet: "web"))")
        c.setReadinessFailing("web-0", false)
        c.settle()
        XCTAssertEqual(c.podNames(), ["web-0"])
        XCTAssertEqual(c.blockers(statefulSet: "web"), [])
    }

    func testOrderedReadyCreationWaitsForUnreadyPredecessor() {
        let c = Cluster()
        c.createWeb(replicas: 2, probe: true)
        c.settle()
        c.setReadinessFailing("web-1", true)
        c.settle()
        c.scale(.statefulSet, "web", replicas: 3)
        c.settle()
        XCTAssertNil(c.pod("web-2"))
        XCTAssertEqual(c.blockers(statefulSet: "web").first, "web-2 waits: web-1 is not Ready (OrderedReady)")
        c.setReadinessFailing("web-1", false)
        c.settle()
        XCTAssertTrue(c.pod("web-2")?.isRunningAndReady ?? false)
    }

    func testDeletingTheStatefulSetLeavesClaimsAndVolumes() {
        let c = Cluster()
        c.createWeb(replicas: 3)
        c.settle()
        let revision = c.sts("web")!.status.updateRevision!
        XCTAssertNoThrow(try c.delete(.statefulSet, "web").get())
        XCTAssertNil(c.sts("web"))
        c.settle()
        XCTAssertEqual(c.podNames(), [])
        XCTAssertNil(c.get(ControllerRevision.self, revision))
        XCTAssertEqual(
            c.list(PersistentVolumeClaim.self).map(\.metadata.name), ["data-web-0", "data-web-1", "data-web-2"])
        XCTAssertTrue(c.list(PersistentVolumeClaim.self).allSatisfy { $0.status.phase == .bound })
        XCTAssertEqual(c.list(PersistentVolume.self).filter { $0.status.phase == .bound }.count, 3)
    }

    func testDeletingAClaimInUseWaitsForThePod() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let pv = c.claim("data-web-0")!.spec.volumeName!
        _ = c.delete(.persistentVolumeClaim, "data-web-0")
        c.settle()
        XCTAssertNotNil(c.claim("data-web-0")?.metadata.deletionTimestamp, "pvc-protection keeps a claim in use")
        _ = c.delete(.statefulSet, "web")
        c.settle()
        XCTAssertNil(c.claim("data-web-0"))
        // The default class reclaims with Delete.
        XCTAssertNil(c.get(PersistentVolume.self, pv))
    }
}
