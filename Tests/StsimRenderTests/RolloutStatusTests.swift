import StsimEngine
import XCTest

@testable import StsimRender

final class RolloutStatusTests: XCTestCase {
    func testMessages() {
        var s = Fixtures.statefulSet(replicas: 3, ready: 2)
        s.metadata.generation = 2
        s.status.observedGeneration = 1
        XCTAssertEqual(RolloutStatus.evaluate(s), .waiting("Waiting for statefulset spec update to be observed..."))
        s.status.observedGeneration = 2
        XCTAssertEqual(RolloutStatus.evaluate(s), .waiting("Waiting for 1 pods to be ready..."))
        s.status.readyReplicas = 3
        s.status.updatedReplicas = 1
        XCTAssertEqual(
            RolloutStatus.evaluate(s),
            .waiting("Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated..."))
        s.status.updatedReplicas = 3
        XCTAssertEqual(
            RolloutStatus.evaluate(s), .done("partitioned roll out complete: 3 new pods have been updated..."))
        s.spec.updateStrategy = StatefulSetUpdateStrategy(type: .onDelete)
        XCTAssertEqual(
            RolloutStatus.evaluate(s), .error("rollout status is only available for RollingUpdate strategy type"))
    }
}
