import XCTest

@testable import StsimEngine

/// The disruption controller's counts (pkg/controller/disruption) and the eviction subresource's
/// verdicts (eviction.go), stepped directly and through a cluster.
final class DisruptionBudgetTests: XCTestCase {
    private func budget(
        min: String? = nil, max: String? = nil, policy: UnhealthyPodEvictionPolicy? = nil,
        status: PodDisruptionBudgetStatus = PodDisruptionBudgetStatus(observedGeneration: 1)
    ) -> PodDisruptionBudget {
        var b = PodDisruptionBudget(
            metadata: ObjectMeta(name: "web-pdb"),
            spec: PodDisruptionBudgetSpec(
                minAvailable: min, maxUnavailable: max, selector: LabelSelector(matchLabels: ["app": "web"]),
                unhealthyPodEvictionPolicy: policy),
            status: status)
        b.metadata.generation = 1
        return b
    }

    private func webCluster(replicas: Int = 3) -> Cluster {
        let c = Cluster()
        c.mustCreate(.service(.headless(name: "web", selector: ["app": "web"], port: 8080, portName: "http")))
        c.mustCreate(
            .statefulSet(StatefulSet.make(name: "web", image: "nginx:1.27", replicas: replicas, serviceName: "web")))
        c.settle()
        return c
    }

    private func pdb(_ c: Cluster) -> PodDisruptionBudget? { c.get(PodDisruptionBudget.self, "web-pdb") }

    func testPercentagesRoundUp() {
        XCTAssertEqual(DisruptionController.scaled("50%", total: 3), 2)
        XCTAssertEqual(DisruptionController.scaled("34%", total: 3), 2)
        XCTAssertEqual(DisruptionController.scaled("33%", total: 3), 1)
        XCTAssertEqual(DisruptionController.scaled("0%", total: 3), 0)
        XCTAssertEqual(DisruptionController.scaled("2", total: 3), 2)
    }

    func testAllowedIsCurrentMinusDesiredAndNeverNegative() {
        let b = budget(min: "2")
        XCTAssertEqual(
            DisruptionController.status(b, expected: 3, desired: 2, current: 3, disrupted: [:], now: .zero)
                .disruptionsAllowed, 1)
        XCTAssertEqual(
            DisruptionController.status(b, expected: 3, desired: 2, current: 1, disrupted: [:], now: .zero)
                .disruptionsAllowed, 0)
        // No expected pods: nothing may be disrupted, whatever the counts say.
        XCTAssertEqual(
            DisruptionController.status(b, expected: 0, desired: 0, current: 2, disrupted: [:], now: .zero)
                .disruptionsAllowed, 0)
        let s = DisruptionController.status(b, expected: 3, desired: 2, current: 3, disrupted: [:], now: .zero)
        XCTAssertEqual(s.conditions.map(\.reason), ["SufficientPods"])
        XCTAssertEqual(s.conditions.first?.status, .true)
    }

    func testConditionTimeMovesOnlyWithItsStatus() {
        var s = PodDisruptionBudgetStatus(disruptionsAllowed: 1)
        DisruptionController.setAllowedCondition(&s, now: VirtualTime(milliseconds: 1000))
        DisruptionController.setAllowedCondition(&s, now: VirtualTime(milliseconds: 5000))
        XCTAssertEqual(s.conditions.first?.lastTransitionTime, VirtualTime(milliseconds: 1000))
        s.disruptionsAllowed = 0
        DisruptionController.setAllowedCondition(&s, now: VirtualTime(milliseconds: 9000))
        XCTAssertEqual(s.conditions.count, 1)
        XCTAssertEqual(s.conditions.first?.reason, "InsufficientPods")
        XCTAssertEqual(s.conditions.first?.lastTransitionTime, VirtualTime(milliseconds: 9000))
    }

    func testRecentlyDisruptedPodsDoNotCountAsHealthy() {
        let c = webCluster()
        let pods = c.list(Pod.self)
        let now = c.now
        XCTAssertEqual(DisruptionController.currentHealthy(pods, disrupted: [:], now: now), 3)
        XCTAssertEqual(DisruptionController.currentHealthy(pods, disrupted: ["web-1": now], now: now), 2)
        let old = now - DisruptionController.deletionTimeout
        XCTAssertEqual(DisruptionController.currentHealthy(pods, disrupted: ["web-1": old], now: now), 3)
    }

    func testVerdicts() {
        let refusal = "Cannot evict pod as it would violate the pod's disruption budget."
        let some = budget(
            min: "2",
            status: PodDisruptionBudgetStatus(
                observedGeneration: 1, disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3))
        XCTAssertEqual(Cluster.evictionVerdict(some, podReady: true), .allowed)
        let none = budget(
            min: "3",
            status: PodDisruptionBudgetStatus(
                observedGeneration: 1, currentHealthy: 2, desiredHealthy: 3, expectedPods: 3))
        guard case .refused(let e) = Cluster.evictionVerdict(none, podReady: true) else { return XCTFail("refused") }
        XCTAssertEqual(e.code, 429)
        XCTAssertEqual(e.message, refusal)
        XCTAssertEqual(e.causes.map(\.body), ["The disruption budget web-pdb needs 3 healthy pods and has 2 currently"])
        // Not yet seen by the controller: refused until it has counted.
        var unseen = some
        unseen.metadata.generation = 2
        guard case .refused(let late) = Cluster.evictionVerdict(unseen, podReady: true) else { return XCTFail("late") }
        XCTAssertEqual(
            late.causes.map(\.body), ["The disruption budget web-pdb is still being processed by the server."])
    }

    func testUnhealthyPodPolicies() {
        // IfHealthyBudget (the default): a not-Ready pod goes for free only while the budget is met.
        let met = budget(
            min: "2",
            status: PodDisruptionBudgetStatus(
                observedGeneration: 1, currentHealthy: 2, desiredHealthy: 2, expectedPods: 3))
        XCTAssertEqual(Cluster.evictionVerdict(met, podReady: false), .allowedWithoutSpending)
        let short = budget(
            min: "3",
            status: PodDisruptionBudgetStatus(
                observedGeneration: 1, currentHealthy: 2, desiredHealthy: 3, expectedPods: 3))
        guard case .refused = Cluster.evictionVerdict(short, podReady: false) else { return XCTFail("IfHealthyBudget") }
        // A Ready pod is never free, whatever the policy.
        var always = short
        always.spec.unhealthyPodEvictionPolicy = .alwaysAllow
        XCTAssertEqual(Cluster.evictionVerdict(always, podReady: false), .allowedWithoutSpending)
        guard case .refused = Cluster.evictionVerdict(always, podReady: true) else { return XCTFail("Ready pod") }
    }

    func testEvictionSpendsTheBudgetUntilTheReplacementIsReady() throws {
        let c = webCluster()
        c.mustCreate(.podDisruptionBudget(budget(min: "2")))
        c.settle()
        XCTAssertEqual(pdb(c)?.status.disruptionsAllowed, 1)
        XCTAssertEqual(pdb(c)?.status.expectedPods, 3)
        guard case .success = c.evict(pod: "web-1") else { return XCTFail("first eviction") }
        XCTAssertEqual(pdb(c)?.status.disruptionsAllowed, 0)
        guard case .failure(let e) = c.evict(pod: "web-2") else { return XCTFail("second eviction must be refused") }
        XCTAssertEqual(e.reason, .tooManyRequests)
        XCTAssertNil(c.pod("web-2")?.metadata.deletionTimestamp)
        c.settle()
        XCTAssertEqual(pdb(c)?.status.disruptionsAllowed, 1, "the new web-1 is Ready")
        guard case .success = c.evict(pod: "web-2") else { return XCTFail("allowed again") }
    }

    func testMaxUnavailableCountsTheSetsReplicas() {
        let c = webCluster()
        c.mustCreate(.podDisruptionBudget(budget(max: "1")))
        c.settle()
        XCTAssertEqual(pdb(c)?.status.expectedPods, 3)
        XCTAssertEqual(pdb(c)?.status.desiredHealthy, 2)
        _ = c.scale(.statefulSet, "web", replicas: 5)
        c.settle()
        XCTAssertEqual(pdb(c)?.status.expectedPods, 5)
        XCTAssertEqual(pdb(c)?.status.desiredHealthy, 4)
        XCTAssertEqual(pdb(c)?.status.disruptionsAllowed, 1)
    }

    func testTwoBudgetsOverOnePodAreAnInternalError() {
        let c = webCluster()
        c.mustCreate(.podDisruptionBudget(budget(min: "1")))
        var second = budget(max: "1")
        second.metadata.name = "other"
        c.mustCreate(.podDisruptionBudget(second))
        c.settle()
        guard case .failure(let e) = c.evict(pod: "web-0") else { return XCTFail("two budgets") }
        XCTAssertEqual(e.code, 500)
        XCTAssertEqual(
            e.message,
            "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
    }

    func testValidation() {
        XCTAssertEqual(
            Validation.validate(PodDisruptionBudgetSpec(minAvailable: "-1")).map(\.text),
            ["spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"])
        XCTAssertEqual(
            Validation.validate(PodDisruptionBudgetSpec(maxUnavailable: "101%")).map(\.text),
            [
                "spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"101%\"}: must not be greater than 100%"
            ])
        XCTAssertEqual(Validation.validate(PodDisruptionBudgetSpec(minAvailable: "100%")), [])
        XCTAssertEqual(Validation.validate(PodDisruptionBudgetSpec(minAvailable: "1", maxUnavailable: "1")).count, 1)
    }
}
