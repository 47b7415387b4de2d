import StsimEngine

/// Faults, the simulator's reason to exist: container exits, partitions, crashes, broken images.
/// (cordon, drain and taint live with the resource commands, as in kubectl.)
enum FaultCommands {
    static let specs: [CommandSpec] = [kill, partition, heal, crash, boot, restart, lag, breakImage, fixImage]

    static let crash = CommandSpec(
        "crash", group: .faults, usage: ["crash NODE"], summary: "power a node off (its containers die)",
        details: """
            Every container on the node dies and its kubelet falls silent: to the API it looks like a
            partition (NotReady after 50s, evictions after 300s more), but nothing runs there any more.
            """,
        examples: ["crash node-2"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.crash(node: try ResourceCommands.oneNode(&args)))
    }

    static let boot = CommandSpec(
        "boot", group: .faults, usage: ["boot NODE"], summary: "power a crashed node on again",
        details:
            "The kubelet comes back with no containers, finishes the deletions it missed and starts its remaining pods afresh.",
        examples: ["boot node-2"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.boot(node: try ResourceCommands.oneNode(&args)))
    }

    static let partition = CommandSpec(
        "partition", group: .faults, usage: ["partition NODE..."],
        summary: "cut nodes off from the control plane; their pods keep running, unseen",
        details: """
            The kubelet goes on running its containers and keeps its volumes, but can no longer renew
            its Lease, post status or see API changes. After 50s without a renewal the node turns
            NotReady (its pods leave DNS; get pods still says 1/1 Running); after the pods' 300s
            toleration they are deleted, and stay Terminating until the node is heard again.
            """,
        examples: ["partition node-1"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.partition(nodes: try nodes(&args)))
    }

    static let heal = CommandSpec(
        "heal", aliases: ["reconnect"], group: .faults, usage: ["heal NODE..."],
        summary: "give a partitioned node its link back",
        details: """
            The kubelet posts Ready again and reconciles: containers of pods deleted while it was away
            are killed, pods marked for deletion finish terminating, the rest become Ready again.
            """,
        examples: ["heal node-1"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.heal(nodes: try nodes(&args)))
    }

    static let breakImage = CommandSpec(
        "break", group: .faults, usage: ["break image IMG"], summary: "make pulls of an image fail",
        details: """
            Pulls of the image fail (ErrImagePull, then ImagePullBackOff with back-off); containers of
            it already on a node exit right after they start (CrashLoopBackOff).
            """,
        examples: ["break image nginx:1.99"], positionals: [.choices(["image"])]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.imageFault(image: try image(&args), broken: true))
    }

    static let fixImage = CommandSpec(
        "fix", group: .faults, usage: ["fix image IMG"], summary: "let an image be pulled again",
        details: "Pods in back-off pick the image up at their next retry.",
        examples: ["fix image nginx:1.99"], positionals: [.choices(["image"])]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .fault(.imageFault(image: try image(&args), broken: false))
    }

    static func nodes(_ args: inout ParsedArguments) throws(Diagnostic) -> [Argument] {
        let first = try args.next("NODE")
        return [first] + args.rest()
    }

    static func image(_ args: inout ParsedArguments) throws(Diagnostic) -> Argument {
        let word = try args.next("image IMG")
        guard word.text == "image" else {
            throw Diagnostic(
                at: word.location, "\(args.spec.name) works on images, not \"\(word.text)\"",
                hint: "usage: \(args.spec.usage[0])")
        }
        let image = try args.next("IMG")
        try args.finish()
        return image
    }

    static let kill = CommandSpec(
        "kill", group: .faults, usage: ["kill pod NAME [-c CONTAINER] [--exit-code N]"],
        summary: "make a pod's container exit; the kubelet restarts it (with back-off)",
        details: """
            The container's process ends as if it crashed: the pod shows Error until the kubelet's
            next sync, a second later, which restarts it the first time; later exits wait 10s, 20s,
            40s ... up to 5m from the exit (CrashLoopBackOff), as in Kubernetes. While it is down the
            pod is not Ready.
            """,
        examples: ["kill pod web-0", "kill pod web-0 --exit-code 1"],
        flags: [
            FlagSpec("container", short: "c", value: "NAME", help: "which container (default: the first)"),
            FlagSpec("exit-code", value: "N", help: "the exit code (default 137, killed)"),
            Common.namespace,
        ],
        positionals: [.choices(["pod"]), .objectNamesOf(.pod)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, names) = try ResourceCommands.kindAndNames(&args, what: "pod NAME")
        guard kind == .pod else {
            throw Diagnostic(
                at: args.commandWord.location, "kill works on pods, not \(kind.plural)",
                hint: "kill pod NAME")
        }
        guard let name = names.first else {
            throw Diagnostic(at: args.endLocation, "kill: missing NAME", hint: "usage: kill pod NAME")
        }
        if names.count > 1 {
            throw Diagnostic(at: names[1].location, "kill: unexpected argument \"\(names[1].text)\"")
        }
        let exitCode = try args.int("exit-code") ?? 137
        return .fault(.killPod(name: name, container: args.flag("container")?.text, exitCode: exitCode))
    }
}
