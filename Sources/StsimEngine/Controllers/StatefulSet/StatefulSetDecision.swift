/// `updateStatefulSet` (kubernetes/kubernetes pkg/controller/statefulset/stateful_set_control.go)
/// as a pure function: from the set, the controller's pruned index of its pods and the work taken
/// out of that index, to the operations of one sync and the reasons progress stops (reference 3.3).
/// It changes nothing; `StatefulSetController.perform` carries the operations out.
enum StatefulSetDecision {
    static func decide(
        _ set: StatefulSet, _ s: StatefulSetState, _ work: StatefulSetWork, gates: FeatureGates = FeatureGates()
    ) -> StatefulSetPlan {
        var plan = StatefulSetPlan()
        plan.operations = work.identityRepairs.map { .repairIdentity($0) }
        let gated = gates.maxUnavailableStatefulSet
        let stop = s.monotonic ? orderedPasses(s, &plan) : parallelPasses(s, work, &plan, waitForAll: !gated)
        guard !stop, set.spec.updateStrategy?.type ?? .rollingUpdate == .rollingUpdate else { return plan }
        if gated {
            MaxUnavailableUpdate.pass(set, s, &plan)
        } else {
            updatePass(set, s, &plan)
        }
        return plan
    }

    /// OrderedReady (`monotonic`): the replicas pass stops at the lowest ordinal that is missing
    /// or not settled; then the condemned pass deletes the highest condemned pod, one at a time,
    /// pausing while a condemned pod is unhealthy. True when the sync ends here.
    private static func orderedPasses(_ s: StatefulSetState, _ plan: inout StatefulSetPlan) -> Bool {
        if let o = s.attention.top {
            guard let f = s.pods[o] else {
                plan.operations.append(.createPod(o))
                return true
            }
            if f.finished, !f.terminating {
                plan.operations.append(.deletePod(o, because: .failed))
                return true
            }
            if f.phase == .pending { plan.operations.append(.createMissingClaims(o)) }
            plan.reasons = StatefulSetWhy.blockedAt(o, f, s)
            return true
        }
        guard let c = s.condemned.top, let f = s.pods[c] else { return false }
        if f.terminating {
            plan.reasons = ["scale-down waits: \(s.podName(c)) is terminating"]
        } else if !f.settled, let u = s.condemnedUnhealthy.top, c != u {
            plan.reasons = ["scale-down paused: \(s.podName(u)) is unhealthy"]
        } else if !f.settled, f.healthy {
            // 1.32 names only unhealthy pods `firstUnhealthyPod`: a condemned pod Ready but not yet
            // available is none, so it is not deleted until it is available (kubernetes issue
            // 123918, fixed in 1.33 by counting unavailable pods as unhealthy).
            plan.reasons = [
                "scale-down waits: \(s.podName(c)) is Ready but not available yet (minReadySeconds: \(s.minReadySeconds); kubernetes issue 123918)"
            ]
        } else {
            plan.operations.append(.deletePod(c, because: .scaleDown))
        }
        return true
    }

    /// Parallel (burst): every missing or finished replica and every condemned pod at once. The
    /// update pass waits until the replicas are settled. True when the sync ends here.
    /// With MaxUnavailableStatefulSet on (`waitForAll` false) the update pass itself counts the
    /// unavailable pods instead.
    private static func parallelPasses(
        _ s: StatefulSetState, _ work: StatefulSetWork, _ plan: inout StatefulSetPlan, waitForAll: Bool
    ) -> Bool {
        plan.operations += work.replicas.map { s.pods[$0] == nil ? .createPod($0) : .deletePod($0, because: .failed) }
        plan.operations += work.condemned.map { .deletePod($0, because: .scaleDown) }
        if !plan.operations.isEmpty { return true }
        guard waitForAll, let o = s.attention.top else { return false }
        if s.outdated.top != nil, let f = s.pods[o] { plan.reasons = [rollingUpdateWaits(o, f, s)] }
        return true
    }

    /// The update pass (reference 4.2): the highest out-of-date pod at or above the partition is
    /// deleted (to be recreated at the update revision) once it is healthy, one per sync.
    private static func updatePass(_ set: StatefulSet, _ s: StatefulSetState, _ plan: inout StatefulSetPlan) {
        let partition = s.start + (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0)
        guard let o = s.outdated.top, o >= partition, let f = s.pods[o] else { return }
        if f.healthy {
            plan.operations.append(.deletePod(o, because: .update))
        } else {
            plan.reasons = [rollingUpdateWaits(o, f, s)]
        }
    }

    static func rollingUpdateWaits(_ o: Int, _ f: StatefulPodFacts, _ s: StatefulSetState) -> String {
        "rolling update waits: \(s.podName(o)) \(StatefulSetWhy.state(f, s))"
    }
}

/// What one sync decided to do.
struct StatefulSetPlan: Equatable {
    enum DeleteReason: Equatable { case failed, scaleDown, update }
    enum Operation: Equatable {
        case createPod(Int)
        case createMissingClaims(Int)
        case repairIdentity(Int)
        case deletePod(Int, because: DeleteReason)
    }
    var operations: [Operation] = []
    /// Why progress stops here, one line each (`web-2 waits: web-1 is not Ready (OrderedReady)`).
    var reasons: [String] = []
}

/// The one-shot work a sync takes out of the index before deciding (`StatefulSetState.takeWork`).
struct StatefulSetWork: Equatable {
    /// Ordinals whose pod lost its `statefulset.kubernetes.io/pod-name` label, ascending.
    var identityRepairs: [Int] = []
    /// Parallel: in-range ordinals whose pod is missing or finished, ascending.
    var replicas: [Int] = []
    /// Parallel: condemned pods not yet terminating, highest first.
    var condemned: [Int] = []
}
