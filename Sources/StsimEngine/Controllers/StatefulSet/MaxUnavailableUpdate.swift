/// The rolling update with the MaxUnavailableStatefulSet gate on:
/// `updateStatefulSetAfterInvariantEstablished` (k/k pkg/controller/statefulset/
/// stateful_set_control.go, 1.32). The in-range pods that are not healthy (not Running and Ready,
/// or terminating) count against maxUnavailable; the rest of the budget deletes out-of-date pods
/// at or above the partition, highest ordinal first, several in one sync.
///
/// As in 1.32 the count ignores minReadySeconds (kubernetes#112307, fixed in 1.33 by #130909):
/// with OrderedReady the replicas pass has already waited for every pod to be available, with
/// Parallel a pod Ready for less than minReadySeconds counts as available.
enum MaxUnavailableUpdate {
    static func pass(_ set: StatefulSet, _ s: StatefulSetState, _ plan: inout StatefulSetPlan) {
        let partition = s.start + (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0)
        let budget = Validation.statefulSetMaxUnavailable(
            set.spec.updateStrategy?.rollingUpdate?.maxUnavailable, replicas: s.replicas)
        guard let top = s.outdated.top, top >= partition else { return }
        let unavailable = unhealthyCount(s, atLeast: budget)
        if unavailable >= budget {
            plan.reasons = [
                "rolling update waits: \(unavailable) \(unavailable == 1 ? "pod is" : "pods are") unavailable (maxUnavailable \(budget))"
            ]
            return
        }
        var left = budget - unavailable
        for o in stride(from: top, through: partition, by: -1) where left > 0 {
            guard let f = s.pods[o], f.revision != s.updateRevision, !f.terminating else { continue }
            plan.operations.append(.deletePod(o, because: .update))
            left -= 1
        }
    }

    /// In-range pods missing or not healthy, counted up to `limit` (enough to decide). When no
    /// in-range pod needs attention (the OrderedReady pass's index) all are healthy: no scan.
    static func unhealthyCount(_ s: StatefulSetState, atLeast limit: Int) -> Int {
        guard s.attention.top != nil else { return 0 }
        var n = 0
        for o in s.start..<s.end {
            if !(s.pods[o]?.healthy ?? false) { n += 1 }
            if n >= limit { break }
        }
        return n
    }
}
