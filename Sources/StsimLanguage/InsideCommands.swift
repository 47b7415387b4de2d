import StsimEngine

/// Inside the cluster: DNS as a pod sees it, and the apps in the pods.
enum InsideCommands {
    static let specs: [CommandSpec] = [dig, curl, exec, logs, cp, proxy]

    static let dig = CommandSpec(
        "dig", group: .inside, usage: ["dig [+search] SRV|A NAME"],
        summary: "query the cluster DNS as dig in a pod of the current namespace (or -n NS) would",
        details: """
            Like dig itself, a name is sent as written: `dig SRV web` asks for "web." and gets
            NXDOMAIN (stsim then says which full name the pod's search list would have found).
            +search uses the pod's search list, as nslookup and curl inside a pod do.
            """,
        examples: [
            "dig SRV web.default.svc.cluster.local", "dig A web-0.web.default.svc.cluster.local",
            "dig +search SRV web", "dig +search A kube-dns -n kube-system",
        ],
        flags: [Common.namespace],
        positionals: [.choices(["SRV", "A", "+search"]), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        var search = false
        var words: [Argument] = []
        for word in args.rest() {
            if word.text.hasPrefix("+") {
                guard word.text == "+search" || word.text == "+nosearch" else {
                    throw Diagnostic(
                        at: word.location, "dig option \(word.text) is not simulated",
                        hint: "stsim's dig knows +search")
                }
                search = word.text == "+search"
            } else {
                words.append(word)
            }
        }
        for word in words.reversed() { args.pushBack(word) }
        var first = try args.next("SRV or A, then NAME")
        var type = DNSRecordType.a
        if let t = DNSRecordType(rawValue: first.text.uppercased()) {
            type = t
            first = try args.next("NAME")
        } else if let second = args.peek(), let t = DNSRecordType(rawValue: second.text.uppercased()) {
            // dig NAME SRV, dig's own order
            type = t
            _ = args.nextIfAny()
        }
        try args.finish()
        return .dig(type: type, name: first, search: search)
    }

    static let curl = CommandSpec(
        "curl", group: .inside,
        usage: ["curl URL [-X METHOD] [-d DATA] [--data-binary DATA] [-H HEADER] [-s] [-v] [-i] [-L] [-f]"],
        summary: "HTTP into the simulated apps through kubectl proxy (localhost:8001)",
        details: "URLs: localhost:8001/api/v1/namespaces/NS/pods/POD/proxy/PATH and .../services/SVC/proxy/PATH; "
            + "GET on /version and the objects' paths (/api/v1/namespaces/NS/pods[/NAME]) gives the API's JSON. "
            + "Start the proxy first with: proxy. From inside a pod: exec POD -- curl http://SERVICE/",
        examples: [
            "curl localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/",
            "curl -X POST -d \"Hey there\" localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/",
            "curl localhost:8001/api/v1/namespaces/default/pods/web-0",
        ],
        flags: [
            FlagSpec("request", short: "X", value: "METHOD", help: "the HTTP method (GET, POST, ...)"),
            FlagSpec("data", short: "d", value: "DATA", help: "the request body; implies POST"),
            FlagSpec("header", short: "H", value: "HEADER", help: "an extra header, Name: value"),
            FlagSpec("silent", short: "s", help: "no progress or error messages"),
            FlagSpec("verbose", short: "v", help: "show the request and response headers"),
            FlagSpec("include", short: "i", help: "print the response's status line and headers before its body"),
            FlagSpec("data-binary", value: "DATA", help: "the request body as is (@FILE keeps its line ends)"),
            FlagSpec("location", short: "L", help: "follow redirects (up to 50)"),
            FlagSpec("fail", short: "f", help: "an HTTP error fails (exit 22) without printing the body"),
            FlagSpec("output", short: "o", value: "FILE", help: "refused: stsim writes no file on your machine"),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let url = try args.next("URL")
        try args.finish()
        if let output = args.flag("output") {
            throw Diagnostic(
                at: output.location,
                "curl at stsim's prompt writes no file on your machine: it prints the body, -o \(output.text) is not kept",
                hint:
                    "drop -o to read the body here; inside a pod, exec POD -- curl -o /tmp/page URL writes it in the container's files"
            )
        }
        var command = CurlCommand(
            url: url, method: args.flag("request")?.text,
            data: (args.flags["data"] ?? []).map(\.text), headers: (args.flags["header"] ?? []).map(\.text),
            silent: args.has("silent"), verbose: args.has("verbose"))
        command.include = args.has("include")
        command.binaryData = (args.flags["data-binary"] ?? []).map(\.text)
        command.follow = args.has("location")
        command.fail = args.has("fail")
        return .curl(command)
    }

    static let exec = CommandSpec(
        "exec", group: .inside, usage: ["exec POD [-c CONTAINER] -- COMMAND [ARG...]", "exec -it POD -- sh|bash"],
        summary: "run a command in a pod's container: sh -c 'SCRIPT', or a tool of its image (ls, cat, curl, ...)",
        examples: [
            "exec kubia-0 -- cat /var/data/kubia.txt", "exec kubia-0 -- ls /var/data", "exec kubia-0 -- hostname -f",
            "exec web-0 -- sh -c 'echo \"$(hostname)\" > /usr/share/nginx/html/index.html'",
            "exec -it web-0 -- sh",
        ],
        flags: [
            FlagSpec("container", short: "c", value: "NAME", help: "the container (default: the first)"),
            FlagSpec("stdin", short: "i", help: "pass standard input: a here-document, or with sh a nested prompt"),
            FlagSpec("tty", short: "t", help: "allocate a terminal (the shell shows its prompt)"),
            Common.namespace,
        ],
        positionals: [.objectNamesOf(.pod), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let pod = try args.next("POD")
        let command = args.rest()
        if command.isEmpty {
            throw Diagnostic(
                at: args.endLocation, "you must specify at least one command for the container",
                hint: "usage: exec POD -- COMMAND, as in exec \(pod.text) -- ls /")
        }
        let container = args.flag("container")?.text
        let opensShell = command.count == 1 && Cluster.interactiveShells.contains(command[0].text)
        guard
            let input = try ExecInput.of(
                args, stdin: args.has("stdin"), opensShell: opensShell, command: "exec")
        else { return .exec(pod: pod, container: container, command: command) }
        return .execAttached(
            AttachedExec(pod: pod, container: container, command: command, tty: args.has("tty"), input: input))
    }

    static let logs = CommandSpec(
        "logs", group: .inside,
        usage: [
            "logs POD|TYPE/NAME [-c CONTAINER|--all-containers] [-p] [-f] [--tail N] [--since D] [--timestamps] [--prefix]",
            "logs -l SELECTOR [--max-log-requests N] [...]",
        ],
        summary: "what a pod's program printed",
        details: """
            With -f, the lines the container writes next are printed as virtual time runs, until the
            container stops, the pod goes, or the cluster settles (nothing more would be written
            without another command), or the settle limit passes. TYPE/NAME (sts/web, rs/kubia,
            svc/nginx) reads the first of the pods it selects, as kubectl picks it, and says which.
            -l reads every pod the selector picks, the last 10 lines of each unless --tail says;
            -f follows at most --max-log-requests streams (5), as kubectl does.
            """,
        examples: [
            "logs kubia-0", "logs kubia-0 --previous", "logs -f web-0", "logs web-0 --tail 5", "logs sts/web",
            "logs -l app=nginx --prefix", "logs web-0 --timestamps --since=10s",
        ],
        flags: [
            FlagSpec("container", short: "c", value: "NAME", help: "the container (default: the first)"),
            FlagSpec("previous", short: "p", help: "the container's run before its last restart"),
            FlagSpec("follow", short: "f", help: "go on printing new lines as virtual time runs"),
            FlagSpec("tail", value: "N", help: "only the last N lines (-1: all; 10 with -l)"),
            Common.selector,
            FlagSpec("timestamps", help: "each line starts with the time it was written (RFC 3339)"),
            FlagSpec("since", value: "D", help: "only the lines written in the last D (10s, 5m, 1h)"),
            FlagSpec("all-containers", help: "every container of the pod, init containers first"),
            FlagSpec("prefix", help: "each line starts with [pod/NAME/CONTAINER]"),
            FlagSpec("max-log-requests", value: "N", help: "how many streams -f follows at once (5)"),
            Common.namespace,
        ],
        positionals: [.objectNamesOf(.pod)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let selector = args.flag("selector")
        let pod = selector == nil ? try args.next("POD") : args.nextIfAny()
        if let pod, let selector {
            throw Diagnostic(
                at: pod.location, "only a selector (-l) or a POD name is allowed",
                hint: "logs -l \(selector.text), or logs \(pod.text)")
        }
        var logs = LogsCommand(pod: pod ?? selector!, container: args.flag("container")?.text)
        try args.finish()
        logs.selector = selector
        logs.previous = args.has("previous")
        logs.follow = try args.bool("follow")
        logs.timestamps = try args.bool("timestamps")
        logs.prefix = try args.bool("prefix")
        logs.allContainers = try args.bool("all-containers")
        logs.since = try args.duration("since")
        if logs.allContainers, let c = args.flag("container") {
            throw Diagnostic(
                at: c.location, "--all-containers=true should not be specified with container name \(c.text)")
        }
        if let t = args.flag("tail") {
            guard let n = Int(t.text), n >= -1 else {
                throw Diagnostic(at: t.location, "--tail takes a number of lines, or -1 for all, not \"\(t.text)\"")
            }
            logs.tail = n < 0 ? nil : n
        } else if selector != nil {
            logs.tail = 10
        }
        if let m = args.flag("max-log-requests") {
            guard let n = Int(m.text), n > 0 else {
                throw Diagnostic(at: m.location, "--max-log-requests must be a positive number, not \"\(m.text)\"")
            }
            logs.maxLogRequests = n
        }
        return .logs(logs)
    }

    static let proxy = CommandSpec(
        "proxy", group: .inside, usage: ["proxy [-p PORT] [&]"],
        summary: "start the simulated kubectl proxy on localhost:8001 (inside the simulation only)",
        details: "It serves in the background for the rest of the session; a trailing & (kubectl proxy &) is accepted.",
        examples: ["proxy", "kubectl proxy &", "proxy --port 8002"],
        flags: [FlagSpec("port", short: "p", value: "PORT", help: "the port to serve on (8001)")]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if args.peek()?.text == "&" { _ = args.nextIfAny() }
        try args.finish()
        let port = try args.flag("port").map { p throws(Diagnostic) in
            try Common.port(p, lowest: 1, hint: "a number from 1 to 65535, as in proxy --port 8001")
        }
        return .proxy(port: port ?? 8001)
    }
}

/// Looking at the whole: the snapshot and the event list.
enum WholeCommands {
    static let specs: [CommandSpec] = [snapshot, events, timeline]

    static let events = CommandSpec(
        "events", group: .whole, usage: ["events [--for KIND/NAME] [--types TYPES] [--since D]"],
        summary: "the cluster's events, oldest first (like kubectl events)",
        examples: ["events", "events --since 1m", "events --for pod/web-0", "events --types Warning"],
        flags: [
            FlagSpec("since", value: "D", help: "only events seen in the last D of virtual time"),
            FlagSpec("for", value: "KIND/NAME", help: "only the events about this object", completion: .kinds),
            FlagSpec(
                "types", value: "TYPES", help: "only these types: Normal, Warning (comma-separated)",
                completion: .choices(["Normal", "Warning"])),
            Common.namespace, Common.allNamespaces,
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        var c = EventsCommand(since: try args.duration("since"))
        c.allNamespaces = try args.bool("all-namespaces")
        if let f = args.flag("for") {
            let parts = f.text.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw Diagnostic(
                    at: f.location, "--for must be in resource/name form", hint: "for example: --for pod/web-0")
            }
            guard let kind = ResourceKind(name: parts[0]) else {
                throw Diagnostic(at: f.location, "the server doesn't have a resource type \"\(parts[0])\"")
            }
            c.regarding = .init(kind: kind, name: parts[1])
        }
        if let t = args.flag("types") {
            for type in t.text.split(separator: ",") {
                let word = String(type)
                guard ["normal", "warning"].contains(word.lowercased()) else {
                    throw Diagnostic(at: t.location, "valid --types are Normal or Warning, not \"\(word)\"")
                }
                c.types.append(word.lowercased() == "normal" ? "Normal" : "Warning")
            }
        }
        return .events(c)
    }
}
