import XCTest

@testable import StsimEngine

final class ReplicaSetTests: XCTestCase {
    func testReplicaSetRandomNamesOneClaimAndNewNameOnReplacement() {
        let c = Cluster()
        // ReadWriteMany: a ReadWriteOnce network disk would attach to one of the three nodes only.
        c.mustCreate(.persistentVolumeClaim(.make(name: "shared", storage: "1Mi", accessModes: [.readWriteMany])))
        c.mustCreate(.replicaSet(.make(name: "kubia", image: "luksa/kubia", replicas: 3, claimName: "shared")))
        c.settle()
        let names = c.podNames()
        XCTAssertEqual(names.count, 3)
        let alphabet = Set("bcdfghjklmnpqrstvwxz2456789")
        for n in names {
            XCTAssertTrue(n.hasPrefix("kubia-"))
            let suffix = n.dropFirst("kubia-".count)
            XCTAssertEqual(suffix.count, 5)
            XCTAssertTrue(suffix.allSatisfy(alphabet.contains), n)
        }
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).map(\.metadata.name), ["shared"])
        XCTAssertTrue(c.list(Pod.self).allSatisfy { $0.spec.claimNames == ["shared"] && $0.isRunningAndReady })
        let created = c.events(about: .replicaSet, "kubia").filter { $0.reason == "SuccessfulCreate" }.map(\.message)
        XCTAssertEqual(Set(created), Set(names.map { "Created pod: \($0)" }))

        // A deleted pod is replaced at once, by a pod with a new name.
        _ = c.delete(.pod, names[0])
        c.advance(by: .zero)
        XCTAssertEqual(c.list(Pod.self).filter { $0.metadata.deletionTimestamp == nil }.count, 3)
        c.settle()
        let after = c.podNames()
        XCTAssertEqual(after.count, 3)
        XCTAssertFalse(after.contains(names[0]))
        XCTAssertEqual(Set(after).intersection(names).count, 2)
    }

    func testReplicaSetScaleDown() {
        let c = Cluster()
        c.mustCreate(.replicaSet(.make(name: "rs", image: "nginx", replicas: 3)))
        c.settle()
        c.scale(.replicaSet, "rs", replicas: 1)
        c.settle()
        XCTAssertEqual(c.podNames().count, 1)
        XCTAssertEqual(c.get(ReplicaSet.self, "rs")?.status.replicas, 1)
    }
}
