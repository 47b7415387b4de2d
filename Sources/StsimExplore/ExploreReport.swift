import StsimEngine
import StsimLanguage

/// The summary `explore` prints: what was searched, how much, what broke (each distinct
/// violation once, with its minimised script), what ended stuck, and plainly what was not covered.
struct ExploreReport {
    let request: ExploreRequest
    let explorer: Explorer
    let start: VirtualTime
    let setup: [String]
    private(set) var examples: [(example: Counterexample, count: Int, script: String)] = []

    init(request: ExploreRequest, explorer: Explorer, start: VirtualTime, setup: [String]) {
        self.request = request
        self.explorer = explorer
        self.start = start
        self.setup = setup
    }

    /// Groups that minimise to the same script are one finding.
    mutating func add(_ example: Counterexample, count: Int) {
        let script = example.script(setup: setup, scenario: request.file.text)
        if let i = examples.firstIndex(where: { $0.script == script }) {
            examples[i].count += count
        } else {
            examples.append((example, count, script))
        }
    }

    func lines() -> [String] {
        var out = [header, searched]
        if request.prune { out.append("states: \(explorer.distinctStates.groupedDigits) distinct") }
        let broken = explorer.findings.violating
        if examples.isEmpty {
            out.append("violations: none")
        } else {
            out.append(
                "violations: \(broken.groupedDigits) schedule\(broken == 1 ? " breaks" : "s break") a promise, \(examples.count) distinct (minimised):"
            )
        }
        for (i, e) in examples.enumerated() {
            let kinds = Array(Set(e.example.outcome.faults.map(\.fault.kind))).sorted().map(\.rawValue)
            let faults = kinds.isEmpty ? "no fault" : kinds.joined(separator: ", ")
            out.append(
                "\(i + 1). \(e.example.violation.promise) (\(faults)): \(e.count.groupedDigits) schedule\(e.count == 1 ? "" : "s")"
            )
            out += e.example.explanation.map { "   " + $0 }
            if request.out == nil { out += e.script.split(separator: "\n").map { "     | " + $0 } }
        }
        for s in explorer.findings.stuck {
            out.append("stuck: \(s.count.groupedDigits) schedule\(s.count == 1 ? "" : "s") ended with \(s.what)")
        }
        out.append("not covered: " + notCovered.joined(separator: "; "))
        return out
    }

    func files() -> [(String, String)] {
        var used: [String: Int] = [:]
        return examples.map { e in
            let base = e.example.fileName
            used[base, default: 0] += 1
            let n = used[base]!
            return ((n == 1 ? base : "\(base)-\(n)") + ".sts", e.script)
        }
    }

    private var header: String {
        let strategy: String
        switch request.strategy {
        case .depthFirst: strategy = "depth-first"
        case .breadthFirst: strategy = "breadth-first"
        case .random(let runs, let seed): strategy = "\(runs.groupedDigits) random runs, seed \(seed)"
        }
        return
            "explore \(request.file.text): \(request.faults.joined(separator: ", ")); up to \(request.maxFaults) fault\(request.maxFaults == 1 ? "" : "s") from \(start) to \(start.clampedAdding(request.horizon)); \(strategy)"
    }

    private var searched: String {
        var line = "schedules: \(explorer.schedules.groupedDigits) run to the end"
        if case .random = request.strategy { return line }
        if request.prune { line += ", \(explorer.pruned.groupedDigits) cut short at a state already explored" }
        if explorer.reordered > 0 {
            line +=
                ", \(explorer.reordered.groupedDigits) fault orders skipped (the other order of commuting faults was run)"
        }
        return line
    }

    private var notCovered: [String] {
        var out: [String] = []
        if explorer.stopped {
            out.append("the rest of the search (stopped after \(explorer.schedules.groupedDigits) schedules)")
        }
        if case .random = request.strategy {
            out.append("every schedule not drawn (random runs sample, they prove nothing)")
        }
        let unused = ExploreRequest.faultKinds.filter { !request.faults.contains($0) }
        if !unused.isEmpty { out.append("faults not asked for (\(unused.joined(separator: ", ")))") }
        out.append("more than \(request.maxFaults) fault\(request.maxFaults == 1 ? "" : "s")")
        out.append("faults between two instants (only instants where something happens are tried)")
        out.append("anything after \(start.clampedAdding(request.horizon))")
        if start > .zero { out.append("faults during the scenario's own \(start) (its commands ran once, as written)") }
        out.append("drain and graceful deletes (not explore faults yet)")
        out.append("lost acknowledged writes (not checked yet)")
        if explorer.reordered > 0 {
            out.append(
                "the second order of two faults at one instant on different nodes and pods (taken to commute: each node's consequences are its own)"
            )
        }
        if request.prune { out.append("a state whose 64-bit fingerprint matched another's (odds near n²/2^65)") }
        return out
    }
}
