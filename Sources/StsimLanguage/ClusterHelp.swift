import StsimEngine

/// `help cluster`: what each profile of `--cluster` / `reset --cluster` imitates, one paragraph
/// each, in stsim's words.
public enum ClusterHelp {
    public static let topic = "cluster"

    public static func text() -> String {
        var out = [
            "cluster: which real cluster stsim imitates",
            "",
            "Usage:",
            "  stsim --cluster NAME ...      (the command line)",
            "  reset --cluster NAME          (at the prompt or in a script)",
            "",
            "The same StatefulSet fares differently when a node dies, because each distribution",
            "keeps a claim's data somewhere else. --nodes N sets how many nodes take workloads.",
            "",
        ]
        for profile in ClusterProfile.allCases {
            out.append("\(profile.rawValue)\(profile == .stsim ? " (the default)" : "")")
            out += paragraph(profile).map { "  " + $0 }
            out.append("")
        }
        out.append("get nodes -o wide, get sc and describe node show each one as its distribution does.")
        return out.joined(separator: "\n")
    }

    static func paragraph(_ profile: ClusterProfile) -> [String] {
        switch profile {
        case .stsim:
            return [
                "Nodes control-plane (tainted, takes no workloads) and node-1, node-2, node-3. The",
                "default class standard is a network disk (CSI driver network-disk.csi.stsim, Immediate):",
                "a volume attaches to one node at a time and follows its pod to any node. A pod moved",
                "off an unreachable node waits in ContainerCreating (Multi-Attach error) until the",
                "attach/detach controller force-detaches the disk after 6 minutes.",
            ]
        case .kind:
            return [
                "kind v0.26 (Kubernetes v1.32.0, containerd 1.7.24): kind-control-plane (tainted) and",
                "kind-worker, kind-worker2, kind-worker3. The default class standard is",
                "rancher.io/local-path, WaitForFirstConsumer: a volume is a directory on the node where",
                "its first pod ran, and its pods may only ever run there. If that node dies, the pod",
                "stays Pending: node(s) had volume node affinity conflict.",
            ]
        case .minikube:
            return [
                "minikube v1.35 with the docker driver (Docker through cri-dockerd): one node, minikube,",
                "which is both control plane and worker. The default class standard is",
                "k8s.io/minikube-hostpath, Immediate: a hostPath directory on the node. With one node",
                "there is nowhere to move: when it dies, everything waits for it.",
            ]
        case .gke:
            return [
                "GKE Standard 1.32: nodes gke-stsim-default-pool-... over the zones us-central1-a, -b",
                "and -c, no control-plane node. Classes standard-rwo (the default) and premium-rwo",
                "(pd.csi.storage.gke.io, WaitForFirstConsumer) and standard (in-tree, Immediate): zonal",
                "persistent disks, made in the first pod's zone, that attach to one node at a time. A",
                "pod may move only within its disk's zone, after the detach (Multi-Attach error, 6 min).",
            ]
        case .kubeadm:
            return [
                "A bare kubeadm cluster (containerd, Ubuntu): controlplane (tainted) and node01,",
                "node02, node03. No StorageClass and no provisioner: a claim without a class stays",
                "Pending until someone creates a PersistentVolume that fits (create pv NAME",
                "--capacity 1Gi) or installs a provisioner and a default class.",
            ]
        }
    }
}
