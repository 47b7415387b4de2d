import StsimEngine
import StsimLanguage

/// A minimised schedule as a script anyone can run: the scenario's own commands, then ticks and
/// faults to the moment the promise breaks, then the check that fails there (so the script exits
/// 1 with the explorer's finding), with a three-line explanation on top.
struct Counterexample {
    let outcome: RunOutcome
    let violation: Violation
    /// The scenario's end, where the schedule starts.
    let start: VirtualTime

    init?(_ outcome: RunOutcome, start: VirtualTime) {
        guard let v = outcome.violation else { return nil }
        self.outcome = outcome
        violation = v
        self.start = start
    }

    /// The three lines, in stsim's own words.
    var explanation: [String] {
        let faults = outcome.faults.map { "\($0.fault.text) at \($0.time)" }
        let needed =
            faults.isEmpty
            ? "No fault is needed: the scenario alone does it."
            : "It takes \(faults.joined(separator: ", then ")); without any one of them, or any earlier, it does not happen."
        return ["At \(violation.time): \(what).", needed, why]
    }

    private var what: String {
        if let check = violation.check { return "`\(check)` fails: \(violation.message)" }
        if violation.invariant == "at-most-one" {
            return violation.message.replacingPrefix("at-most-one violated: ", with: "") + ", two copies at once"
        }
        return violation.message
    }

    private var why: String {
        let cut = outcome.faults.first { [.partition, .crash].contains($0.fault.kind) }?.fault.target
        switch violation.invariant {
        case "at-most-one":
            if let stale = outcome.faults.first(where: { $0.fault.kind == .staleKubelet })?.fault.target {
                return
                    "The kubelet on \(stale) restarted and listed its pods from a cache \(Fault.staleness) stale, which still had a deleted pod bound to \(stale), so it started that pod again beside its replacement (kubernetes issue 59848)."
            }
            if let deleted = outcome.faults.first(where: { $0.fault.kind == .forceDelete })?.fault.target {
                let node = cut.map { " while \($0) was cut off" } ?? ""
                return
                    "Force-deleting \(deleted)\(node) made the API forget a pod its kubelet still ran, so the controller started a new \(deleted) elsewhere."
            }
            return "The API lost sight of a running copy, so the controller started a second one."
        case "ordered-ready":
            if outcome.faults.contains(where: { $0.fault.kind == .lagPods }) {
                return
                    "The controller's pod watch was \(Fault.lag) late: it decided from a cache that still showed the lower pod Ready (it reads its cache, not the API; kubernetes issue 41889)."
            }
            return "OrderedReady creates a pod only once every lower ordinal is Running and Ready; here one was not."
        case "claim-kept":
            return "A claim holds a pod's data: only a user or the set's retention policy may delete it."
        case "one-volume-per-claim":
            return "A claim binds one volume; a second one means two copies of the data."
        default:
            if outcome.faults.isEmpty {
                return
                    "So it happens on every run: the cause is in the controllers' rules (replay the script and describe the set to see them)."
            }
            return "The scenario promised it; the faults above are the smallest way found to break it."
        }
    }

    /// The runnable script.
    func script(setup: [String], scenario: String) -> String {
        var lines = ["# Found by stsim explore in \(scenario): \(violation.promise) broken."]
        lines += explanation.map { "# " + $0 }
        lines += ["mode step"] + setup
        if violation.check != nil { lines.append("mark \(Self.mark)") }
        var now = Place(time: start, phase: 0)
        for f in outcome.faults {
            if f.time > now.time {
                lines.append("tick \(DurationText.format(f.time - now.time))")
            } else if f.phase > now.phase {
                lines.append("tick 0s")
            }
            now = f.place
            lines.append(f.fault.command)
        }
        let end = violation.check == nil ? violation.time : outcome.end
        if end > now.time { lines.append("tick \(DurationText.format(end - now.time))") }
        lines.append(violation.check.map(Self.sinceMark) ?? "expect never event InvariantViolated")
        return lines.joined(separator: "\n") + "\n"
    }

    static let mark = "scenario-end"

    /// `expect always ...` as `expect since scenario-end always ...`: explore checks from the
    /// scenario's end, and so does the script.
    static func sinceMark(_ check: String) -> String {
        guard check.hasPrefix("expect "), !check.contains(" since ") else { return check }
        return "expect since \(mark) " + check.dropFirst("expect ".count)
    }

    /// A file name: the promise and the faults, as `at-most-one-partition-force-delete.sts`.
    var fileName: String {
        let kinds = Array(Set(outcome.faults.map(\.fault.kind))).sorted().map(\.rawValue)
        return ([violation.check == nil ? violation.invariant : "expect"] + kinds).joined(separator: "-")
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with other: String) -> String {
        hasPrefix(prefix) ? other + dropFirst(prefix.count) : self
    }
}
