import StsimEngine

/// Inside the cluster: DNS as a pod sees it, and (to come) the apps in the pods.
enum InsideCommands {
    static let planned = "apps inside the cluster"
    static let specs: [CommandSpec] = [dig, curl, exec, logs, proxy]

    static let dig = CommandSpec(
        "dig", group: .inside, usage: ["dig [+search] SRV|A NAME"],
        summary: "query the cluster DNS as dig in a pod of the default namespace would",
        details: """
            Like dig itself, a name is sent as written: `dig SRV web` asks for "web." and gets
            NXDOMAIN (stsim then says which full name the pod's search list would have found).
            +search uses the pod's search list, as nslookup and curl inside a pod do.
            """,
        examples: ["dig SRV web.default.svc.cluster.local", "dig A web-0.web.default.svc.cluster.local",
                   "dig +search SRV web"],
        positionals: [.choices(["SRV", "A", "+search"]), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        var search = false
        var words: [Argument] = []
        for word in args.rest() {
            if word.text.hasPrefix("+") {
                guard word.text == "+search" || word.text == "+nosearch" else {
                    throw Diagnostic(at: word.location, "dig option \(word.text) is not simulated",
                                     hint: "stsim's dig knows +search")
                }
                search = word.text == "+search"
            } else {
                words.append(word)
            }
        }
        for word in words.reversed() { args.pushBack(word) }
        var first = try args.next("SRV or A, then NAME")
        var type = "A"
        if ["srv", "a", "aaaa"].contains(first.text.lowercased()) {
            type = first.text.uppercased()
            first = try args.next("NAME")
        } else if let second = args.peek(), ["srv", "a", "aaaa"].contains(second.text.lowercased()) {
            // dig NAME SRV, dig's own order
            type = second.text.uppercased()
            _ = args.nextIfAny()
        }
        try args.finish()
        return .dig(type: type, name: first, search: search)
    }

    static func plannedSpec(_ name: String, usage: String, summary: String, example: String) -> CommandSpec {
        CommandSpec(name, group: .inside, usage: [usage], summary: summary, examples: [example],
                    plannedWith: planned) { (_: inout ParsedArguments) throws(Diagnostic) -> Command in
            .unavailable(name: name, plannedWith: planned)
        }
    }

    static let curl = plannedSpec("curl", usage: "curl URL [-X METHOD] [-d DATA]",
                                  summary: "HTTP into the simulated apps through the API server proxy",
                                  example: "curl localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/")
    static let exec = plannedSpec("exec", usage: "exec POD -- COMMAND", summary: "run a command in a pod",
                                  example: "exec kubia-0 -- cat /var/data/kubia.txt")
    static let logs = plannedSpec("logs", usage: "logs POD", summary: "what a pod's program logged",
                                  example: "logs kubia-0")
    static let proxy = plannedSpec("proxy", usage: "proxy", summary: "start the simulated kubectl proxy on localhost:8001",
                                   example: "proxy")
}

/// Looking at the whole: the snapshot and the event list.
enum WholeCommands {
    static let specs: [CommandSpec] = [snapshot, events, timeline]

    static let snapshot = CommandSpec(
        "snapshot", group: .whole, usage: ["snapshot [-o tree|yaml|json|dot]"],
        summary: "the whole state as one picture: nodes, pods, claims, volumes, services, DNS names",
        details: "-o dot draws it for Graphviz: stsim -c '...; snapshot -o dot' | dot -Tpng > cluster.png",
        examples: ["snapshot", "snapshot -o dot"],
        flags: [FlagSpec("output", short: "o", value: "FORMAT", help: "tree (the default), yaml, json or dot",
                         completion: .choices(["tree", "yaml", "json", "dot"]))]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        var format = "tree"
        if let o = args.flag("output") {
            format = try args.choice(o, of: ["tree", "yaml", "json", "dot"], what: "-o")
        }
        return .snapshot(format: format)
    }

    static let events = CommandSpec(
        "events", group: .whole, usage: ["events [--since D]"],
        summary: "the cluster's events, oldest first (like kubectl events)",
        examples: ["events", "events --since 1m"],
        flags: [FlagSpec("since", value: "D", help: "only events seen in the last D of virtual time")]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .events(since: try args.duration("since"))
    }

    static let timeline = CommandSpec(
        "timeline", group: .whole, usage: ["timeline [--html FILE]"], summary: "what happened when, as a chart",
        examples: ["timeline"], plannedWith: "the timeline view"
    ) { (_: inout ParsedArguments) throws(Diagnostic) -> Command in
        .unavailable(name: "timeline", plannedWith: "the timeline view")
    }
}
