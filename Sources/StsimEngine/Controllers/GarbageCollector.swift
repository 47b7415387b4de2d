/// The garbage collector: when an owner is gone, its dependents whose owners are all gone are
/// deleted (background propagation, 3.6). Pods are deleted gracefully, each with its own grace
/// period and all at once. Claims made from volumeClaimTemplates have no owner under the default
/// retention policy, so they stay. An owner deleted in the foreground stays, with the
/// `foregroundDeletion` finalizer, until its dependents are gone (3.6).
final class GarbageCollector {
    unowned let cluster: Cluster
    static let foreground = "foregroundDeletion"

    init(cluster: Cluster) { self.cluster = cluster }

    func collect(owner: UID) {
        if let o = cluster.store.object(withUID: owner) {
            guard o.metadata.deletionTimestamp != nil, o.metadata.finalizers.contains(Self.foreground) else { return }
            guard cluster.store.dependentCount(of: owner) == 0 else { return deleteDependents(of: owner) }
            var done = o
            done.metadata.finalizers.removeAll { $0 == Self.foreground }
            cluster.write(done)
            return
        }
        deleteDependents(of: owner)
    }

    private func deleteDependents(of owner: UID) {
        for key in cluster.store.dependents(of: owner) {
            guard let dependent = cluster.store.get(key),
                dependent.metadata.deletionTimestamp == nil || dependent.kind == .pod
            else { continue }
            let liveOwners = dependent.metadata.ownerReferences.filter {
                $0.uid != owner && cluster.store.object(withUID: $0.uid) != nil
            }
            if liveOwners.isEmpty {
                if dependent.metadata.deletionTimestamp == nil { cluster.deleteObject(dependent) }
            } else {
                var d = dependent
                d.metadata.ownerReferences.removeAll { $0.uid == owner }
                cluster.write(d)
            }
        }
    }
}
