import StsimEngine

/// Restarts and a lagging watch: the failure modes Sieve (OSDI 2022) tests controllers with,
/// as commands a lesson can type and faults `explore` can inject.
extension FaultCommands {
    static let restart = CommandSpec(
        "restart", group: .faults,
        usage: ["restart kubelet NODE [--stale D]", "restart controller statefulset [--between-writes]", "restart"],
        summary: "restart a node's kubelet or the StatefulSet controller; alone, start the lesson over",
        details: """
            restart alone, in a lesson: start the lesson over (as lesson restart).
            restart kubelet: the kubelet process restarts; its containers keep running and it lists the \
            pods bound to its node again. With --stale D it lists them from an API server whose cache \
            lags D behind (at most 5m): a pod deleted in those D seconds, even one recreated on another \
            node since, is still bound here, and the kubelet starts it (kubernetes issue 59848). It \
            sees nothing newer for D, then catches up and kills what the API no longer has.
            restart controller statefulset: kube-controller-manager's StatefulSet controller restarts \
            and relists sets, revisions and pods before it syncs again (1.32 waits for its caches). \
            With --between-writes the restart comes in the middle of the next sync that writes, right \
            after its first write (a claim created but not its pod, a revision but not the status).
            """,
        examples: [
            "restart kubelet node-1", "restart kubelet node-1 --stale 30s",
            "restart controller statefulset --between-writes", "restart",
        ],
        flags: [
            FlagSpec("stale", value: "D", help: "(kubelet) list pods from a cache D behind the API"),
            FlagSpec("between-writes", help: "(controller) restart after the first write of the next sync"),
        ],
        positionals: [.choices(["kubelet", "controller"]), .nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        guard let what = args.nextIfAny() else {
            for flag in ["stale", "between-writes"] {
                if let f = args.flag(flag) {
                    throw Diagnostic(
                        at: f.location, "--\(flag) needs what to restart",
                        hint: "restart kubelet NODE --stale D, or restart controller statefulset --between-writes")
                }
            }
            return .lesson(.restart)
        }
        switch what.text {
        case "kubelet":
            if let f = args.flag("between-writes") {
                throw Diagnostic(
                    at: f.location, "--between-writes goes with restart controller statefulset",
                    hint: "restart kubelet NODE [--stale D]")
            }
            let node = try args.next("NODE")
            try args.finish()
            let stale = try args.duration("stale") ?? .zero
            if let f = args.flag("stale"), stale > .minutes(5) {
                throw Diagnostic(at: f.location, "--stale takes at most 5m, not \(f.text)")
            }
            return .fault(.restartKubelet(node: node, stale: stale))
        case "controller":
            if let f = args.flag("stale") {
                throw Diagnostic(at: f.location, "--stale goes with restart kubelet NODE")
            }
            let name = try args.next("statefulset")
            guard ["statefulset", "statefulsets", "sts"].contains(name.text) else {
                throw Diagnostic(
                    at: name.location, "restart controller knows the StatefulSet controller, not \"\(name.text)\"",
                    hint: "restart controller statefulset")
            }
            try args.finish()
            return .fault(.restartController(betweenWrites: args.has("between-writes")))
        default:
            throw Diagnostic(
                at: what.location, "restart works on kubelet and controller, not \"\(what.text)\"",
                hint: "restart kubelet NODE, or restart controller statefulset (rollout restart replaces a set's pods)")
        }
    }

    static let lag = CommandSpec(
        "lag", group: .faults, usage: ["lag pods D"],
        summary: "make the StatefulSet controller see pod changes D late (a lagging watch)",
        details: """
            Every later change to a pod reaches the StatefulSet controller D after it happened, in \
            order, as from a watch behind a slow API server. Meanwhile it decides from what it last \
            saw: it may wait for a pod that is long Ready, or try to create one that exists (the API \
            refuses: names are unique). lag pods 0s makes it current again for later changes.
            """,
        examples: ["lag pods 5s", "lag pods 0s"],
        positionals: [.choices(["pods"])]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let kind = try args.next("pods")
        guard ["pods", "pod", "po"].contains(kind.text) else {
            throw Diagnostic(
                at: kind.location,
                "lag works on pods (the StatefulSet controller's pod watch), not \"\(kind.text)\"",
                hint: "lag pods 5s")
        }
        let d = try args.next("D")
        try args.finish()
        let lag = try ParsedArguments.duration(d)
        guard lag <= .minutes(60) else { throw Diagnostic(at: d.location, "lag takes at most 1h, not \(d.text)") }
        return .fault(.lagPods(lag))
    }
}
