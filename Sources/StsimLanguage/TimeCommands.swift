import StsimEngine

/// Time: a virtual clock that moves only when told to (or after each command in auto mode).
enum TimeCommands {
    static let specs: [CommandSpec] = [tick, settle, wait, clock, mode]

    static let tick = CommandSpec(
        "tick", group: .time, usage: ["tick DURATION"],
        summary: "advance the clock, printing what happened",
        examples: ["tick 30s", "tick 500ms", "tick 5m"],
        positionals: [.choices(["1s", "10s", "30s", "1m", "5m"])]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let d = try ParsedArguments.duration(try args.next("DURATION"))
        try args.finish()
        return .tick(d)
    }

    static let settle = CommandSpec(
        "settle", group: .time, usage: ["settle [--timeout D] [--quiet]"],
        summary: "advance until nothing more will happen on its own",
        details: """
            Stops when nothing is scheduled, when only retries remain (a back-off, a termination
            that cannot finish), or at the settle limit (set settle-limit D; default 10m).
            """,
        examples: ["settle", "settle --timeout 2m", "settle --quiet"],
        flags: [
            FlagSpec("timeout", value: "D", help: "stop after this much virtual time"),
            FlagSpec("quiet", short: "q", help: "print only the summary"),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .settle(timeout: try args.duration("timeout"), quiet: try args.bool("quiet"))
    }

    static let wait = CommandSpec(
        "wait", group: .time,
        usage: [
            "wait pod NAME Ready|Running|Deleted [--timeout D]", "wait sts NAME ready", "wait pvc NAME Bound",
            "wait --for=condition=C[=V]|delete|jsonpath=EXPR[=V] (KIND/NAME... | KIND -l SEL | KIND --all) [--timeout D]",
        ],
        summary: "advance the clock until a condition holds",
        details: """
            The --for form is kubectl's: it prints KIND/NAME condition met for each object, and its
            --timeout defaults to 30s (0 checks once). The short form waits up to the settle limit.
            """,
        examples: [
            "wait pod web-1 Ready", "wait pod web-0 Deleted --timeout 2m", "wait sts web ready",
            "wait --for=condition=Ready pod/web-0", "wait --for=delete pod/web-2 --timeout 1m",
            "wait --for=jsonpath={.status.readyReplicas}=3 sts/web", "wait --for=condition=Ready pod -l app=web",
        ],
        flags: [
            FlagSpec(
                "timeout", value: "D", help: "give up after this much virtual time (default: settle limit; --for: 30s)"),
            FlagSpec(
                "for", value: "COND", help: "kubectl's condition: condition=Ready, delete, jsonpath={.path}=VALUE"),
            Common.selector,
            FlagSpec("all", help: "every object of the kind (with --for)"),
            Common.namespace, Common.allNamespaces,
        ],
        positionals: [
            .choices(["pod", "sts", "pvc"]), .objectNames(kindArgument: 0),
            .choices(["Ready", "Running", "Deleted", "Bound"]),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if let condition = args.flag("for") { return try kubectlWait(&args, condition) }
        if let flag = args.flag("selector") ?? args.flag("all") ?? args.flag("all-namespaces") {
            throw Diagnostic(
                at: flag.location,
                args.has("all-namespaces") && !args.has("selector") && !args.has("all")
                    ? "wait: -A goes with kubectl's --for form" : "wait: -l and --all go with kubectl's --for form",
                hint: "for example: wait --for=condition=Ready pod -l app=web")
        }
        let (kind, names) = try ResourceCommands.kindAndNames(&args, what: "KIND")
        guard let name = names.first else {
            throw Diagnostic(at: args.endLocation, "wait: missing NAME", hint: "usage: wait pod NAME Ready")
        }
        guard names.count >= 2 else {
            throw Diagnostic(
                at: args.endLocation, "wait: missing the condition (Ready, Running, Deleted or Bound)",
                hint: "or kubectl's form: wait --for=condition=Ready \(kind.singular)/\(name.text)")
        }
        let condText = try args.choice(names[1], of: ["Ready", "Running", "Deleted", "Bound"], what: "the condition")
        if names.count > 2 {
            throw Diagnostic(at: names[2].location, "wait: unexpected argument \"\(names[2].text)\"")
        }
        let condition: WaitCondition =
            switch condText {
            case "Ready": .ready
            case "Running": .running
            case "Deleted": .deleted
            default: .bound
            }
        return .wait(kind: kind, name: name, condition: condition, timeout: try args.duration("timeout"))
    }

    static let clock = CommandSpec(
        "clock", group: .time, usage: ["clock"], summary: "show the virtual time", examples: ["clock"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .clock
    }

    static let mode = CommandSpec(
        "mode", group: .time, usage: ["mode auto|step"],
        summary: "auto: settle after each command and print changes; step: time moves only on tick/settle/wait",
        examples: ["mode step", "mode auto"],
        positionals: [.choices(["auto", "step"])]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let m = try args.choice(try args.next("auto or step"), of: ["auto", "step"], what: "the mode")
        try args.finish()
        return .mode(auto: m == "auto")
    }
}
