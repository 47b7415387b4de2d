/// What the schedules came to, grouped: violations by the promise broken and the kinds of fault
/// involved (each group keeps its first schedule, which breadth-first search makes a smallest
/// one), and the schedules that ended with a StatefulSet short of Ready.
struct FindingLog {
    struct Group {
        var promise: String
        var kinds: [FaultKind]
        var first: RunOutcome
        var count: Int
    }

    private(set) var groups: [Group] = []
    private var index: [String: Int] = [:]
    /// Schedules that ended stuck without breaking a promise, by what was stuck, in first-seen order.
    private(set) var stuck: [(what: String, count: Int)] = []
    private var stuckIndex: [String: Int] = [:]
    private(set) var violating = 0

    mutating func add(_ outcome: RunOutcome) {
        guard let v = outcome.violation else {
            if !outcome.stuck.isEmpty { addStuck(outcome.stuck.joined(separator: ", ")) }
            return
        }
        violating += 1
        let kinds = Array(Set(outcome.faults.map(\.fault.kind))).sorted()
        let key = v.promise + " | " + kinds.map(\.rawValue).joined(separator: ",")
        if let i = index[key] {
            groups[i].count += 1
            // Keep the simplest witness: fewest faults, then earliest.
            if outcome.faults.count < groups[i].first.faults.count { groups[i].first = outcome }
        } else {
            index[key] = groups.count
            groups.append(Group(promise: v.promise, kinds: kinds, first: outcome, count: 1))
        }
    }

    private mutating func addStuck(_ what: String) {
        if let i = stuckIndex[what] {
            stuck[i].count += 1
        } else {
            stuckIndex[what] = stuck.count
            stuck.append((what, 1))
        }
    }
}
