import ArgumentParser
import StsimExport

/// `stsim export FILE.sts`: the scenario as a bash script of kubectl commands for a real
/// cluster (docs/export.md).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stsim export",
        abstract: "Write FILE.sts as a bash script of kubectl commands that runs the scenario on a real cluster.",
        discussion: """
            The script goes to standard output:
              stsim export FILE.sts > run.sh && bash run.sh
            Manifests named by -f are inlined as here-documents; settle and
            wait become kubectl wait and rollout status; each expect becomes a
            check that stops the script at its FILE:LINE; faults and other
            stsim-only commands print how to do them (docs/export.md).
            """
    )

    @Argument(help: "The .sts script to export.")
    var script: String

    @Argument(help: "NAME=VALUE pairs for the script's ${NAME}, as when it runs.")
    var scriptArguments: [String] = []

    @Option(help: ArgumentHelp("The real cluster the script is for: kind, minikube or any.", valueName: "NAME"))
    var cluster: String = "kind"

    /// The `NAME=VALUE` pairs as variables.
    var variables: [String: String] {
        var out: [String: String] = [:]
        for pair in scriptArguments {
            if let eq = pair.firstIndex(of: "=") { out[String(pair[..<eq])] = String(pair[pair.index(after: eq)...]) }
        }
        return out
    }

    func validate() throws {
        if let pair = scriptArguments.first(where: { !$0.contains("=") || $0.hasPrefix("=") }) {
            throw ValidationError("script arguments are NAME=VALUE, not \"\(pair)\"")
        }
        if RealCluster(rawValue: cluster) == nil {
            throw ValidationError(
                "--cluster must be one of \(RealCluster.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(cluster)\""
            )
        }
    }
}
