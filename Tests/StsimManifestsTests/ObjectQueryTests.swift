import StsimEngine
import XCTest

@testable import StsimManifests

/// What kubectl wait reads: conditions and simple JSONPaths, from the object's wire form.
final class ObjectQueryTests: XCTestCase {
    private func path(_ text: String) -> FieldPath { try! FieldPath.parse(text).get() }

    func testConditionsCompareWithoutCase() {
        var pod = Pod(metadata: ObjectMeta(name: "web-0"))
        pod.status.conditions = [PodCondition(type: .ready, status: .true)]
        XCTAssertTrue(ObjectQuery.conditionHolds(.pod(pod), type: "ready", status: "True"))
        XCTAssertFalse(ObjectQuery.conditionHolds(.pod(pod), type: "Ready", status: "false"))
        XCTAssertFalse(ObjectQuery.conditionHolds(.pod(pod), type: "Initialized", status: "true"))
    }

    func testValues() {
        var set = StatefulSet(metadata: ObjectMeta(name: "web"))
        set.spec.replicas = 3
        set.status.readyReplicas = 2
        set.spec.template.spec.containers = [Container(name: "nginx", image: "nginx:1.27")]
        let o = KubeObject.statefulSet(set)
        XCTAssertEqual(ObjectQuery.value(o, at: path("{.status.readyReplicas}")), .scalar("2"))
        XCTAssertEqual(
            ObjectQuery.value(o, at: path("{.spec.template.spec.containers[0].image}")), .scalar("nginx:1.27"))
        XCTAssertEqual(ObjectQuery.value(o, at: path("{.spec.template.spec.containers[1].image}")), nil)
        XCTAssertEqual(ObjectQuery.value(o, at: path("{.spec.nothing}")), nil)
        XCTAssertEqual(ObjectQuery.value(o, at: path("{.spec.template}")), .nested)
    }
}
