import StsimEngine
import StsimLanguage

/// Faults, and the commands only a simulator has: each says how to do it on a real cluster, and
/// the script says it skipped it (faults run with STSIM_FAULTS=1 where there is a way).
extension Translator {
    func fault(_ f: FaultCommand) -> Translation {
        switch f {
        case .cordon, .taint: return asWritten(changesCluster: true)
        case .drain:
            // A real node runs DaemonSet pods (kindnet, kube-proxy) that drain refuses to evict.
            if words.contains(where: { $0.hasPrefix("--ignore-daemonsets") }) { return asWritten(changesCluster: true) }
            return .command(
                ["kubectl " + BashText.words(words + ["--ignore-daemonsets"])], changesCluster: true,
                notes: ["--ignore-daemonsets: a real node runs DaemonSet pods, which drain cannot evict"])
        case .crash(let node):
            let node = options.realNodeName(node.text)
            return nodeFault(
                node, kind: ["docker", "stop", node], minikube: ["minikube", "node", "stop", node],
                how: "power the node's machine off")
        case .boot(let node):
            let node = options.realNodeName(node.text)
            return nodeFault(
                node, kind: ["docker", "start", node], minikube: ["minikube", "node", "start", node],
                how: "power the node's machine on")
        case .partition(let nodes):
            return faults(
                nodes.map { ["docker", "network", "disconnect", "kind", options.realNodeName($0.text)] },
                how: "cut the node off the control plane (a firewall rule on its network)")
        case .heal(let nodes):
            return faults(
                nodes.map { ["docker", "network", "connect", "kind", options.realNodeName($0.text)] },
                how: "undo the firewall rule that cut the node off")
        case .killPod(let name, _, _):
            return .skip(
                whereText, written,
                how:
                    "kill the container's main process (on kind: docker exec NODE crictl stop CONTAINER, with the node from kubectl get pod \(name.text) -o wide)"
            )
        case .restartKubelet(let node, let stale): return restartKubelet(node, stale: stale)
        case .restartController(let betweenWrites):
            return .skip(
                whereText, written,
                how: betweenWrites
                    ? "a restart between two writes of one sync cannot be timed on a real cluster"
                    : "restart kube-controller-manager (a static pod: move its manifest out of /etc/kubernetes/manifests and back)"
            )
        case .lagPods:
            return .skip(
                whereText, written,
                how:
                    "a late watch needs a proxy between kube-controller-manager and the API server that holds events back"
            )
        case .imageFault(let image, let broken):
            return .skip(
                whereText, written,
                how: broken
                    ? "point the workload at an image that cannot be pulled instead of \(image.text) (kubectl set image)"
                    : "point the workload back at \(image.text) (kubectl set image)")
        }
    }

    /// A kubelet restart runs on kind and minikube; a stale API cache needs machinery a real
    /// cluster lacks (Sieve stages it with a proxy).
    private func restartKubelet(_ node: Argument, stale: VirtualDuration) -> Translation {
        guard stale == .zero else {
            return .skip(
                whereText, written,
                how: "a kubelet listing from a stale API cache needs an API server replica whose watch cache lags")
        }
        let node = options.realNodeName(node.text)
        return nodeFault(
            node, kind: ["docker", "exec", node, "systemctl", "restart", "kubelet"],
            minikube: ["minikube", "ssh", "-n", node, "--", "sudo", "systemctl", "restart", "kubelet"],
            how: "restart the kubelet service on the node (systemctl restart kubelet)")
    }

    private func nodeFault(_ node: String, kind: [String], minikube: [String], how: String) -> Translation {
        switch options.cluster {
        case .kind: faults([kind], how: how)
        case .minikube: faults([minikube], how: how)
        case .any: .skip(whereText, written, how: how)
        }
    }

    /// `stsim_fault WHERE WHAT COMMAND...`: runs with STSIM_FAULTS=1; on kind only (docker).
    private func faults(_ commands: [[String]], how: String) -> Translation {
        guard options.cluster == .kind || commands.first?.first == "minikube" else {
            return .skip(whereText, written, how: how)
        }
        return .command(
            commands.map { "stsim_fault " + BashText.words([whereText, written] + $0) }, changesCluster: true)
    }

    /// The commands with no kubectl counterpart: a skip line, and how to get the same on a real cluster.
    func stsimOnly() -> Translation {
        let how: String
        switch statement.command {
        case .clock: how = "the clock is the real one (date -u)"
        case .timeline: how = "kubectl get events --sort-by=.lastTimestamp"
        case .explore:
            how =
                "explore tries every schedule of faults on copies of a simulated cluster; a real cluster has one history"
        case .mark: how = "a mark names a moment for stsim's history checks"
        case .lesson: how = "lessons are checked by stsim"
        case .help: how = "kubectl help, kubectl explain"
        case .history: how = "your shell's history"
        case .unwatch: how = "a watch here ends by itself (STSIM_WATCH_SECONDS)"
        case .reset:
            how = options.cluster == .kind ? "kind delete cluster && kind create cluster" : "a fresh cluster"
        case .undo: how = "no undo: apply the previous manifests again"
        case .seed: how = "a real cluster's names and timings are its own"
        case .setting: how = "stsim's own limits and feature gates (a real cluster's are in its configuration)"
        case .run(let path): how = "export that script too: stsim export \(path.text)"
        case .save, .load: how = "a cluster's state is in etcd (etcdctl snapshot save/restore)"
        case .serve: how = "the real cluster already has its API server (kubectl config current-context)"
        case .unavailable(let name, _): how = "\(name) is not built in stsim yet"
        default: how = "no kubectl counterpart"
        }
        return .skip(whereText, written, how: how)
    }
}
