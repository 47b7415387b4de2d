import StsimEngine

/// What `serve` asks for: the loopback Kubernetes API for the real kubectl.
public enum ServeAction: Hashable, Sendable {
    /// `serve [--port N] [--kubeconfig FILE]`; port 0 is any free port, nil kubeconfig the default
    /// path (`$XDG_STATE_HOME/stsim/kubeconfig`).
    case start(port: Int, kubeconfig: Argument?)
    case stop
}

/// `serve`: the session's cluster behind a Kubernetes API on 127.0.0.1, as `stsim serve` does.
enum ServeCommands {
    static let specs: [CommandSpec] = [serve]

    static let serve = CommandSpec(
        "serve", group: .session, usage: ["serve [--port N] [--kubeconfig FILE]", "serve stop"],
        summary: "serve this cluster to the real kubectl on 127.0.0.1 (prints export KUBECONFIG=...)",
        details:
            "The API serves beside the prompt: a command typed here and a kubectl request run one at a time on the one cluster, "
            + "and kubectl's watches see what the prompt changes. The kubeconfig holds a random token; a request without it gets 401. "
            + "serve stop ends it, closing the watches; so does quit. In a script, the API serves while the script goes on, "
            + "and after its last line until Ctrl-C, as stsim serve FILE.sts does (serve stop in the script ends it there).",
        examples: ["serve", "serve --port 6443 --kubeconfig /tmp/stsim.kubeconfig", "serve stop"],
        flags: [
            FlagSpec("port", value: "N", help: "the port on 127.0.0.1 (default 0: any free port)"),
            FlagSpec(
                "kubeconfig", value: "FILE",
                help: "where to write the kubeconfig (default: $XDG_STATE_HOME/stsim/kubeconfig)",
                completion: .files),
        ],
        positionals: [.choices(["stop"]), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if let word = args.nextIfAny() {
            guard word.text == "stop" else {
                throw Diagnostic(
                    at: word.location, "serve: unexpected argument \"\(word.text)\"",
                    hint: "serve alone starts the API; serve stop ends it")
            }
            try args.finish()
            for name in ["port", "kubeconfig"] {
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
        return .serve(.start(port: port ?? 0, kubeconfig: args.flag("kubeconfig")))
    }
}

extension Common {
    /// A `--port` value: a whole number from `lowest` to 65535.
    static func port(_ a: Argument, lowest: Int, hint: String) throws(Diagnostic) -> Int {
        guard let n = Int(a.text), (lowest...65535).contains(n) else {
            throw Diagnostic(at: a.location, "invalid port \"\(a.text)\"", hint: hint)
        }
        return n
    }
}
