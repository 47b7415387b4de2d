import StsimEngine

/// Shrinks a schedule that breaks a promise (delta debugging, one fault at a time, which is
/// enough for the handful of faults a schedule holds): first drop every fault the violation does
/// not need, until dropping any one more loses it (1-minimal), then move each fault to the
/// earliest place where the violation still follows.
struct Minimiser {
    let runner: ScheduleRunner
    /// Replays tried, for the summary's measure of the work.
    private(set) var replays = 0

    init(runner: ScheduleRunner) { self.runner = runner }

    mutating func minimise(_ outcome: RunOutcome) -> RunOutcome {
        guard let violation = outcome.violation else { return outcome }
        var best = outcome
        var dropped = true
        while dropped {
            dropped = false
            for i in best.faults.indices {
                var fewer = best.faults
                fewer.remove(at: i)
                if let o = reproduce(fewer, violation) {
                    best = o
                    dropped = true
                    break
                }
            }
        }
        for i in best.faults.indices {
            for place in earlierPlaces(best.faults, index: i) {
                var moved = best.faults
                moved[i] = TimedFault(moved[i].fault, at: place)
                if let o = reproduce(moved, violation) {
                    best = o
                    break
                }
            }
        }
        return best
    }

    /// The outcome of `faults` when it breaks the same promise.
    private mutating func reproduce(_ faults: [TimedFault], _ violation: Violation) -> RunOutcome? {
        replays += 1
        guard let o = runner.replay(faults), let v = o.violation, v.promise == violation.promise else { return nil }
        return o
    }

    /// The places between the previous fault (or the start) and fault `index`, earliest first.
    private func earlierPlaces(_ faults: [TimedFault], index: Int) -> [Place] {
        let cluster = runner.base.clone()
        var place = runner.start
        for f in faults[..<index] {
            guard runner.reach(f.place, cluster, from: &place), runner.inject(f.fault, into: cluster) else {
                return []
            }
        }
        var places: [Place] = []
        let target = faults[index].place
        while place < target {
            places.append(place)
            guard let next = runner.step(cluster, from: place), runner.monitorViolation(cluster) == nil else { break }
            place = next
        }
        return places
    }
}
