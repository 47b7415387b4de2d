/// The ReplicaSet controller, for contrast with StatefulSets (3.7): pods get random names, all
/// share whatever claim the template names, terminating pods are not counted, and a lost pod is
/// replaced at once by a pod with a new name.
final class ReplicaSetController {
    static let component = "replicaset-controller"
    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    func replicaSetChanged(_ rs: ReplicaSet, type: ChangeType) {
        guard type != .deleted else { return }
        if type == .modified, rs.status.observedGeneration == rs.metadata.generation { return }
        cluster.enqueueSync(
            .syncReplicaSet(ObjectKey(kind: .replicaSet, namespace: rs.metadata.namespace, name: rs.metadata.name)))
    }

    func podChanged(_ pod: Pod, type: ChangeType) {
        guard let ref = pod.metadata.controllerRef, ref.kind == "ReplicaSet",
            let key = cluster.store.key(forUID: ref.uid)
        else { return }
        cluster.enqueueSync(.syncReplicaSet(key))
    }

    /// What one sync does: create `count` pods, or delete these pods.
    enum Plan: Equatable {
        case create(count: Int)
        case delete([Pod])
        case nothing
    }

    func sync(_ key: ObjectKey) {
        guard let rs = cluster.store.get(ReplicaSet.self, namespace: key.namespace, name: key.name),
            rs.metadata.deletionTimestamp == nil
        else { return }
        let owned = cluster.store.dependents(of: rs.metadata.uid!).filter { $0.kind == .pod }
            .compactMap { cluster.store.get(Pod.self, namespace: $0.namespace, name: $0.name) }
            .filter { $0.metadata.controllerRef?.uid == rs.metadata.uid }
        switch Self.decide(replicas: rs.spec.replicas ?? 1, owned: owned) {
        case .create(let n):
            for _ in 0..<n { createPod(rs) }
        case .delete(let pods):
            for pod in pods {
                cluster.deleteObject(.pod(pod))
                event(rs, "SuccessfulDelete", "Deleted pod: \(pod.metadata.name)")
            }
        case .nothing:
            break
        }
        writeStatus(rs, owned: owned)
    }

    /// `manageReplicas`: terminating and finished pods do not count (FilterActivePods), so a lost
    /// pod is replaced while it is still terminating.
    static func decide(replicas: Int, owned: [Pod]) -> Plan {
        let active = owned.filter(isActive)
        let diff = active.count - replicas
        if diff < 0 { return .create(count: -diff) }
        if diff > 0 { return .delete(Array(deletionOrder(active).prefix(diff))) }
        return .nothing
    }

    static func isActive(_ p: Pod) -> Bool {
        p.metadata.deletionTimestamp == nil && p.status.phase != .succeeded && p.status.phase != .failed
    }

    private func createPod(_ rs: ReplicaSet) {
        var pod = Pod(metadata: rs.spec.template.metadata, spec: rs.spec.template.spec)
        pod.metadata.name = ""
        pod.metadata.generateName = rs.metadata.name + "-"
        pod.metadata.namespace = rs.metadata.namespace
        pod.metadata.ownerReferences = [
            OwnerReference(
                apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.metadata.name, uid: rs.metadata.uid!,
                controller: true, blockOwnerDeletion: true)
        ]
        switch cluster.create(.pod(pod)) {
        case .success(let created):
            event(rs, "SuccessfulCreate", "Created pod: \(created.metadata.name)")
        case .failure(let e):
            cluster.recordEvent(
                .warning, "FailedCreate", "Error creating: \(e.message)", about: key(rs), uid: rs.metadata.uid,
                source: Self.component)
        }
    }

    /// `ActivePods` ranking: unscheduled before scheduled, pending before running, not ready
    /// before ready, then the most recently created (names break ties for determinism).
    static func deletionOrder(_ pods: [Pod]) -> [Pod] {
        func rank(_ p: Pod) -> (Int, Int, Int, Int64) {
            (
                p.spec.nodeName == nil ? 0 : 1, p.status.phase == .pending ? 0 : (p.status.phase == .running ? 2 : 1),
                p.isReady ? 1 : 0, -(p.metadata.creationTimestamp?.milliseconds ?? 0)
            )
        }
        return pods.sorted { a, b in
            let ra = rank(a)
            let rb = rank(b)
            return ra != rb ? ra < rb : a.metadata.name.utf8.lexicographicallyPrecedes(b.metadata.name.utf8)
        }
    }

    private func writeStatus(_ rs: ReplicaSet, owned: [Pod]) {
        let active = owned.filter(Self.isActive)
        var st = ReplicaSetStatus()
        st.replicas = active.count
        st.fullyLabeledReplicas =
            active.filter { p in rs.spec.template.metadata.labels.allSatisfy { p.metadata.labels[$0.key] == $0.value } }
            .count
        st.readyReplicas = active.filter(\.isReady).count
        st.availableReplicas = st.readyReplicas
        st.observedGeneration = rs.metadata.generation
        guard st != rs.status else { return }
        var latest = rs
        latest.status = st
        cluster.write(.replicaSet(latest))
    }

    private func key(_ rs: ReplicaSet) -> ObjectKey {
        ObjectKey(kind: .replicaSet, namespace: rs.metadata.namespace, name: rs.metadata.name)
    }

    private func event(_ rs: ReplicaSet, _ reason: String, _ message: String) {
        cluster.recordEvent(.normal, reason, message, about: key(rs), uid: rs.metadata.uid, source: Self.component)
    }
}
