/// Which real cluster stsim imitates (`--cluster NAME`, `reset --cluster NAME`): its node names,
/// roles and machines, and its StorageClasses, whose provisioners decide where data lives and
/// so how a StatefulSet's pod fares when its node dies. Sources per profile are in
/// docs/kubernetes-facts.md ("Cluster profiles").
public enum ClusterProfile: String, Codable, CaseIterable, Sendable {
    /// stsim's own: `control-plane` and `node-1`..; its default class is a network disk that
    /// attaches to one node at a time.
    case stsim
    /// kind v0.26: `kind-control-plane`, `kind-worker`..; local-path volumes pinned to a node.
    case kind
    /// minikube v1.35 (docker driver): one node `minikube`; hostPath volumes, Immediate.
    case minikube
    /// GKE Standard 1.32: three zones, no control-plane node; zonal persistent disks.
    case gke
    /// A bare kubeadm cluster: `controlplane`, `node01`..; no StorageClass at all.
    case kubeadm

    /// The node the control plane runs on; GKE's runs out of sight.
    public var controlPlaneName: String? {
        switch self {
        case .stsim: "control-plane"
        case .kind: "kind-control-plane"
        case .minikube: "minikube"
        case .kubeadm: "controlplane"
        case .gke: nil
        }
    }

    /// Nodes that take workloads when `--nodes` is not given: minikube starts with one.
    public var defaultNodeCount: Int { self == .minikube ? 1 : 3 }

    /// The nodes of a new cluster, in creation order. `count` nodes take workloads; kind, kubeadm
    /// and stsim add a tainted control-plane node, minikube's first node is its (untainted)
    /// control plane, GKE shows none. `hex` and `suffix` give GKE's random name parts (8 hex
    /// digits per instance group, 4 letters and digits per instance).
    func nodeLayout(count: Int, hex: (Int) -> String, suffix: (Int) -> String) -> [ProfileNode] {
        let n = max(0, count)
        switch self {
        case .stsim:
            return [.controlPlane(controlPlaneName!)] + (0..<n).map { .worker("node-\($0 + 1)") }
        case .kind:
            // providers/common/namer.go: the first of a role has no suffix, then 2, 3, ...
            // kubeadminit/init.go removes the control-plane taint only on a single-node cluster.
            let cp = ProfileNode(name: controlPlaneName!, controlPlane: true, tainted: n > 0)
            return [cp]
                + (0..<n).map { .worker($0 == 0 ? "kind-worker" : "kind-worker\($0 + 1)") }
        case .minikube:
            return (0..<max(1, n)).map { i in
                i == 0
                    ? ProfileNode(name: "minikube", controlPlane: true, tainted: false)
                    : .worker("minikube-m" + (i + 1 < 10 ? "0" : "") + "\(i + 1)")
            }
        case .kubeadm:
            return [.controlPlane(controlPlaneName!)]
                + (0..<n).map { .worker("node" + ($0 + 1 < 10 ? "0" : "") + "\($0 + 1)") }
        case .gke:
            // One managed instance group per zone, each with its own 8-hex part: node i is in zone i mod 3.
            let groups = (0..<min(n, Self.gkeZones.count)).map { _ in hex(8) }
            return (0..<n).map { i in
                let zone = Self.gkeZones[i % Self.gkeZones.count]
                var node = ProfileNode.worker("gke-stsim-default-pool-\(groups[i % groups.count])-\(suffix(4))")
                node.labels = [
                    Node.zoneLabel: zone, Self.gkeZoneLabel: zone, "topology.kubernetes.io/region": Self.gkeRegion,
                    "failure-domain.beta.kubernetes.io/zone": zone,
                    "failure-domain.beta.kubernetes.io/region": Self.gkeRegion,
                    "cloud.google.com/gke-nodepool": "default-pool", "cloud.google.com/machine-family": "e2",
                    "node.kubernetes.io/instance-type": "e2-medium", "beta.kubernetes.io/instance-type": "e2-medium",
                ]
                return node
            }
        }
    }

    static let gkeRegion = "us-central1"
    static let gkeZones = ["us-central1-a", "us-central1-b", "us-central1-c"]
    /// The PD CSI driver's topology key: its volumes' node affinity names the zone with it.
    public static let gkeZoneLabel = "topology.gke.io/zone"

    /// The StorageClasses the distribution installs (kind: const_storage.go; minikube: the
    /// default-storageclass addon; GKE: observed `kubectl get sc`; kubeadm installs none).
    var storageClasses: [StorageClass] {
        switch self {
        case .stsim:
            return [Self.storageClass("standard", Self.stsimDiskDriver, .immediate, isDefault: true)]
        case .kind:
            return [Self.storageClass("standard", "rancher.io/local-path", .waitForFirstConsumer, isDefault: true)]
        case .minikube:
            return [Self.storageClass("standard", "k8s.io/minikube-hostpath", .immediate, isDefault: true)]
        case .gke:
            return [
                Self.storageClass(
                    "premium-rwo", Self.gkeDiskDriver, .waitForFirstConsumer, expands: true, type: "pd-ssd"),
                Self.storageClass("standard", "kubernetes.io/gce-pd", .immediate, expands: true, type: "pd-standard"),
                Self.storageClass(
                    "standard-rwo", Self.gkeDiskDriver, .waitForFirstConsumer, isDefault: true, expands: true,
                    type: "pd-balanced"),
            ]
        case .kubeadm:
            return []
        }
    }

    /// stsim's network disk: a CSI driver whose volumes attach to one node at a time.
    public static let stsimDiskDriver = "network-disk.csi.stsim"
    public static let gkeDiskDriver = "pd.csi.storage.gke.io"

    private static func storageClass(
        _ name: String, _ provisioner: String, _ mode: VolumeBindingMode, isDefault: Bool = false,
        expands: Bool = false, type: String? = nil
    ) -> StorageClass {
        var meta = ObjectMeta(name: name)
        if isDefault { meta.annotations[StorageClass.defaultClassAnnotation] = "true" }
        return StorageClass(
            metadata: meta, provisioner: provisioner, reclaimPolicy: .delete, volumeBindingMode: mode,
            allowVolumeExpansion: expands ? true : nil, parameters: type.map { ["type": $0] } ?? [:])
    }
}

/// One node of a profile's layout.
struct ProfileNode {
    var name: String
    var controlPlane: Bool
    /// `node-role.kubernetes.io/control-plane:NoSchedule` (kubeadm's, removed only when the
    /// control plane is the only node).
    var tainted: Bool
    var labels: [String: String] = [:]

    static func controlPlane(_ name: String) -> ProfileNode {
        ProfileNode(name: name, controlPlane: true, tainted: true)
    }
    static func worker(_ name: String) -> ProfileNode { ProfileNode(name: name, controlPlane: false, tainted: false) }
}
