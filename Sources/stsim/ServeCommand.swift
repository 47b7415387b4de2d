import ArgumentParser

import class StsimSession.Session

/// `stsim serve [FILE.sts]`: the cluster behind a Kubernetes API on 127.0.0.1, for the real
/// kubectl (command-language.md, "Running").
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stsim serve",
        abstract: "Serve the simulated cluster as a Kubernetes API on 127.0.0.1, for the real kubectl.",
        discussion: """
            Runs FILE.sts first (if given), then serves until stopped. The kubeconfig
            holds a random token; a request without it gets 401. Writes settle as at
            the prompt, and what happens prints here, in virtual time.
            With --realtime [FACTOR], virtual time follows the wall clock × FACTOR
            (1 by default; 60 is a virtual minute each second) a few times a second,
            as tick does, so kubectl get -w and k9s see the cluster move live; writes
            then do not settle (a real cluster does not jump ahead).
              eval "$(stsim serve --print-env)"   serve in the background
            At the stsim prompt, or in a script, `serve` does the same beside the
            prompt; `serve stop` ends it.
            """
    )

    @Argument(help: "A .sts script to run before serving.")
    var script: String?

    @Option(help: "The port on 127.0.0.1 (0: any free port).")
    var port: Int = 0

    @Option(help: "Where to write the kubeconfig (default: $XDG_STATE_HOME/stsim/kubeconfig).")
    var kubeconfig: String?

    @Option(
        help: ArgumentHelp(
            "Virtual time follows the wall clock × FACTOR (FACTOR may be left out: 1); writes do not settle.",
            valueName: "FACTOR"))
    var realtime: Double?

    @Flag(
        name: .customLong("print-env"),
        help: "Serve in the background and print only the export KUBECONFIG=... line, for eval.")
    var printEnv = false

    /// The background half of --print-env (the foreground half waits for its first line).
    @Flag(name: .customLong("background"), help: .hidden)
    var background = false

    @OptionGroup var cluster: ClusterOptions

    func validate() throws {
        if port < 0 || port > 65535 { throw ValidationError("--port takes 0 to 65535") }
        if let f = realtime, !(f.isFinite && f > 0 && f <= Double(Session.realtimeLimit)) {
            throw ValidationError(
                "--realtime takes a positive number up to \(Session.realtimeLimit) (60: a virtual minute each wall second)"
            )
        }
    }

    /// `--realtime` without a FACTOR means 1: ArgumentParser has no optional option values, so
    /// a bare `--realtime` (last, or before something not a number) gets its 1 here.
    static func withRealtimeDefault(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (i, a) in arguments.enumerated() {
            out.append(a)
            if a == "--realtime" {
                let next = i + 1 < arguments.count ? arguments[i + 1] : nil
                if next.map({ Double($0) == nil && !$0.hasPrefix("-") || $0.hasPrefix("--") }) ?? true {
                    out.append("1")
                }
            }
        }
        return out
    }
}
