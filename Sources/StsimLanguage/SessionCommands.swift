import StsimEngine

/// The session itself: help, variables, scripts, settings, leaving.
enum SessionCommands {
    static let specs: [CommandSpec] = [
        help, letCommand, echo, run, set, seed, reset, history, unwatch, undo, save, load, quit,
    ]

    /// The host shell's `echo`, as the tutorials' loops end a `--template` line with it.
    static let echo = CommandSpec(
        "echo", group: .session, usage: ["echo [WORD...]"],
        summary: "print the words, as the shell's echo does (ends the line a --template left open)",
        examples: ["echo", "echo done: ${n}"],
        positionals: [.none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .echo(args.rest().map(\.text).joined(separator: " "))
    }

    static let help = CommandSpec(
        "help", group: .session, usage: ["help [COMMAND [SUB-COMMAND]]"], summary: "list the commands, or explain one",
        examples: ["help", "help scale", "help create sts"], positionals: [.commands, .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        var topic = args.nextIfAny()
        // `help create sts`: one topic of two words, located at the first.
        if let sub = args.nextIfAny(), let t = topic { topic = Argument(t.text + " " + sub.text, at: t.location) }
        try args.finish()
        return .help(topic: topic)
    }

    static let letCommand = CommandSpec(
        "let", group: .session, usage: ["let NAME = VALUE"],
        summary: "define ${NAME} for the commands that follow",
        examples: ["let n = 3", "scale sts web ${n}"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let first = try args.next("NAME")
        var name = first.text
        var value: String
        if let eq = name.firstIndex(of: "=") {
            value = String(name[name.index(after: eq)...])
            name = String(name[..<eq])
            if value.isEmpty, let v = args.nextIfAny() { value = v.text }
        } else {
            let eq = try args.next("=")
            if eq.text == "=" {
                value = try args.next("VALUE").text
            } else if eq.text.hasPrefix("=") {
                value = String(eq.text.dropFirst())
            } else {
                throw Diagnostic(at: eq.location, "expected \"=\", as in: let \(name) = VALUE")
            }
        }
        guard Lexer.isVariableName(name) else {
            throw Diagnostic(
                at: first.location, "\"\(name)\" is not a variable name",
                hint: "names are letters, digits and _, not starting with a digit")
        }
        try args.finish()
        return .define(name: name, value: value)
    }

    static let run = CommandSpec(
        "run", group: .session,
        usage: [
            "run FILE.sts", "run NAME --image=IMG [--rm] [--restart=Never] [-it] [-- COMMAND...]",
            "run -i --tty NAME --image=busybox:1.28 [--rm] [--restart=Never]",
        ],
        summary: "run a script's commands here, as if typed; with --image, a one-off pod (kubectl run)",
        details:
            "With --image, kubectl run: a one-off pod that runs COMMAND in the image, prints what it printed, and with --rm is deleted. "
            + "A BusyBox image without COMMAND runs its sh: with -i it reads a nested prompt at stsim's prompt, "
            + "the lines up to exit in a script, or a here-document.",
        examples: [
            "run examples/quickstart.sts",
            "run -it srvlookup --image=tutum/dnsutils --rm --restart=Never -- dig SRV kubia.default.svc.cluster.local",
            "run -i --tty --image busybox:1.28 dns-test --restart=Never --rm",
        ],
        flags: [
            FlagSpec("image", value: "IMG", help: "(kubectl run) the pod's image"),
            FlagSpec("rm", help: "(kubectl run) remove the pod when it ends"),
            FlagSpec("restart", value: "POLICY", help: "(kubectl run) restart policy"),
            FlagSpec("it", help: "(kubectl run) -i and -t together"),
            FlagSpec(
                "interactive", short: "i", help: "(kubectl run) pass standard input: a here-document, or BusyBox's sh"),
            FlagSpec("tty", short: "t", help: "(kubectl run) allocate a terminal (the shell shows its prompt)"),
            Common.namespace,
        ] + Common.writeFlags,
        positionals: [.files]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if let image = args.flag("image") {
            let name = try args.next("NAME")
            let command = args.rest().map(\.text)
            let restart = args.flag("restart")?.text
            if let r = restart, !["Never", "OnFailure", "Always"].contains(r) {
                throw Diagnostic(
                    at: args.flag("restart")!.location, "invalid restart policy: \(r)",
                    hint: "Always, OnFailure or Never")
            }
            let stdin = args.has("it") || args.has("interactive")
            var run = RunPodCommand(
                name: name, image: image.text, remove: args.has("rm"), restart: restart,
                attach: stdin || args.has("tty"), command: command)
            run.tty = args.has("it") || args.has("tty")
            // BusyBox's default command is sh: without a command (or with a lone shell, `-- sh`),
            // -i gives it the input.
            let loneShell = command.count == 1 && Cluster.interactiveShells.contains(command[0])
            let shell = (command.isEmpty || loneShell) && ProgramCatalog.kind(ofImage: image.text) == .toolbox
            run.input = try ExecInput.of(args, stdin: stdin, opensShell: shell, command: "run")
            run.options = try Common.writeOptions(args)
            if run.options.dryRun != .none, run.attach, let d = args.flag("dry-run") {
                throw Diagnostic(
                    at: d.location,
                    "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)"
                )
            }
            if run.options.dryRun == .server, let d = args.flag("dry-run") {
                throw Diagnostic(
                    at: d.location, "stsim's run prints kubectl's generated Pod with --dry-run=client only",
                    hint: "run NAME --image=IMG --dry-run=client -o yaml")
            }
            if run.options.dryRun == .none, let o = args.flag("output") {
                throw Diagnostic(
                    at: o.location, "stsim's run prints the Pod with --dry-run=client; without it, the pod runs",
                    hint: "run NAME --image=IMG --dry-run=client -o yaml, or get pod NAME -o yaml after it")
            }
            return .runPod(run)
        }
        let path = try args.next("FILE")
        try args.finish()
        if let doc = args.commandText.hereDocument {
            throw Diagnostic(
                at: doc.location, "run FILE does not read a here-document",
                hint: "run NAME --image=IMG -i <<EOF passes one to a pod")
        }
        if let ns = args.flag("namespace") {
            throw Diagnostic(
                at: ns.location, "-n is kubectl run's (with --image); a script's commands say their own namespace",
                hint: "config set-context --current --namespace=\(ns.text), then run \(path.text)")
        }
        return .run(path: path)
    }

    static let seed = CommandSpec(
        "seed", group: .session, usage: ["seed N"],
        summary: "start a fresh cluster whose random choices (names, IPs, ties) follow seed N",
        examples: ["seed 42"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let a = try args.next("N")
        guard let n = UInt64(a.text) else {
            throw Diagnostic(at: a.location, "the seed must be a whole number from 0 up, not \"\(a.text)\"")
        }
        try args.finish()
        return .seed(n)
    }

    static let reset = CommandSpec(
        "reset", group: .session, usage: ["reset [--cluster stsim|kind|minikube|gke|kubeadm] [--nodes N]"],
        summary: "start again with a fresh cluster, the same kind as before or the one named",
        details: """
            --cluster imitates a real cluster's nodes and storage, so the same scenario shows what \
            it would do there; `help cluster` describes each. Without it the cluster is of the \
            kind the session has (stsim's own unless --cluster said otherwise). --nodes sets how \
            many nodes take workloads (0 to 5000; by default 3, minikube 1) for this and later resets.
            """,
        examples: ["reset", "reset --cluster kind", "reset --cluster gke --nodes 6"],
        flags: [
            FlagSpec(
                "cluster", value: "NAME", help: "the cluster to imitate",
                completion: .choices(ClusterProfile.allCases.map(\.rawValue))),
            FlagSpec("nodes", value: "N", help: "how many nodes take workloads"),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        var profile: ClusterProfile?
        if let c = args.flag("cluster") { profile = try args.choice(c, of: ClusterProfile.allCases, what: "--cluster") }
        var nodes: Int?
        if let n = args.flag("nodes") {
            guard let count = Int(n.text), (0...5000).contains(count) else {
                throw Diagnostic(at: n.location, "--nodes takes a whole number from 0 to 5000, not \"\(n.text)\"")
            }
            nodes = count
        }
        try args.finish()
        return .reset(profile: profile, nodes: nodes)
    }

    static let history = CommandSpec(
        "history", group: .session, usage: ["history"], summary: "the commands run in this session",
        examples: ["history"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .history
    }

    static let unwatch = CommandSpec(
        "unwatch", group: .session, usage: ["unwatch"], summary: "end the watch that get -w left open",
        details: """
            In mode auto, `get pods -w` stays open as a second terminal would: the changes the next
            commands make print as its rows, in its columns, instead of stsim's own lines. It ends here,
            or when another `get -w` starts.
            """,
        examples: ["unwatch"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .unwatch
    }

    static let undo = CommandSpec(
        "undo", group: .session, usage: ["undo"],
        summary: "go back to the state before the last command that changed the cluster",
        details: """
            The cluster, its clock and its random choices go back together, so what follows runs
            exactly as it would have from there. The last 20 states are kept; a script run with
            `run FILE` counts as one command.
            """,
        examples: ["undo"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .undo
    }

    static let save = CommandSpec(
        "save", group: .session, usage: ["save FILE"], summary: "write the whole state to a file",
        details: """
            Everything goes in: the objects, the clock, the event queue, the random source, what
            each kubelet runs, faults, the event history, the programs' files, and the session's
            variables, settings and command history. The file is versioned JSON, written to a
            temporary file first and renamed, so an interrupted save leaves the old file whole.
            """,
        examples: ["save lesson.state"], positionals: [.files]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let path = try args.next("FILE")
        try args.finish()
        return .save(path: path)
    }

    static let load = CommandSpec(
        "load", group: .session, usage: ["load FILE"], summary: "read a state written by save",
        details: """
            What follows prints exactly what it would have printed in the session that saved the
            state. A truncated, edited or newer-version file is refused with the place of the
            problem, and the current state stays as it was. `undo` goes back to before the load.
            """,
        examples: ["load lesson.state"], positionals: [.files]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let path = try args.next("FILE")
        try args.finish()
        return .load(path: path)
    }

    static let quit = CommandSpec(
        "quit", aliases: ["exit"], group: .session, usage: ["quit"], summary: "leave (Ctrl-D does too)",
        examples: ["quit"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .quit
    }
}
