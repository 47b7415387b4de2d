import StsimEngine
import StsimLanguage

/// The search over fault schedules. From the scenario's end to the horizon, at every instant
/// where something happens (and at the start), it may inject any fault that applies, up to
/// `maxFaults` per schedule, in every order; every schedule runs to the horizon (or until
/// nothing more is due, or a promise breaks). With pruning, a state reached before with at least
/// as many faults left is not explored again: its futures were all tried.
final class Explorer {
    struct Options {
        var kinds: [FaultKind]
        var maxFaults: Int
        var prune: Bool
        /// Try one order of faults that commute (`Independence`): the partial-order reduction.
        var reduce = false
    }

    let runner: ScheduleRunner
    let options: Options
    let interrupted: () -> Bool
    /// Called after every schedule with the count so far (the progress line).
    var progress: (Int) -> Void = { _ in }

    private(set) var schedules = 0
    private(set) var pruned = 0
    /// Faults not tried at an instant because the other order of them was (the reduction).
    private(set) var reordered = 0
    /// States fingerprinted, and the most faults still allowed when each was first reached.
    private var visited: [StateDigest: Int] = [:]
    private(set) var statesChecked = 0
    private(set) var stopped = false
    private(set) var findings = FindingLog()

    init(runner: ScheduleRunner, options: Options, interrupted: @escaping () -> Bool) {
        self.runner = runner
        self.options = options
        self.interrupted = interrupted
    }

    var distinctStates: Int { visited.count }

    /// True when this state (with this many faults left) is new; remembers it.
    func visit(_ cluster: Cluster, budget: Int) -> Bool {
        guard options.prune else { return true }
        statesChecked += 1
        let digest = StateDigest(cluster)
        if let seen = visited[digest], seen >= budget { return false }
        visited[digest] = budget
        return true
    }

    func record(_ outcome: RunOutcome) {
        schedules += 1
        findings.add(outcome)
        progress(schedules)
        if interrupted() { stopped = true }
    }

    // MARK: Depth-first, over clones

    func depthFirst() {
        descend(runner.base.clone(), at: runner.start, trace: [], budget: options.maxFaults)
    }

    /// `asleep`: faults this state need not try at `start` (the reduction's sleep set): the same
    /// faults in the other order were tried. A state with faults asleep was not explored in full,
    /// so it is neither pruned nor remembered as explored.
    private func descend(_ cluster: Cluster, at start: Place, trace: [TimedFault], budget: Int, asleep: [Fault] = []) {
        var place = start
        var asleep = asleep
        while !stopped {
            if budget > 0 {
                if asleep.isEmpty {
                    guard visit(cluster, budget: budget) else {
                        pruned += 1
                        return
                    }
                }
                var tried: [Fault] = []
                for fault in FaultMenu.enabled(options.kinds, in: cluster) where !stopped {
                    if asleep.contains(fault) {
                        reordered += 1
                        continue
                    }
                    let sleep = childSleep(after: fault, asleep: asleep, tried: tried, in: cluster)
                    let child = cluster.clone()
                    guard runner.inject(fault, into: child) else { continue }
                    tried.append(fault)
                    let childTrace = trace + [TimedFault(fault, at: place)]
                    if runner.monitorViolation(child) != nil {
                        record(runner.outcome(child, faults: childTrace))
                    } else {
                        descend(child, at: place, trace: childTrace, budget: budget - 1, asleep: sleep)
                    }
                }
            }
            // The sleep set holds for this instant only.
            asleep = []
            guard !stopped else { return }
            guard let next = runner.step(cluster, from: place), runner.monitorViolation(cluster) == nil else {
                return record(runner.outcome(cluster, faults: trace))
            }
            place = next
        }
    }

    private func childSleep(after fault: Fault, asleep: [Fault], tried: [Fault], in cluster: Cluster) -> [Fault] {
        options.reduce ? Independence.sleep(after: fault, asleep: asleep, tried: tried, in: cluster) : []
    }

    // MARK: Breadth-first, by replaying schedules

    /// Every schedule of k faults before any of k + 1: the queue holds fault lists, each replayed
    /// from the scenario's end (memory stays small; the first violations found are the smallest).
    func breadthFirst() {
        var queue: [(trace: [TimedFault], asleep: [Fault])] = [([], [])]
        var head = 0
        while head < queue.count, !stopped {
            let trace = queue[head].trace
            var asleep = queue[head].asleep
            head += 1
            let cluster = runner.base.clone()
            var place = runner.start
            guard replay(trace, cluster, at: &place) else { continue }
            let budget = options.maxFaults - trace.count
            while !stopped {
                if budget > 0 {
                    if asleep.isEmpty {
                        guard visit(cluster, budget: budget) else {
                            pruned += 1
                            break
                        }
                    }
                    var tried: [Fault] = []
                    for fault in FaultMenu.enabled(options.kinds, in: cluster) {
                        if asleep.contains(fault) {
                            reordered += 1
                            continue
                        }
                        let sleep = childSleep(after: fault, asleep: asleep, tried: tried, in: cluster)
                        tried.append(fault)
                        queue.append((trace + [TimedFault(fault, at: place)], sleep))
                    }
                }
                asleep = []
                guard let next = runner.step(cluster, from: place), runner.monitorViolation(cluster) == nil else {
                    record(runner.outcome(cluster, faults: trace))
                    break
                }
                place = next
            }
            // Fault lists already replayed are done with: let the queue's storage go.
            if head > 4096 {
                queue.removeFirst(head)
                head = 0
            }
        }
    }

    /// Injects `trace`'s faults where they came; false if one did not apply or a promise broke
    /// before the last (the schedule that broke it was recorded when it was first run).
    private func replay(_ trace: [TimedFault], _ cluster: Cluster, at place: inout Place) -> Bool {
        for f in trace {
            guard runner.reach(f.place, cluster, from: &place), runner.inject(f.fault, into: cluster) else {
                return false
            }
        }
        if runner.monitorViolation(cluster) != nil {
            record(runner.outcome(cluster, faults: trace))
            return false
        }
        return true
    }

    // MARK: Random (swarm)

    /// Each run picks its own non-empty subset of the fault kinds, then at each instant injects one
    /// of them with probability 1/8 while faults remain.
    func random(runs: Int, seed: UInt64) {
        var rng = SplitMix(seed: seed)
        for _ in 0..<runs where !stopped {
            var kinds = options.kinds.filter { _ in rng.next() & 1 == 1 }
            if kinds.isEmpty { kinds = [options.kinds[Int(rng.next() % UInt64(options.kinds.count))]] }
            let cluster = runner.base.clone()
            var place = runner.start
            var trace: [TimedFault] = []
            while true {
                if trace.count < options.maxFaults, rng.next() % 8 == 0 {
                    let menu = FaultMenu.enabled(kinds, in: cluster)
                    if !menu.isEmpty {
                        let fault = menu[Int(rng.next() % UInt64(menu.count))]
                        if runner.inject(fault, into: cluster) { trace.append(TimedFault(fault, at: place)) }
                    }
                }
                _ = visit(cluster, budget: options.maxFaults - trace.count)
                guard runner.monitorViolation(cluster) == nil, let next = runner.step(cluster, from: place),
                    runner.monitorViolation(cluster) == nil
                else { break }
                place = next
            }
            record(runner.outcome(cluster, faults: trace))
        }
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same runs on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
