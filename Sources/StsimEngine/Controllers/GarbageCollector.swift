/// The garbage collector: when an owner is gone, its dependents whose owners are all gone are
/// deleted (background propagation, 3.6). Pods are deleted gracefully, each with its own grace
/// period and all at once. Claims made from volumeClaimTemplates have no owner under the default
/// retention policy, so they stay.
final class GarbageCollector {
    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    func collect(owner: UID) {
        guard cluster.store.object(withUID: owner) == nil else { return }
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
