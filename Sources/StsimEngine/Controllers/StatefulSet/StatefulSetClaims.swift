/// `ClaimPods` (controller_ref_manager.go) for a StatefulSet: a pod named after the set that its
/// selector picks and no controller owns is adopted; a pod the set owns that the selector no
/// longer picks is released (its owner reference removed), unless the set is being deleted. A
/// released pod no longer counts: the set then tries to create a pod of that name and gets
/// AlreadyExists, which upstream sinks without an event and retries with back-off.
extension StatefulSetController {
    /// Notes a pod whose ownership may change; true when it must not be counted as the set's.
    func noteClaim(_ pod: Pod, parent: Substring) -> Bool {
        let ns = pod.metadata.namespace
        guard pod.metadata.deletionTimestamp == nil || pod.metadata.controllerRef != nil,
            let set = cluster.store.get(StatefulSet.self, namespace: ns, name: String(parent)),
            let uid = set.metadata.uid, let selector = set.spec.selector, !selector.isEmpty
        else { return false }
        let ref = pod.metadata.controllerRef
        let matches = selector.matches(pod.metadata.labels)
        let release = ref?.uid == uid && !matches && set.metadata.deletionTimestamp == nil
        let adopt = ref == nil && matches && set.metadata.deletionTimestamp == nil
        guard release || adopt else { return false }
        update(uid) { s in
            s.claims = (s.claims ?? []).union([pod.metadata.name])
        }
        cluster.enqueueSync(.syncStatefulSet(ObjectKey(kind: .statefulSet, namespace: ns, name: set.metadata.name)))
        return release
    }

    /// The sync's first step: adopt and release what `noteClaim` saw, checking again.
    func settleClaims(_ set: StatefulSet, _ uid: UID) {
        guard
            let names = update(
                uid,
                { s -> Set<String>? in
                    defer { s.claims = nil }
                    return s.claims
                }) ?? nil
        else { return }
        let selector = set.spec.selector ?? LabelSelector()
        for name in names.sorted() {
            guard var pod = cluster.store.get(Pod.self, namespace: set.metadata.namespace, name: name) else { continue }
            let matches = !selector.isEmpty && selector.matches(pod.metadata.labels)
            let ref = pod.metadata.controllerRef
            if ref?.uid == uid, !matches {
                pod.metadata.ownerReferences.removeAll { $0.uid == uid }
            } else if ref == nil, matches, pod.metadata.deletionTimestamp == nil {
                pod.metadata.ownerReferences.append(StatefulSetIdentity.ownerReference(set))
            } else {
                continue
            }
            cluster.write(.pod(pod))
        }
    }
}
