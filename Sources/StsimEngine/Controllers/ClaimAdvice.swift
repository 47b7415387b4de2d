/// Claims that nothing will ever bind on its own, and why, in stsim's words: Kubernetes only
/// records `FailedBinding` (`no persistent volumes available for this claim and no storage class
/// is set`), which does not say that no one is coming.
extension Cluster {
    /// Pending claims without a StorageClass (`name`, reason), in the order they started waiting.
    /// Such a claim binds only to a PersistentVolume someone makes by hand.
    public func unprovisionableClaims(namespace: String? = nil) -> [(name: String, reason: String)] {
        let ns = namespace ?? config.namespace
        let bare = config.profile == .kubeadm ? " (kubeadm installs none)" : ""
        var out: [(String, String)] = []
        for key in volumes.pendingClaims where key.namespace == ns {
            guard let claim = store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: key.name),
                claim.storageClass.isEmpty, claim.status.phase == .pending
            else { continue }
            out.append(
                (
                    key.name,
                    "no provisioner will make it a volume: it names no StorageClass and the cluster has no default one\(bare); it binds when someone creates a PersistentVolume that fits (create pv NAME --capacity \(claim.spec.storageRequest?.text ?? "1Gi"))"
                ))
            if out.count == 10 { break }
        }
        return out
    }
}
