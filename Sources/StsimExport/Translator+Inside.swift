import StsimEngine
import StsimLanguage

/// Looking inside the cluster: stsim's `dig` and `curl` run from a throwaway pod, as a person
/// does on a real cluster; shells fed by the script read a here-document.
extension Translator {
    /// The image the Kubernetes docs use for DNS debugging.
    static let dnsImage = "registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3"
    static let curlImage = "curlimages/curl:8.11.1"

    /// `kubectl run` of a pod that runs one command and goes (named after the .sts line).
    func throwawayPod(_ prefix: String, image: String, _ command: [String]) -> [String] {
        [
            "kubectl", "run", "stsim-\(prefix)-\(text.location.line)", "--rm", "-i", "--quiet", "--restart=Never",
            "--image=\(image)",
        ] + namespaceFlag + ["--"] + command
    }

    func digPod(_ type: DNSRecordType, _ name: String, search: Bool, short: Bool) -> [String] {
        throwawayPod(
            "dig", image: Self.dnsImage,
            ["dig"] + (short ? ["+short"] : []) + (search ? ["+search"] : []) + [type.rawValue, name])
    }

    func dig(_ type: DNSRecordType, _ name: String, search: Bool) -> Translation {
        .command(
            ["kubectl " + BashText.words(Array(digPod(type, name, search: search, short: false).dropFirst()))],
            notes: ["dig from a throwaway pod, as a pod sees the cluster's DNS"])
    }

    /// stsim's curl reaches the apps through `kubectl proxy` (localhost:8001, started by `proxy`)
    /// or by a name inside the cluster, which only a pod can resolve.
    func curl(_ c: CurlCommand) -> Translation {
        let host = c.url.text.split(separator: "/", omittingEmptySubsequences: true).first { !$0.hasSuffix(":") } ?? ""
        if host.hasPrefix("localhost") || host.hasPrefix("127.0.0.1") {
            return .command(["curl " + BashText.words(Array(words.dropFirst()))], notes: ["through kubectl proxy"])
        }
        return .command(
            ["kubectl " + BashText.words(Array(throwawayPod("curl", image: Self.curlImage, words).dropFirst()))],
            notes: ["curl from a throwaway pod: \(host) is a name inside the cluster"])
    }

    /// `exec -i POD -- sh` with the lines the script types: the shell reads them from a
    /// here-document (no `-t`: the script's input is not a terminal).
    func attachedExec(_ e: AttachedExec) -> Translation {
        guard let input = fedInput(e.input) else {
            return .skip(
                whereText, written,
                how: "kubectl exec -it \(e.pod.text) -- \(e.command.map(\.text).joined(separator: " "))")
        }
        let args =
            ["exec", "-i", e.pod.text] + (e.container.map { ["-c", $0] } ?? []) + namespaceFlag + ["--"]
            + e.command.map(\.text)
        let doc = BashText.hereDocument(input)
        return .command(["kubectl " + BashText.words(args) + " <<'\(doc.delimiter)'"] + doc.lines)
    }

    func runPod(_ r: RunPodCommand) -> Translation {
        guard let input = r.input.flatMap(fedInput) else { return asWritten(changesCluster: !r.remove) }
        var args = ["run", r.name.text, "--image=\(r.image)"]
        if r.remove { args.append("--rm") }
        if let restart = r.restart { args.append("--restart=\(restart)") }
        args += ["-i"] + namespaceFlag + (r.command.isEmpty ? [] : ["--"] + r.command)
        let doc = BashText.hereDocument(input)
        return .command(
            ["kubectl " + BashText.words(args) + " <<'\(doc.delimiter)'"] + doc.lines, changesCluster: !r.remove)
    }

    /// What a shell reads, as text; nil at a terminal (the prompt only).
    private func fedInput(_ input: ExecInput) -> String? {
        switch input {
        case .terminal: nil
        case .typedLines(let lines): lines.map(\.text).joined(separator: "\n") + "\n"
        case .text(let s): s
        }
    }
}
