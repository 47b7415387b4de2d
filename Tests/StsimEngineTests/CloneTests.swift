import XCTest

@testable import StsimEngine

final class CloneTests: XCTestCase {
    func testCloneContinuesExactlyLikeTheOriginalAndIsIndependent() {
        let a = Cluster()
        a.createWeb(replicas: 3, probe: true)
        a.mustCreate(.replicaSet(.make(name: "rs", image: "nginx", replicas: 2)))
        a.advance(by: .seconds(4))  // mid-way: pods starting, claims provisioning
        _ = a.drainChanges()
        let b = a.clone()
        func run(_ c: Cluster) -> [String] {
            c.settle()
            c.scale(.statefulSet, "web", replicas: 1)
            c.settle()
            return c.drainChanges().changes.map {
                "\($0.time.milliseconds) \($0.type) \($0.key) \($0.resourceVersion) \(Pod($0.object)?.status.podIP ?? "")"
            }
                + c.events.map { "\($0.metadata.name) \($0.message) \($0.count)" }
        }
        XCTAssertEqual(run(a), run(b))
        // Independent: changing the copy leaves the original alone.
        let c = a.clone()
        _ = c.delete(.statefulSet, "web")
        c.settle()
        XCTAssertNil(c.sts("web"))
        XCTAssertNotNil(a.sts("web"))
        XCTAssertEqual(a.podNames().filter { $0.hasPrefix("web-") }, ["web-0"])
        a.scale(.statefulSet, "web", replicas: 2)
        a.settle()
        XCTAssertEqual(a.podNames().filter { $0.hasPrefix("web-") }, ["web-0", "web-1"])
        XCTAssertEqual(c.podNames().filter { $0.hasPrefix("web-") }, [])
    }
}
