import StsimEngine

/// Nodes as an operator steers them: cordon, uncordon, drain, taint.
extension ResourceCommands {
    static let cordon = CommandSpec(
        "cordon", group: .faults, usage: ["cordon NODE"], summary: "mark a node unschedulable",
        details: "New pods are no longer placed there; the pods it runs stay. get nodes says Ready,SchedulingDisabled.",
        examples: ["cordon node-1"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.cordon(node: try oneNode(&args), unschedulable: true))
    }

    static let uncordon = CommandSpec(
        "uncordon", group: .faults, usage: ["uncordon NODE"], summary: "mark a node schedulable again",
        examples: ["uncordon node-1"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.cordon(node: try oneNode(&args), unschedulable: false))
    }

    static let drain = CommandSpec(
        "drain", group: .faults, usage: ["drain NODE"], summary: "cordon a node and evict its pods",
        details: """
            Cordons the node, then evicts each of its pods through the Eviction API and waits until
            they are gone, as kubectl drain does. A StatefulSet recreates a pod with the same name
            elsewhere once the old one is gone; its claim goes with it. An eviction a
            PodDisruptionBudget refuses (429) is retried every 5 seconds, until the budget allows it
            or --timeout passes. The node's DaemonSet pods (kube-proxy, kind's kindnet) make it
            refuse, as kubectl does, unless --ignore-daemonsets leaves them where they are; the
            control plane's static pods are skipped.
            """,
        examples: [
            "drain node-1 --ignore-daemonsets", "drain node-1 --ignore-daemonsets --delete-emptydir-data",
            "drain node-1 --ignore-daemonsets --timeout 1m",
        ],
        // --delete-emptydir-data is accepted as kubectl users type it: stsim's emptyDirs hold no data to lose.
        flags: [
            FlagSpec("force", help: "also evict pods no controller will recreate"),
            FlagSpec(
                "ignore-daemonsets",
                help: "leave the node's DaemonSet-managed pods (kube-proxy, kindnet); without it drain refuses"),
            FlagSpec("delete-emptydir-data", help: "accepted (stsim pods have no emptyDir data)"),
            FlagSpec(
                "grace-period", value: "N",
                help: "seconds each pod gets to stop (default -1: the pod's own terminationGracePeriodSeconds)"),
            FlagSpec(
                "timeout", value: "D",
                help: "give up after D of virtual time (default 0: retry evictions a budget refuses for ever)"),
        ],
        positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let force = try args.bool("force")
        let grace = try args.int("grace-period") ?? -1
        let timeout = try args.duration("timeout")
        return .fault(
            .drain(
                DrainCommand(
                    node: try oneNode(&args), force: force, gracePeriodSeconds: grace < 0 ? nil : grace,
                    timeout: timeout == .zero ? nil : timeout, ignoreDaemonSets: try args.bool("ignore-daemonsets"))))
    }

    static let taint = CommandSpec(
        "taint", group: .faults, usage: ["taint node NODE KEY=VALUE:EFFECT", "taint node NODE KEY[:EFFECT]-"],
        summary: "add or remove a node taint",
        details: """
            EFFECT is NoSchedule, PreferNoSchedule or NoExecute. A NoExecute taint evicts the pods that
            do not tolerate it. The out-of-service taint on a NotReady node also lets the pods there
            be force-deleted and their volumes detached (non-graceful node shutdown).
            """,
        examples: [
            "taint node node-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute",
            "taint node node-1 node.kubernetes.io/out-of-service-",
        ],
        positionals: [.choices(["node"]), .nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let kind = try args.next("node NODE")
        guard kind.text == "node" || kind.text == "nodes" || kind.text == "no" else {
            throw Diagnostic(
                at: kind.location, "taint works on nodes, not \"\(kind.text)\"", hint: "usage: \(args.spec.usage[0])")
        }
        let node = try args.next("NODE")
        let spec = try args.next("KEY=VALUE:EFFECT")
        try args.finish()
        return .fault(.taint(node: node, try TaintText.parse(spec)))
    }
}
