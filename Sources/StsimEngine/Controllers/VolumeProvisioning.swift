/// What each provisioner makes for a claim, as the real ones do: where the data lives decides
/// where the claim's pod can run after its node dies.
/// - a disk CSI driver (stsim's network disk, GKE's PD driver): a network disk that attaches to
///   one node at a time; in a zoned cluster it is made in the first consumer's zone and keeps
///   its pods there (the driver's topology key);
/// - `rancher.io/local-path` (kind): a directory on the selected node, pinned to that node
///   (local-path-provisioner provisioner.go);
/// - anything else (`k8s.io/minikube-hostpath`): a hostPath directory, no node affinity
///   (minikube storage_provisioner.go).
enum VolumeProvisioning {
    static let localPath = "rancher.io/local-path"
    /// GKE's in-tree class name; CSI migration hands its volumes to the PD driver.
    static let gceInTree = "kubernetes.io/gce-pd"

    /// CSI drivers that attach volumes to nodes, by their naming (`pd.csi.storage.gke.io`,
    /// `ebs.csi.aws.com`, `disk.csi.azure.com`, stsim's `network-disk.csi.stsim`).
    static func attaches(_ provisioner: String) -> Bool {
        provisioner.contains(".csi.") || provisioner == gceInTree
    }

    /// Fills the new volume's source and node affinity. `node` is the claim's selected node
    /// (WaitForFirstConsumer), if any.
    static func shape(_ pv: inout PersistentVolume, provisioner: String, claim key: ObjectKey, node: Node?) {
        let name = pv.metadata.name
        if attaches(provisioner) {
            let driver = provisioner == gceInTree ? ClusterProfile.gkeDiskDriver : provisioner
            let zone = node?.metadata.labels[ClusterProfile.gkeZoneLabel] ?? node?.metadata.labels[Node.zoneLabel]
            if driver == ClusterProfile.gkeDiskDriver {
                pv.spec.source = .csi(
                    driver: driver, volumeHandle: "projects/stsim/zones/\(zone ?? "local")/disks/\(name)")
            } else {
                pv.spec.source = .csi(driver: driver, volumeHandle: name)
            }
            if let zone {
                let key = driver == ClusterProfile.gkeDiskDriver ? ClusterProfile.gkeZoneLabel : Node.zoneLabel
                pv.spec.nodeAffinityTopology = TopologyRequirement(key: key, values: [zone])
            }
            return
        }
        if let node, provisioner == localPath {
            pv.metadata.annotations["local.path.provisioner/selected-node"] = node.metadata.name
            pv.spec.nodeAffinityHostnames = [node.metadata.name]
            pv.spec.source = .hostPath(
                path: "/var/local-path-provisioner/\(name)_\(key.namespace)_\(key.name)", type: "DirectoryOrCreate")
            return
        }
        pv.spec.source = .hostPath(path: "/tmp/hostpath-provisioner/\(key.namespace)/\(key.name)", type: "")
    }
}
