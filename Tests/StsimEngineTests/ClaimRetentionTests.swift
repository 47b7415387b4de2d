import XCTest

@testable import StsimEngine

final class ClaimRetentionTests: XCTestCase {
    private func makeWeb(_ c: Cluster, whenScaled: RetentionPolicyType, whenDeleted: RetentionPolicyType) {
        var set = StatefulSet.make(name: "web", image: "nginx", replicas: 3, serviceName: "web", storage: "1Mi")
        set.spec.persistentVolumeClaimRetentionPolicy = .init(whenDeleted: whenDeleted, whenScaled: whenScaled)
        c.mustCreate(.statefulSet(set))
        c.settle()
    }

    func testWhenScaledDeleteRemovesClaimsOfCondemnedPods() {
        let c = Cluster()
        makeWeb(c, whenScaled: .delete, whenDeleted: .retain)
        XCTAssertTrue(c.claim("data-web-0")!.metadata.ownerReferences.isEmpty)
        let oldVolume = c.claim("data-web-2")!.spec.volumeName!
        c.scale(.statefulSet, "web", replicas: 1)
        c.settle()
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).map(\.metadata.name), ["data-web-0"])
        XCTAssertNil(c.get(PersistentVolume.self, oldVolume), "the class reclaims with Delete")
        c.scale(.statefulSet, "web", replicas: 3)
        c.settle()
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).count, 3)
        XCTAssertNotEqual(c.claim("data-web-2")!.spec.volumeName, oldVolume, "a new, empty claim")
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 3)
    }

    func testWhenDeletedDeleteRemovesClaimsWithTheSet() {
        let c = Cluster()
        makeWeb(c, whenScaled: .retain, whenDeleted: .delete)
        XCTAssertEqual(c.claim("data-web-0")!.metadata.ownerReferences.first?.kind, "StatefulSet")
        _ = c.delete(.statefulSet, "web")
        c.settle()
        XCTAssertEqual(c.podNames(), [])
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).count, 0)
    }
}
