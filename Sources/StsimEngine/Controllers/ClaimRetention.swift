/// `persistentVolumeClaimRetentionPolicy` (reference 5): the policy works only through owner
/// references on claims, and the garbage collector does the deleting. The rules are upstream's
/// `isClaimOwnerUpToDate` and `updateClaimOwnerRefForSetAndPod` (kubernetes/kubernetes
/// pkg/controller/statefulset/stateful_set_utils.go, 1.32):
///
/// | whenScaled | whenDeleted | claim of an in-range pod | claim of a condemned pod |
/// | Retain | Retain | no owner | no owner |
/// | Retain | Delete | the StatefulSet | the StatefulSet |
/// | Delete | Retain | no owner | the Pod |
/// | Delete | Delete | the StatefulSet | the Pod (set reference removed) |
///
/// A claim with a stale reference (our set's or pod's name, another uid) is left alone; one with
/// another controller loses our references and gains none.
enum ClaimRetention {
    /// `UpdatePodClaimForRetentionPolicy`: brings the owner references of `pod`'s claims in line
    /// with the set's policy. True when a claim was written (upstream then updates the pod too,
    /// which records `SuccessfulUpdate`).
    @discardableResult
    static func reconcile(_ pod: Pod, _ set: StatefulSet, ordinal o: Int, cluster: Cluster) -> Bool {
        guard pod.metadata.uid != nil else { return false }
        let inRange = o >= set.spec.ordinalStart && o < set.spec.ordinalStart + (set.spec.replicas ?? 1)
        var changed = false
        for template in set.spec.volumeClaimTemplates {
            let name = StatefulSetIdentity.claimName(template.metadata.name, set.metadata.name, o)
            guard
                var claim = cluster.store.get(PersistentVolumeClaim.self, namespace: set.metadata.namespace, name: name)
            else { continue }  // a missing claim is picked up when the pod is next created
            let owners = Owners(set: set, pod: pod, inRange: inRange)
            if owners.unexpectedController(claim.metadata.ownerReferences) {
                cluster.recordEvent(
                    .warning, "ConflictingController",
                    "PersistentVolumeClaim \(name) has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim",
                    about: ObjectKey(kind: .statefulSet, namespace: set.metadata.namespace, name: set.metadata.name),
                    uid: set.metadata.uid, source: StatefulSetController.component)
            }
            guard !owners.upToDate(claim.metadata.ownerReferences) else { continue }
            claim.metadata.ownerReferences = owners.updated(claim.metadata.ownerReferences)
            cluster.write(claim)
            changed = true
        }
        return changed
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

/// One claim's owners seen from its set and pod: upstream's predicates over the owner references.
private struct Owners {
    let setRef: OwnerReference
    let podRef: OwnerReference
    let whenScaledDelete: Bool
    let whenDeletedDelete: Bool
    let scaledDown: Bool

    init(set: StatefulSet, pod: Pod, inRange: Bool) {
        setRef = StatefulSetIdentity.ownerReference(set)
        podRef = OwnerReference(
            apiVersion: "v1", kind: "Pod", name: pod.metadata.name, uid: pod.metadata.uid!, controller: true,
            blockOwnerDeletion: true)
        let policy = set.spec.persistentVolumeClaimRetentionPolicy
        whenScaledDelete = policy?.whenScaled == .delete
        whenDeletedDelete = policy?.whenDeleted == .delete
        scaledDown = !inRange
    }

    /// `matchesRef`: same apiVersion, kind and name, whatever the uid.
    private func matches(_ r: OwnerReference, _ owner: OwnerReference) -> Bool {
        r.apiVersion == owner.apiVersion && r.kind == owner.kind && r.name == owner.name
    }

    private func has(_ refs: [OwnerReference], _ owner: OwnerReference) -> Bool {
        refs.contains { $0.uid == owner.uid }
    }

    /// `hasStaleOwnerRef`: the first reference naming our set (or pod) carries another uid.
    private func stale(_ refs: [OwnerReference]) -> Bool {
        [setRef, podRef].contains { owner in refs.first { matches($0, owner) }.map { $0.uid != owner.uid } ?? false }
    }

    /// `hasUnexpectedController`: with a Delete policy, a controller other than our set and pod
    /// (or a reference to them with the wrong uid).
    func unexpectedController(_ refs: [OwnerReference]) -> Bool {
        guard whenScaledDelete || whenDeletedDelete else { return false }
        for r in refs {
            if matches(r, setRef) || matches(r, podRef) {
                if r.uid != setRef.uid && r.uid != podRef.uid { return true }
                continue
            }
            if r.controller == true { return true }
        }
        return false
    }

    /// `isClaimOwnerUpToDate`.
    func upToDate(_ refs: [OwnerReference]) -> Bool {
        if stale(refs) { return true }
        if unexpectedController(refs) { return !has(refs, setRef) && !has(refs, podRef) }
        // `hasNonControllerOwner`: our set or pod as a mere owner needs the controller flag back.
        if refs.contains(where: { ($0.uid == setRef.uid || $0.uid == podRef.uid) && $0.controller != true }) {
            return false
        }
        let wantSet = whenDeletedDelete && !(whenScaledDelete && scaledDown)
        let wantPod = whenScaledDelete && scaledDown
        return has(refs, setRef) == wantSet && has(refs, podRef) == wantPod
    }

    /// `updateClaimOwnerRefForSetAndPod`: our references scrubbed, then added as controllers
    /// where the policy wants them, after any other owner's.
    func updated(_ refs: [OwnerReference]) -> [OwnerReference] {
        let unexpected = unexpectedController(refs)
        var result = refs.filter { !matches($0, setRef) && !matches($0, podRef) }
        if unexpected { return result }
        if whenScaledDelete && scaledDown { result.append(podRef) }
        if whenDeletedDelete && !(whenScaledDelete && scaledDown) { result.append(setRef) }
        return result
    }
}
