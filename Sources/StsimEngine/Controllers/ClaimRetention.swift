/// `persistentVolumeClaimRetentionPolicy` (reference 5): the policy works only through owner
/// references on claims, and the garbage collector does the deleting.
///
/// | whenScaled | whenDeleted | claim of an in-range pod | claim of a condemned pod |
/// | Retain | Retain | no owner | no owner |
/// | Retain | Delete | the StatefulSet | the StatefulSet |
/// | Delete | Retain | no owner | the Pod |
/// | Delete | Delete | the StatefulSet | the Pod (set reference removed) |
enum ClaimRetention {
    static func ownerReferences(forInRangeClaimOf set: StatefulSet) -> [OwnerReference] {
        set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted == .delete
            ? [StatefulSetIdentity.ownerReference(set)] : []
    }

    /// Before a scale-down deletes `pod`, its claims get the condemned-pod owner references.
    static func condemn(_ pod: Pod, _ set: StatefulSet, ordinal o: Int, cluster: Cluster) {
        guard set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled == .delete, let uid = pod.metadata.uid else {
            return
        }
        let podRef = OwnerReference(
            apiVersion: "v1", kind: "Pod", name: pod.metadata.name, uid: uid, controller: true, blockOwnerDeletion: true
        )
        for template in set.spec.volumeClaimTemplates {
            let name = StatefulSetIdentity.claimName(template.metadata.name, set.metadata.name, o)
            guard
                var claim = cluster.store.get(PersistentVolumeClaim.self, namespace: set.metadata.namespace, name: name)
            else { continue }
            if let other = claim.metadata.controllerRef, other.uid != set.metadata.uid, other.uid != uid {
                cluster.recordEvent(
                    .warning, "ConflictingController",
                    "PersistentVolumeClaim \(name) has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim",
                    about: ObjectKey(kind: .statefulSet, namespace: set.metadata.namespace, name: set.metadata.name),
                    uid: set.metadata.uid,
                    source: StatefulSetController.component)
                continue
            }
            let refs = [podRef]
            guard claim.metadata.ownerReferences != refs else { continue }
            claim.metadata.ownerReferences = refs
            cluster.write(claim)
        }
    }

    /// The name of a claim of ordinal `o` that still has an owner reference to a pod (the
    /// previous pod of that name, now gone): it is about to be garbage collected.
    static func staleClaim(_ set: StatefulSet, ordinal o: Int, cluster: Cluster) -> String? {
        guard set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled == .delete else { return nil }
        for template in set.spec.volumeClaimTemplates {
            let name = StatefulSetIdentity.claimName(template.metadata.name, set.metadata.name, o)
            if let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: set.metadata.namespace, name: name),
                claim.metadata.ownerReferences.contains(where: { $0.kind == "Pod" })
            {
                return name
            }
        }
        return nil
    }
}
