import StsimEngine

/// What `explore SCENARIO.sts` asks for: which faults, how many, how far in virtual time, and in
/// what order the schedules are tried.
public struct ExploreRequest: Hashable, Sendable {
    public enum Strategy: Hashable, Sendable {
        /// Depth-first over cloned clusters (the default: least memory, fastest).
        case depthFirst
        /// Every schedule of k faults before any of k + 1 (the first violations found are the smallest).
        case breadthFirst
        /// `--random N --seed S`: N runs, each with its own subset of the fault kinds (swarm testing).
        case random(runs: Int, seed: UInt64)
    }

    public var file: Argument
    /// Fault kinds by their command-line names, in the order `faultKinds` lists them.
    public var faults: [String]
    public var maxFaults: Int
    public var horizon: VirtualDuration
    public var strategy: Strategy
    /// Skip states already explored (a hash of the whole state); `--no-prune` turns it off to compare.
    public var prune: Bool
    /// Try one order of faults that commute (partial-order reduction); `--no-reduce` tries every
    /// order, to compare. `--no-prune` turns both off.
    public var reduce: Bool
    /// A folder for the counterexample scripts.
    public var out: Argument?

    /// The fault kinds `explore` can inject between two instants.
    public static let faultKinds =
        defaultFaultKinds + ["stale-kubelet", "restart-controller", "restart-controller-mid-sync", "lag-pods"]
    /// What `--faults` defaults to: the faults of nodes and pods. Restarts and lag are asked for
    /// by name (each multiplies the schedules; none breaks a promise without another fault).
    public static let defaultFaultKinds = ["partition", "heal", "crash", "boot", "kill", "force-delete"]
}

enum ExploreCommands {
    static let specs: [CommandSpec] = [explore]

    static let explore = CommandSpec(
        "explore", group: .checks,
        usage: [
            "explore SCENARIO.sts [--faults KIND,...] [--max-faults K] [--horizon D] [--dfs|--bfs|--random N --seed S] [--out DIR] [--no-prune] [--no-reduce]"
        ],
        summary: "try every interleaving of faults in a scenario and report the broken promises",
        details: """
            The scenario's commands run first, in step mode (time moves only where the scenario \
            ticks, settles or waits); its `expect always|never|eventually ...` lines are set aside and \
            checked at the end of every schedule. Then, from the scenario's end to the horizon, \
            explore injects up to K faults, one or more at each instant where an event happens, \
            in every order, and checks after every event that at most one copy of each StatefulSet \
            pod runs, that no claim is deleted unless asked, and that OrderedReady creates pods in \
            order. Fault kinds: \(ExploreRequest.faultKinds.joined(separator: ", ")) (stale-kubelet: \
            restart kubelet NODE --stale 30s; restart-controller and restart-controller-mid-sync: \
            restart controller statefulset, plain or --between-writes; lag-pods: lag pods 5s; the \
            default is partition to force-delete). A state reached before is not explored again, and of \
            two faults at one instant that commute (on different nodes and pods) one order is tried \
            (--no-prune and --no-reduce turn these off, to compare). Each distinct \
            violation is minimised and shown as a script that reproduces it; --out DIR writes them.
            """,
        examples: [
            "explore examples/explore/force-delete.sts",
            "explore examples/explore/force-delete.sts --faults partition,force-delete --max-faults 2 --out found",
            "explore examples/explore/partition-alone.sts --faults partition,heal --bfs",
            "explore examples/explore/force-delete.sts --random 200 --seed 7",
        ],
        flags: [
            FlagSpec(
                "faults", value: "KIND,...",
                help: "the fault kinds to inject (default: the node and pod faults, partition to force-delete)"),
            FlagSpec("max-faults", value: "K", help: "at most K faults per schedule (default 2)"),
            FlagSpec("horizon", value: "D", help: "inject faults until D after the scenario's end (default 5m)"),
            FlagSpec("dfs", help: "depth-first (the default)"),
            FlagSpec("bfs", help: "all schedules of k faults before any of k + 1"),
            FlagSpec("random", value: "N", help: "N random runs, each with a random subset of the fault kinds"),
            FlagSpec("seed", value: "S", help: "the seed of --random (default 1)"),
            FlagSpec("out", value: "DIR", help: "write each counterexample script into DIR"),
            FlagSpec(
                "no-prune", help: "do not skip states already explored, nor orders of faults that commute (to compare)"),
            FlagSpec("no-reduce", help: "try every order of faults that commute (to measure what the reduction saves)"),
        ],
        positionals: [.files]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let file = try args.next("SCENARIO.sts")
        try args.finish()
        let faults = try faultKinds(args)
        let maxFaults = try args.int("max-faults") ?? 2
        if let k = args.flag("max-faults"), maxFaults < 0 || maxFaults > 8 {
            throw Diagnostic(at: k.location, "--max-faults takes 0 to 8, not \(maxFaults)")
        }
        let horizon = try args.duration("horizon") ?? .minutes(5)
        if let h = args.flag("horizon"), horizon > .minutes(24 * 60) {
            throw Diagnostic(at: h.location, "--horizon takes at most 24h of virtual time")
        }
        return .explore(
            ExploreRequest(
                file: file, faults: faults, maxFaults: maxFaults, horizon: horizon, strategy: try strategy(args),
                prune: !args.has("no-prune"), reduce: !args.has("no-prune") && !args.has("no-reduce"),
                out: args.flag("out")))
    }

    private static func faultKinds(_ args: ParsedArguments) throws(Diagnostic) -> [String] {
        guard let flag = args.flag("faults") else { return ExploreRequest.defaultFaultKinds }
        let names = flag.text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for name in names where !ExploreRequest.faultKinds.contains(name) {
            throw Diagnostic(
                at: flag.location, "unknown fault kind \"\(name)\"",
                hint: "the kinds are \(ExploreRequest.faultKinds.joined(separator: ", "))")
        }
        return ExploreRequest.faultKinds.filter { names.contains($0) }
    }

    private static func strategy(_ args: ParsedArguments) throws(Diagnostic) -> ExploreRequest.Strategy {
        let chosen = ["dfs", "bfs", "random"].filter { args.has($0) }
        if chosen.count > 1, let second = args.flag(chosen[1]) {
            throw Diagnostic(at: second.location, "choose one of --dfs, --bfs and --random")
        }
        if let seed = args.flag("seed"), !args.has("random") {
            throw Diagnostic(at: seed.location, "--seed goes with --random N")
        }
        guard let runs = args.flag("random") else { return args.has("bfs") ? .breadthFirst : .depthFirst }
        let n = try ParsedArguments.integer(runs, what: "the number of runs")
        guard n > 0 else { throw Diagnostic(at: runs.location, "--random takes a number of runs above 0") }
        var seed: UInt64 = 1
        if let s = args.flag("seed") {
            guard let v = UInt64(s.text) else {
                throw Diagnostic(at: s.location, "the seed must be a whole number from 0 up, not \"\(s.text)\"")
            }
            seed = v
        }
        return .random(runs: n, seed: seed)
    }
}
