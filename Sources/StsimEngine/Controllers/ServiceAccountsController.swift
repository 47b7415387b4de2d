/// kube-controller-manager's `serviceaccount` controller (pkg/controller/serviceaccount,
/// serviceaccounts_controller.go): every Active namespace holds a `default` ServiceAccount. A
/// namespace added or updated, or that account deleted, queues the namespace; the sync creates
/// what is missing and leaves an existing account alone. Terminating namespaces are skipped, so
/// deleting a namespace lets its account go for good.
final class ServiceAccountsController {
    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    func namespaceChanged(_ ns: Namespace, type: ChangeType) {
        guard type != .deleted, ns.metadata.deletionTimestamp == nil else { return }
        cluster.enqueueSync(.syncServiceAccounts(ns.metadata.name))
    }

    func serviceAccountChanged(_ sa: ServiceAccount, type: ChangeType) {
        guard type == .deleted, sa.metadata.name == ServiceAccount.defaultName else { return }
        cluster.enqueueSync(.syncServiceAccounts(sa.metadata.namespace))
    }

    /// `syncNamespace`: creates `default` in an Active namespace that lacks it.
    func sync(_ namespace: String) {
        guard let ns = cluster.store.get(Namespace.self, namespace: "", name: namespace),
            ns.metadata.deletionTimestamp == nil, ns.phase != .terminating,
            cluster.store.get(ServiceAccount.self, namespace: namespace, name: ServiceAccount.defaultName) == nil
        else { return }
        let account = ServiceAccount(metadata: ObjectMeta(name: ServiceAccount.defaultName, namespace: namespace))
        // AlreadyExists and a namespace now terminating are what the controller ignores too.
        cluster.createAside(.serviceAccount(account), salt: 0x7361_2d64_6566_6175)
    }
}

extension Cluster {
    /// Creates an object a controller keeps in every namespace with uids from a generator of
    /// their own (seeded by the cluster's seed and the store's write count), so the seeded names
    /// and uids of everything else stay what they were before these controllers existed.
    @discardableResult
    func createAside(_ object: KubeObject, salt: UInt64) -> Result<KubeObject, APIError> {
        let main = random
        random = SeededRandom(seed: config.seed ^ salt ^ UInt64(store.lastResourceVersion) &* 0x9E37_79B9_7F4A_7C15)
        defer { random = main }
        return create(object)
    }
}
