import XCTest

@testable import StsimEngine

/// The MaxUnavailableStatefulSet gate (alpha, off in 1.32): the API keeps or drops
/// `spec.updateStrategy.rollingUpdate.maxUnavailable`, and the controller's rolling update
/// (`updateStatefulSetAfterInvariantEstablished`) deletes up to that many pods per sync.
final class MaxUnavailableUpdateTests: XCTestCase {
    private func manager(
        _ maxUnavailable: String?, policy: PodManagementPolicy = .orderedReady, partition: Int = 0, gate: Bool = true
    ) -> StatefulSetFakeObjectManager {
        var m = StatefulSetFakeObjectManager(
            replicas: 5, policy: policy,
            updateStrategy: StatefulSetUpdateStrategy(
                type: .rollingUpdate,
                rollingUpdate: RollingUpdateStatefulSetStrategy(partition: partition, maxUnavailable: maxUnavailable)))
        m.gates.maxUnavailableStatefulSet = gate
        m.runUntilDone()
        m.recorded = []
        m.roll(to: "web-b")
        return m
    }

    private func deleted(_ plan: StatefulSetPlan) -> [String] {
        plan.operations.compactMap {
            if case .deletePod(let o, .update) = $0 { return "web-\(o)" }
            return nil
        }
    }

    func testOrderedReadyDeletesTwoHighestAtOnceThenRecreatesInOrder() {
        var m = manager("2")
        XCTAssertEqual(deleted(m.sync()), ["web-4", "web-3"])
        // Terminating pods are not Ready: the replicas pass waits, nothing more is deleted.
        XCTAssertEqual(deleted(m.sync()), [])
        m.finishDeletions()
        XCTAssertEqual(m.sync().operations, [.createPod(3)])
        m.setReady(3)
        XCTAssertEqual(m.sync().operations, [.createPod(4)])
        m.setReady(4)
        XCTAssertEqual(deleted(m.sync()), ["web-2", "web-1"])
        m.finishDeletions()
        m.runUntilDone()
        XCTAssertEqual(m.revisions, (0..<5).map { "web-\($0)=web-b" })
        XCTAssertEqual(
            m.recorded.filter { $0.hasSuffix("(update)") },
            [
                "delete web-4 (update)", "delete web-3 (update)", "delete web-2 (update)", "delete web-1 (update)",
                "delete web-0 (update)",
            ])
    }

    func testWithTheGateOffAKeptFieldIsIgnoredOnePodAtATime() {
        // A set written while the gate was on keeps the field; the controller then uses 1.
        var m = manager("2", gate: false)
        XCTAssertEqual(deleted(m.sync()), ["web-4"])
    }

    func testWithoutTheFieldTheGatedPathUsesOne() {
        var m = manager(nil)
        XCTAssertEqual(deleted(m.sync()), ["web-4"])
    }

    func testPartitionStopsTheBatch() {
        var m = manager("3", partition: 3)
        XCTAssertEqual(deleted(m.sync()), ["web-4", "web-3"])
        m.finishDeletions()
        m.runUntilDone()
        XCTAssertEqual(m.revisions, ["web-0=web-a", "web-1=web-a", "web-2=web-a", "web-3=web-b", "web-4=web-b"])
    }

    func testParallelKeepsAWindowOfUnavailablePods() {
        var m = manager("2", policy: .parallel)
        XCTAssertEqual(deleted(m.sync()), ["web-4", "web-3"])
        m.finishDeletions()
        XCTAssertEqual(m.sync().operations, [.createPod(3), .createPod(4)])
        let waiting = m.sync()
        XCTAssertEqual(deleted(waiting), [])
        XCTAssertEqual(waiting.reasons, ["rolling update waits: 2 pods are unavailable (maxUnavailable 2)"])
        // One replacement Ready frees one place: the next pod goes without waiting for the other.
        m.setReady(4)
        XCTAssertEqual(deleted(m.sync()), ["web-2"])
    }

    func testUnavailablePodsBelowThePartitionCountToo() {
        var m = manager("2", policy: .parallel, partition: 2)
        m.setReady(0, false)
        XCTAssertEqual(deleted(m.sync()), ["web-4"])
    }

    func testPercentagesRoundUpAndNeverGoBelowOne() {
        let cases: [(String?, Int, Int)] = [
            (nil, 5, 1), ("2", 5, 2), ("30%", 5, 2), ("10%", 5, 1), ("1%", 5, 1), ("100%", 5, 5), ("50%", 0, 1),
        ]
        for (value, replicas, want) in cases {
            XCTAssertEqual(
                Validation.statefulSetMaxUnavailable(value, replicas: replicas), want,
                "\(value ?? "nil") of \(replicas)")
        }
    }

    func testValidationRefusesZeroNegativeAndOverAHundredPercent() {
        let field = "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "
        XCTAssertEqual(Validation.maxUnavailable("2").map(\.text), [])
        XCTAssertEqual(Validation.maxUnavailable("40%").map(\.text), [])
        XCTAssertEqual(
            Validation.maxUnavailable("0").map(\.text),
            [field + "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0"])
        XCTAssertEqual(
            Validation.maxUnavailable("0%").map(\.text),
            [field + "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: cannot be 0"])
        XCTAssertEqual(Validation.maxUnavailable("-1").map(\.text), [field + "-1: must be greater than or equal to 0"])
        XCTAssertEqual(
            Validation.maxUnavailable("150%").map(\.text),
            [field + "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%"])
    }

    func testTheAPIDropsTheFieldOnlyWithTheGateOff() {
        func set(_ name: String) -> StatefulSet {
            var s = StatefulSet.make(name: name, image: "nginx:1.27", replicas: 2)
            s.spec.updateStrategy = StatefulSetUpdateStrategy(
                type: .rollingUpdate, rollingUpdate: RollingUpdateStatefulSetStrategy(maxUnavailable: "2"))
            return s
        }
        let c = Cluster()
        _ = c.mustCreate(.statefulSet(set("off")))
        XCTAssertNil(c.sts("off")!.spec.updateStrategy?.rollingUpdate?.maxUnavailable)
        c.featureGates.maxUnavailableStatefulSet = true
        _ = c.mustCreate(.statefulSet(set("on")))
        XCTAssertEqual(c.sts("on")!.spec.updateStrategy?.rollingUpdate?.maxUnavailable, "2")
        // Turned off again: a set that already uses the field keeps it on update, as upstream does.
        c.featureGates.maxUnavailableStatefulSet = false
        var on = c.sts("on")!
        on.spec.updateStrategy?.rollingUpdate?.maxUnavailable = "3"
        XCTAssertNoThrow(try c.update(.statefulSet(on)).get())
        XCTAssertEqual(c.sts("on")!.spec.updateStrategy?.rollingUpdate?.maxUnavailable, "3")
    }

    func testWithTheGateOnTheFieldDefaultsToOneWithoutANewGeneration() {
        let c = Cluster()
        _ = c.mustCreate(.statefulSet(StatefulSet.make(name: "old", image: "nginx:1.27", replicas: 2)))
        c.featureGates.maxUnavailableStatefulSet = true
        _ = c.mustCreate(.statefulSet(StatefulSet.make(name: "new", image: "nginx:1.27", replicas: 2)))
        XCTAssertEqual(c.sts("new")!.spec.updateStrategy?.rollingUpdate?.maxUnavailable, "1")
        // An update of a set stored before: the default appears, and the spec counts as unchanged
        // (the server reads the stored set back with today's defaults).
        var old = c.sts("old")!
        XCTAssertNil(old.spec.updateStrategy?.rollingUpdate?.maxUnavailable)
        old.metadata.labels["tier"] = "web"
        XCTAssertNoThrow(try c.update(.statefulSet(old)).get())
        XCTAssertEqual(c.sts("old")!.spec.updateStrategy?.rollingUpdate?.maxUnavailable, "1")
        XCTAssertEqual(c.sts("old")!.metadata.generation, 1)
    }

    func testFeatureGateListsParseAsTheFlagDoes() {
        var g = FeatureGates()
        XCTAssertNil(g.set("MaxUnavailableStatefulSet=true"))
        XCTAssertTrue(g.maxUnavailableStatefulSet)
        XCTAssertNil(g.set(" MaxUnavailableStatefulSet = false ,"))
        XCTAssertFalse(g.maxUnavailableStatefulSet)
        XCTAssertEqual(g.set("Foo=true")?.message, "unrecognized feature gate: Foo")
        XCTAssertEqual(g.set("Foo=true")?.hint, "stsim models only MaxUnavailableStatefulSet (Kubernetes 1.32)")
        XCTAssertEqual(g.set("MaxUnavailableStatefulSet")?.message, "missing bool value for MaxUnavailableStatefulSet")
        XCTAssertEqual(
            g.set("MaxUnavailableStatefulSet=yes")?.message,
            "invalid value of MaxUnavailableStatefulSet=yes, err: strconv.ParseBool: parsing \"yes\": invalid syntax")
    }
}
