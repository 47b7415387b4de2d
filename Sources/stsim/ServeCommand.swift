import ArgumentParser

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
    }
}
