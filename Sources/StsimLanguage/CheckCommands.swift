import StsimEngine

/// Checks for scripts and exercises: a failed `expect` makes a script exit 1.
enum CheckCommands {
    static let specs: [CommandSpec] = [expect, mark]
    static let states = [
        "Running", "Ready", "NotReady", "Pending", "Terminating", "Unknown", "Deleted", "Bound",
        "Available", "Released", "ContainerCreating", "CrashLoopBackOff",
        // A pod's other STATUS words, as `get pods` shows them.
        "ErrImagePull", "ImagePullBackOff", "CreateContainerConfigError", "PodInitializing", "Completed", "Error",
    ]

    static let expect = CommandSpec(
        "expect", group: .checks,
        usage: [
            "expect pod NAME Running|Ready|Pending|Terminating|Deleted [on NODE]",
            "expect pvc NAME Bound", "expect count pods [-l SELECTOR] == N", "expect dns SRV NAME has N",
            "expect output contains \"TEXT\"", "expect error COMMAND...",
            "expect order HAPPENING < HAPPENING [< ...]", "expect happened HAPPENING", "expect never HAPPENING",
            "expect never count pods [-l SELECTOR] [Running|Ready|Pending|Terminating] > N",
            "expect never two pod/NAME", "expect within DURATION KIND NAME STATE", "expect within DURATION HAPPENING",
            "expect throughout KIND NAME STATE", "expect always KIND NAME STATE", "expect eventually KIND NAME STATE",
            "expect throughout pvc NAME bound to the same volume", "expect since MARK HISTORY-CHECK",
        ],
        summary: "check the state; in a script a failed check exits 1",
        details: """
            A HAPPENING is created|scheduled|running|ready|unready|terminating|deleted|bound KIND/NAME, \
            or event REASON [on KIND/NAME]. History checks look at what happened since the session \
            started (or the last reset), since `mark NAME` with `since NAME`, and in a lesson since \
            the step began; `within` counts from the start of the previous command (or the mark); `always` is \
            `throughout`, and `eventually` asks for one moment anywhere in the scope. \
            A failed history check prints what happened instead, with virtual times.
            """,
        examples: [
            "expect pod web-0 Ready", "expect pod web-0 Running on node-2", "expect count pods -l app=web == 3",
            "expect pvc data-web-1 Bound", "expect dns SRV web.default.svc.cluster.local has 3",
            "expect output contains \"force deleted\"", "expect error scale sts nope 3",
            "expect order created pod/web-0 < ready pod/web-0 < created pod/web-1",
            "expect never count pods -l app=web Running > 3", "expect never two pod/web-1",
            "expect within 60s pod web-2 Ready", "expect within 30s ready pod/web-2",
            "expect throughout pvc data-web-1 bound to the same volume",
            "expect happened event FailedScheduling on pod/web-3", "expect since scaled never deleted pod/web-0",
        ],
        flags: [Common.selector],
        positionals: [
            .choices(
                ["pod", "pvc", "pv", "sts", "node", "count", "dns", "output", "error"] + HistoryCheckParser.leadWords),
            .objectNames(kindArgument: 0), .choices(states),
        ],
        verbatimAfter: "error"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let what = try args.next("what to check")
        if HistoryCheckParser.leadWords.contains(what.text) {
            return .expect(try HistoryCheckParser.parse(what, &args))
        }
        switch what.text {
        case "count":
            let kind = try ParsedArguments.kind(try args.next("KIND"))
            let op = try args.next("a comparison such as ==")
            let cmp = try args.choice(op, of: Comparison.allCases, what: "the comparison")
            let n = try ParsedArguments.integer(try args.next("N"), what: "the count")
            try args.finish()
            return .expect(.count(kind: kind, selector: args.flag("selector")?.text, comparison: cmp, value: n))
        case "dns":
            let type = try args.choice(try args.next("SRV or A"), of: [DNSRecordType.srv, .a], what: "the record type")
            let name = try args.next("NAME")
            let has = try args.next("has")
            guard has.text == "has" else {
                throw Diagnostic(at: has.location, "expected \"has\", as in: expect dns SRV NAME has 3")
            }
            let n = try ParsedArguments.integer(try args.next("N"), what: "the number of records")
            try args.finish()
            return .expect(.dnsAnswerCount(type: type, name: name.text, count: n))
        case "output":
            let contains = try args.next("contains")
            guard contains.text == "contains" else {
                throw Diagnostic(at: contains.location, "expected \"contains\", as in: expect output contains \"TEXT\"")
            }
            let text = try args.next("the TEXT to look for")
            try args.finish()
            return .expect(.outputContains(text.text))
        case "error":
            let words = args.commandText.words
            guard let index = words.firstIndex(where: { $0.location == what.location }), index + 1 < words.count
            else {
                throw Diagnostic(at: what.location, "expect error needs the command that should fail")
            }
            let inner = Array(words[(index + 1)...])
            var text = args.commandText
            text.words = inner
            text.location = inner[0].location
            // The text from the inner command's first word, found by its location (any spacing).
            var line = args.commandText.location.line
            var column = args.commandText.location.column
            let target = inner[0].location
            text.text = String(
                text.text.drop { c in
                    if line > target.line || (line == target.line && column >= target.column) { return false }
                    if c == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                    return true
                })
            return .expect(.error(text))
        default:
            let kind = try ParsedArguments.kind(what)
            let name = try args.next("NAME")
            let stateArg = try args.next("the state")
            let state = try args.choice(stateArg, of: states, what: "the state")
            var node: String?
            if let on = args.nextIfAny() {
                guard on.text == "on" else {
                    throw Diagnostic(at: on.location, "expected \"on NODE\" or nothing, not \"\(on.text)\"")
                }
                node = try args.next("NODE").text
            }
            try args.finish()
            return .expect(.objectState(kind: kind, name: name, state: state, node: node))
        }
    }

    static let mark = CommandSpec(
        "mark", group: .checks, usage: ["mark NAME"],
        summary: "name this moment, for expect since NAME ...",
        details: "Then expect since NAME ... looks only at what happened after this moment.",
        examples: ["mark scaled"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = try args.next("NAME")
        try args.finish()
        return .mark(name)
    }
}
