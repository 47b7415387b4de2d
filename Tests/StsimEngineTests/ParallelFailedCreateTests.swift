import XCTest

@testable import StsimEngine

final class ParallelFailedCreateTests: XCTestCase {
    func testParallelKeepsRetryingFailedCreations() {
        let c = Cluster()
        var set = StatefulSet.make(name: "web", image: "nginx", replicas: 2, policy: .parallel)
        set.spec.template.spec.containers[0].volumeMounts = [VolumeMount(name: "www", mountPath: "/data")]
        c.mustCreate(.statefulSet(set))
        c.advance(by: .seconds(30))
        let failed = c.events(about: .statefulSet, "web").filter { $0.reason == "FailedCreate" }
        XCTAssertEqual(Set(failed.map(\.message)).count, 2, "both ordinals fail")
        XCTAssertTrue(failed.allSatisfy { $0.count > 5 }, "\(failed.map(\.count))")
    }
}
