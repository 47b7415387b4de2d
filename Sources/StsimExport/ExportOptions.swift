/// The real cluster an exported script is for: it decides the header's promise and how faults
/// are done (`stsim export --cluster NAME`).
public enum RealCluster: String, CaseIterable, Sendable {
    case kind, minikube, any

    var expectation: String {
        switch self {
        case .kind:
            "a kind cluster (`kind create cluster`; stsim --cluster kind has the same node names: kind-worker, kind-worker2, ...)."
        case .minikube: "a minikube cluster (`minikube start`; its node is called minikube)."
        case .any: "any Kubernetes 1.32 cluster whose node names match the script's."
        }
    }

    var faultTool: String {
        switch self {
        case .kind: "docker commands on kind's node containers"
        case .minikube: "minikube node stop/start"
        case .any: "none here: each fault only prints how"
        }
    }
}

public struct ExportOptions: Sendable {
    public var cluster: RealCluster
    public init(cluster: RealCluster = .kind) { self.cluster = cluster }
}

/// What one stsim command becomes in the script.
struct Translation {
    /// Bash lines: one command (with its here-document) when `runs`, or skip lines.
    var lines: [String] = []
    /// The lines are one command that runs against the cluster (its output can be captured,
    /// `expect error` can wrap it).
    var runs = false
    /// The lines are a single command (a file per command makes several).
    var single = true
    /// stsim's mode auto settles after this command: the script settles too.
    var changesCluster = false
    /// Comments about the translation itself (a flag with no kubectl equivalent, ...).
    var notes: [String] = []

    static func command(_ lines: [String], changesCluster: Bool = false, notes: [String] = []) -> Translation {
        Translation(lines: lines, runs: true, changesCluster: changesCluster, notes: notes)
    }

    /// A stsim-only command: how to do it on a real cluster, and a line that says it was skipped.
    static func skip(_ where: String, _ text: String, how: String) -> Translation {
        Translation(
            lines: ["stsim_skip \(BashText.word(`where`)) \(BashText.word(text))"],
            notes: ["stsim only; on a real cluster: \(how)"])
    }
}
