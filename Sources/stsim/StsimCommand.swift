import ArgumentParser
import StsimSession

/// The executable's own flags (command-language.md, "Running").
struct StsimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stsim",
        abstract: "A simulated Kubernetes cluster, in virtual time, for learning StatefulSets.",
        discussion: """
            With a terminal and no script: the interactive prompt. Otherwise script mode:
              stsim FILE.sts [NAME=VALUE...]   run a script (NAME=VALUE defines ${NAME})
              stsim run FILE.sts               the same
              stsim - < FILE                   read the script from standard input
              stsim -c 'CMD; CMD'              run commands given here
              stsim export FILE.sts > run.sh   its kubectl commands, for a real cluster
              stsim serve [FILE.sts]           serve the cluster to the real kubectl
            Exit status: 0 when every command and expect held, 1 on an error or a failed expect,
            2 on a usage error.
            """
    )

    @Argument(help: "A .sts script to run (or `-` for standard input).")
    var script: String?

    @Argument(parsing: .captureForPassthrough, help: "NAME=VALUE pairs for the script's ${NAME}.")
    var scriptArguments: [String] = []

    @Option(name: .customShort("c"), help: "Commands to run, separated by `;`.")
    var commands: String?

    @Flag(help: "Print each command before its output (a transcript).")
    var echo = false

    @Flag(name: .customLong("keep-going"), help: "Go on after errors and failed expectations.")
    var keepGoing = false

    @Option(name: .customLong("load"), help: "Start from a state written by `save` (lessons use it).")
    var loadFile: String?

    @OptionGroup var cluster: ClusterOptions

    func validate() throws {
        if commands != nil && script != nil {
            throw ValidationError("give either -c 'COMMANDS' or a script, not both")
        }
    }
}

/// The simulated cluster's own flags, shared by the prompt, scripts and `stsim serve`.
struct ClusterOptions: ParsableArguments {
    @Option(help: "The seed for every random choice (names, IPs, ties).")
    var seed: UInt64 = 1

    @Option(help: "How many nodes take workloads (default 3; minikube 1).")
    var nodes: Int?

    @Option(
        help: ArgumentHelp(
            "The real cluster to imitate: stsim, kind, minikube, gke or kubeadm (`help cluster` at the prompt).",
            valueName: "NAME"))
    var cluster = "stsim"

    @Flag(
        name: .customLong("allow-host-files"),
        help: "Let scripts use host files outside their folder and the working directory.")
    var allowHostFiles = false

    @Option(
        name: .customLong("feature-gates"),
        help: ArgumentHelp(
            "Kubernetes feature gates, NAME=true|false[,...]; stsim models MaxUnavailableStatefulSet (alpha, off in 1.32).",
            valueName: "LIST"))
    var featureGates: String?

    @OptionGroup(title: "Limits (docs/limits.md)")
    var limits: LimitFlags

    func validate() throws {
        if let nodes, nodes < 0 || nodes > 5000 { throw ValidationError("--nodes takes 0 to 5000") }
        if !Session.Options.clusterNames.contains(cluster) {
            throw ValidationError(
                "--cluster must be one of \(Session.Options.clusterNames.joined(separator: ", ")), not \"\(cluster)\"")
        }
        try limits.validate()
        if let featureGates, let e = Session.Options().featureGatesError(featureGates) {
            throw ValidationError("--feature-gates: \(e)")
        }
    }

    func apply(to options: inout Session.Options) {
        options.seed = seed
        options.workerCount = nodes
        options.useCluster(named: cluster)
        options.allowHostFiles = allowHostFiles
        limits.apply(to: &options.limits)
        if let featureGates { _ = options.setFeatureGates(featureGates) }
    }
}
