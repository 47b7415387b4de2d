/// The real cluster an exported script is for: it decides the header's promise and how faults
/// are done (`stsim export --cluster NAME`).
public enum RealCluster: String, CaseIterable, Sendable {
    case kind, minikube, any

    /// The header's lines about the cluster the script expects.
    var expectation: [String] {
        switch self {
        case .kind:
            [
                "# Expects: a kind cluster with three workers, as stsim's default cluster has:",
                "#   printf 'kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\nnodes:\\n- role: control-plane\\n- role: worker\\n- role: worker\\n- role: worker\\n' | kind create cluster --config=-",
                "# stsim's node names are kind's here: control-plane, node-1, node-2, ... are kind-control-plane, kind-worker, kind-worker2, ...",
            ]
        case .minikube: ["# Expects: a minikube cluster (minikube start); its one node is called minikube."]
        case .any: ["# Expects: any Kubernetes 1.32 cluster whose node names are the script's."]
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

    /// A scenario written for stsim's own nodes (`control-plane`, `node-1`, ...) runs on kind with
    /// kind's names for them (`kind-control-plane`, `kind-worker`, `kind-worker2`, ...): the word,
    /// or its end after `/` or `=` (`node/node-1`, `kubernetes.io/hostname=node-1`).
    func realNodeName(_ word: String) -> String {
        guard cluster == .kind else { return word }
        for separator in ["", "/", "="] {
            let head: Substring
            let name: Substring
            if separator.isEmpty {
                (head, name) = ("", Substring(word))
            } else if let cut = word.lastIndex(of: Character(separator)) {
                (head, name) = (word[...cut], word[word.index(after: cut)...])
            } else {
                continue
            }
            if name == "control-plane" { return head + "kind-control-plane" }
            if name.hasPrefix("node-"), let n = Int(name.dropFirst(5)), n >= 1, String(n) == name.dropFirst(5) {
                return head + (n == 1 ? "kind-worker" : "kind-worker\(n)")
            }
        }
        return word
    }
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
    /// Which of `lines` is the command whose output `expect output contains` reads (after the
    /// lines that write its files, say); nil when none prints what the scenario is about.
    var outputLine: Int? = 0
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
