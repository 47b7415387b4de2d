import StsimEngine

/// What `serve` asks for: the loopback Kubernetes API for the real kubectl.
public enum ServeAction: Hashable, Sendable {
    /// `serve [--port N] [--kubeconfig FILE]`; port 0 is any free port, nil kubeconfig the default
    /// path (`$XDG_STATE_HOME/stsim/kubeconfig`).
    /// `realtime`: `--realtime [FACTOR]`, virtual time following the wall clock × FACTOR.
    case start(port: Int, kubeconfig: Argument?, realtime: Double? = nil)
    case stop

    /// The fastest `--realtime` factor: an hour of virtual time each wall second.
    public static let realtimeLimit = 3600
}

/// `serve`: the session's cluster behind a Kubernetes API on 127.0.0.1, as `stsim serve` does.
enum ServeCommands {
    static let specs: [CommandSpec] = [serve]

    static let serve = CommandSpec(
        "serve", group: .session, usage: ["serve [--port N] [--kubeconfig FILE] [--realtime [FACTOR]]", "serve stop"],
        summary: "serve this cluster to the real kubectl on 127.0.0.1 (prints export KUBECONFIG=...)",
        details:
            "The API serves beside the prompt: a command typed here and a kubectl request run one at a time on the one cluster, "
            + "and kubectl's watches see what the prompt changes. The kubeconfig holds a random token; a request without it gets 401. "
            + "serve stop ends it, closing the watches; so does quit. In a script, the API serves while the script goes on, "
            + "and after its last line until Ctrl-C, as stsim serve FILE.sts does (serve stop in the script ends it there). "
            + "With --realtime [FACTOR] (1 by default, up to \(ServeAction.realtimeLimit)), virtual time follows the wall clock × FACTOR while it serves, "
            + "a few times a second as tick does, so kubectl get -w and k9s see the cluster move live; writes then no longer settle "
            + "(neither kubectl's nor the prompt's: a real cluster does not jump ahead), while tick, settle and wait still jump when typed.",
        examples: [
            "serve", "serve --port 6443 --kubeconfig /tmp/stsim.kubeconfig", "serve --realtime 60", "serve stop",
        ],
        flags: [
            FlagSpec("port", value: "N", help: "the port on 127.0.0.1 (default 0: any free port)"),
            FlagSpec(
                "kubeconfig", value: "FILE",
                help: "where to write the kubeconfig (default: $XDG_STATE_HOME/stsim/kubeconfig)",
                completion: .files),
            FlagSpec(
                "realtime",
                help: "virtual time follows the wall clock × FACTOR (the number after it, 1 by default) while serving"),
        ],
        positionals: [.choices(["stop"]), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        var realtime: Double?
        if args.flag("realtime") != nil {
            realtime = 1
            if let word = args.peek(), word.text != "stop" {
                _ = args.nextIfAny()
                realtime = try Common.realtimeFactor(word)
            }
        }
        if let word = args.nextIfAny() {
            guard word.text == "stop" else {
                throw Diagnostic(
                    at: word.location, "serve: unexpected argument \"\(word.text)\"",
                    hint: "serve alone starts the API; serve stop ends it")
            }
            try args.finish()
            for name in ["port", "kubeconfig", "realtime"] {
                if let f = args.flag(name) {
                    throw Diagnostic(
                        at: f.location, "serve stop takes no --\(name)", hint: "serve stop ends the API it serves")
                }
            }
            return .serve(.stop)
        }
        try args.finish()
        let port = try args.flag("port").map { p throws(Diagnostic) in
            try Common.port(p, lowest: 0, hint: "a number from 0 (any free port) to 65535, as in serve --port 6443")
        }
        return .serve(.start(port: port ?? 0, kubeconfig: args.flag("kubeconfig"), realtime: realtime))
    }
}

extension Common {
    /// A `--realtime` factor: a positive number up to `realtimeLimit`.
    static func realtimeFactor(_ a: Argument) throws(Diagnostic) -> Double {
        guard let f = Double(a.text), f.isFinite, f > 0, f <= Double(ServeAction.realtimeLimit) else {
            throw Diagnostic(
                at: a.location, "invalid --realtime factor \"\(a.text)\"",
                hint:
                    "a positive number up to \(ServeAction.realtimeLimit), as in serve --realtime 60 (a virtual minute each wall second)"
            )
        }
        return f
    }

    /// A `--port` value: a whole number from `lowest` to 65535.
    static func port(_ a: Argument, lowest: Int, hint: String) throws(Diagnostic) -> Int {
        guard let n = Int(a.text), (lowest...65535).contains(n) else {
            throw Diagnostic(at: a.location, "invalid port \"\(a.text)\"", hint: hint)
        }
        return n
    }
}
