import StsimEngine

/// Inside the cluster: DNS as a pod sees it, and the apps in the pods.
enum InsideCommands {
    static let specs: [CommandSpec] = [dig, curl, exec, logs, proxy]

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
        "curl", group: .inside, usage: ["curl URL [-X METHOD] [-d DATA] [-H HEADER] [-s] [-v] [-i]"],
        summary: "HTTP into the simulated apps through kubectl proxy (localhost:8001)",
        details: "URLs: localhost:8001/api/v1/namespaces/NS/pods/POD/proxy/PATH and .../services/SVC/proxy/PATH. "
            + "Start the proxy first with: proxy. From inside a pod: exec POD -- curl http://SERVICE/",
        examples: [
            "curl localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/",
            "curl -X POST -d \"Hey there\" localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/",
        ],
        flags: [
            FlagSpec("request", short: "X", value: "METHOD", help: "the HTTP method (GET, POST, ...)"),
            FlagSpec("data", short: "d", value: "DATA", help: "the request body; implies POST"),
            FlagSpec("header", short: "H", value: "HEADER", help: "an extra header, Name: value"),
            FlagSpec("silent", short: "s", help: "no progress or error messages"),
            FlagSpec("verbose", short: "v", help: "show the request and response headers"),
            FlagSpec("include", short: "i", help: "print the response's status line and headers before its body"),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let url = try args.next("URL")
        try args.finish()
        var command = CurlCommand(
            url: url, method: args.flag("request")?.text,
            data: (args.flags["data"] ?? []).map(\.text), headers: (args.flags["header"] ?? []).map(\.text),
            silent: args.has("silent"), verbose: args.has("verbose"))
        command.include = args.has("include")
        return .curl(command)
    }

    static let exec = CommandSpec(
        "exec", group: .inside, usage: ["exec POD [-c CONTAINER] -- COMMAND [ARG...]"],
        summary: "run a command in a pod's container: sh -c 'SCRIPT', or a tool of its image (ls, cat, curl, ...)",
        examples: [
            "exec kubia-0 -- cat /var/data/kubia.txt", "exec kubia-0 -- ls /var/data", "exec kubia-0 -- hostname -f",
            "exec web-0 -- sh -c 'echo \"$(hostname)\" > /usr/share/nginx/html/index.html'",
        ],
        flags: [
            FlagSpec("container", short: "c", value: "NAME", help: "the container (default: the first)"),
            FlagSpec("stdin", short: "i", help: "(accepted) keep stdin open"),
            FlagSpec("tty", short: "t", help: "(accepted) allocate a terminal"),
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
        return .exec(pod: pod, container: args.flag("container")?.text, command: command)
    }

    static let logs = CommandSpec(
        "logs", group: .inside, usage: ["logs POD [-c CONTAINER] [-p]"], summary: "what a pod's program printed",
        examples: ["logs kubia-0", "logs kubia-0 --previous"],
        flags: [
            FlagSpec("container", short: "c", value: "NAME", help: "the container (default: the first)"),
            FlagSpec("previous", short: "p", help: "the container's run before its last restart"),
            Common.namespace,
        ],
        positionals: [.objectNamesOf(.pod)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let pod = try args.next("POD")
        try args.finish()
        return .logs(pod: pod, container: args.flag("container")?.text, previous: args.has("previous"))
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
        var port = 8001
        if let p = args.flag("port") {
            guard let n = Int(p.text), (1...65535).contains(n) else {
                throw Diagnostic(
                    at: p.location, "invalid port \"\(p.text)\"",
                    hint: "a number from 1 to 65535, as in proxy --port 8001")
            }
            port = n
        }
        return .proxy(port: port)
    }
}

/// Looking at the whole: the snapshot and the event list.
enum WholeCommands {
    static let specs: [CommandSpec] = [snapshot, events, timeline]

    static let events = CommandSpec(
        "events", group: .whole, usage: ["events [--since D]"],
        summary: "the cluster's events, oldest first (like kubectl events)",
        examples: ["events", "events --since 1m"],
        flags: [
            FlagSpec("since", value: "D", help: "only events seen in the last D of virtual time"), Common.namespace,
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .events(since: try args.duration("since"))
    }
}
