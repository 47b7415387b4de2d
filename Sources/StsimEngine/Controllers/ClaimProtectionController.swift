/// The pvc-protection controller: a claim being deleted keeps its
/// `kubernetes.io/pvc-protection` finalizer (and shows Terminating) while any pod uses it (8.3).
final class ClaimProtectionController {
    unowned let cluster: Cluster

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State: Codable {
        /// Pods (by name) that use each claim.
        var users: [ObjectKey: Set<String>] = [:]
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    /// Only a scheduled pod uses its claims (`podUsesPVC`): the kubelet sees pods once they are
    /// scheduled and never starts one on a claim being deleted, so an unscheduled pod does not
    /// hold the claim back (1.32 pkg/controller/volume/pvcprotection).
    func podChanged(_ pod: Pod, type: ChangeType) {
        guard type == .deleted || pod.spec.nodeName != nil else { return }
        for claim in pod.spec.claimNames {
            let key = ObjectKey(kind: .persistentVolumeClaim, namespace: pod.metadata.namespace, name: claim)
            if type != .deleted {
                if state.users[key]?.contains(pod.metadata.name) != true {
                    state.users[key, default: []].insert(pod.metadata.name)
                }
            } else {
                state.users[key]?.remove(pod.metadata.name)
                if state.users[key]?.isEmpty == true { state.users[key] = nil }
                cluster.enqueueSync(.claimProtection(key))
            }
        }
    }

    func claimChanged(_ claim: PersistentVolumeClaim, type: ChangeType) {
        guard type != .deleted, claim.metadata.deletionTimestamp != nil else { return }
        cluster.enqueueSync(
            .claimProtection(
                ObjectKey(kind: .persistentVolumeClaim, namespace: claim.metadata.namespace, name: claim.metadata.name))
        )
    }

    func isInUse(_ key: ObjectKey) -> Bool { !(state.users[key]?.isEmpty ?? true) }

    func sync(_ key: ObjectKey) {
        guard var claim = cluster.store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: key.name),
            claim.metadata.deletionTimestamp != nil, !isInUse(key),
            claim.metadata.finalizers.contains(PersistentVolumeController.claimProtectionFinalizer)
        else { return }
        claim.metadata.finalizers.removeAll { $0 == PersistentVolumeController.claimProtectionFinalizer }
        cluster.write(.persistentVolumeClaim(claim))
    }
}
