import StsimEngine

/// Faults, the simulator's reason to exist. Declared now so help and completion show the whole
/// language; each says plainly that its machinery is still to come.
enum FaultCommands {
    static let planned = "faults and node lifecycle"

    static let specs: [CommandSpec] = [
        spec("partition", aliases: [], usage: "partition NODE...",
             summary: "cut nodes off from the control plane; their pods keep running, unseen",
             example: "partition node-1"),
        spec("heal", aliases: ["reconnect"], usage: "heal NODE...", summary: "give a partitioned node its link back",
             example: "heal node-1"),
        spec("crash", aliases: [], usage: "crash NODE", summary: "power a node off (its containers die)",
             example: "crash node-2"),
        spec("boot", aliases: [], usage: "boot NODE", summary: "power a crashed node on again", example: "boot node-2"),
        spec("kill", aliases: [], usage: "kill pod NAME", summary: "make a pod's container exit; the kubelet restarts it",
             example: "kill pod web-0"),
        spec("break", aliases: [], usage: "break image IMG", summary: "make pulls of an image fail",
             example: "break image nginx:1.99"),
        spec("fix", aliases: [], usage: "fix image IMG", summary: "let an image be pulled again",
             example: "fix image nginx:1.99"),
    ]

    static func spec(_ name: String, aliases: [String], usage: String, summary: String, example: String)
        -> CommandSpec
    {
        CommandSpec(name, aliases: aliases, group: .faults, usage: [usage], summary: summary, examples: [example],
                    positionals: name == "kill" ? [.choices(["pod"]), .objectNamesOf(.pod)]
                        : name == "break" || name == "fix" ? [.choices(["image"])] : [.nodes],
                    plannedWith: planned
        ) { (_: inout ParsedArguments) throws(Diagnostic) -> Command in
            .unavailable(name: name, plannedWith: planned)
        }
    }
}
