/// The namespace controller (kube-controller-manager's `namespace` controller): when a namespace
/// is Terminating it deletes everything the namespace holds, kind by kind, waits for what takes
/// time (pods' grace periods, claims' protection), then removes the `kubernetes` finalizer, which
/// lets the namespace go. Stateless: the queued `.syncNamespace` is all it remembers.
final class NamespaceController {
    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    /// The kinds the controller empties, in the order it deletes them. Events go too.
    static let contentKinds: [ResourceKind] = [
        .statefulSet, .replicaSet, .controllerRevision, .pod, .service, .endpointSlice, .persistentVolumeClaim,
        .configMap, .secret, .serviceAccount,
    ]

    func namespaceChanged(_ ns: Namespace, type: ChangeType) {
        guard type != .deleted, ns.metadata.deletionTimestamp != nil else { return }
        cluster.enqueueSync(.syncNamespace(ns.metadata.name))
    }

    /// What one pass does: the objects to delete now, and whether anything is left.
    struct Decision: Equatable {
        var delete: [ObjectKey]
        /// Seconds until the slowest pod should be gone (the controller's `estimate`), 0 if none.
        var estimate: Int
        var empty: Bool
    }

    /// Decides from the store alone: every object not already being deleted is deleted; the
    /// namespace is empty when the store holds none of its objects.
    static func decide(_ store: ObjectStore, namespace: String) -> Decision {
        var d = Decision(delete: [], estimate: 0, empty: true)
        for kind in contentKinds {
            for o in store.list(kind, namespace: namespace) {
                d.empty = false
                if o.metadata.deletionTimestamp == nil {
                    d.delete.append(o.key)
                    if case .pod(let p) = o { d.estimate = max(d.estimate, p.spec.terminationGracePeriodSeconds ?? 30) }
                } else if case .pod(let p) = o {
                    d.estimate = max(d.estimate, p.metadata.deletionGracePeriodSeconds ?? 0)
                }
            }
        }
        return d
    }

    func sync(_ name: String) {
        guard var ns = cluster.store.get(Namespace.self, namespace: "", name: name),
            ns.metadata.deletionTimestamp != nil
        else { return }
        let d = Self.decide(cluster.store, namespace: name)
        for key in d.delete {
            // Background propagation, as the controller deletes collections.
            _ = cluster.delete(key.kind, key.name, namespace: key.namespace)
        }
        if d.empty {
            cluster.recorder.dropEvents(inNamespace: name)
            ns.finalizers.removeAll { $0 == Namespace.kubernetesFinalizer }
            if ns.finalizers.isEmpty {
                cluster.store.remove(ns.erased.key, at: cluster.now)
            } else {
                cluster.store.replace(ns.erased, at: cluster.now)
            }
            return
        }
        // Content remains: look again once the slowest pod should be gone, or soon.
        cluster.queuedSyncs.insert(.syncNamespace(name))
        cluster.schedule(.syncNamespace(name), after: .seconds(Int64(max(1, d.estimate))))
    }
}
