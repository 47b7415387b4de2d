/// kube-controller-manager's root CA publisher (pkg/controller/certificates/rootcacertpublisher,
/// publisher.go): every namespace holds the ConfigMap `kube-root-ca.crt`, whose `ca.crt` is the
/// cluster's CA bundle that pods use to check the API server. A namespace added (or updated while
/// Active) queues it; the ConfigMap deleted or changed queues it too, and the sync puts back the
/// data and the description annotation.
final class RootCACertPublisher {
    unowned let cluster: Cluster

    static let configMapName = "kube-root-ca.crt"
    static let key = "ca.crt"
    static let descriptionAnnotation = "kubernetes.io/description"
    static let description =
        "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."

    init(cluster: Cluster) { self.cluster = cluster }

    func namespaceChanged(_ ns: Namespace, type: ChangeType) {
        switch type {
        case .added: break
        case .modified: guard ns.phase == .active, ns.metadata.deletionTimestamp == nil else { return }
        case .deleted: return
        }
        cluster.enqueueSync(.publishRootCA(ns.metadata.name))
    }

    func configMapChanged(_ key: ObjectKey, type: ChangeType) {
        guard type != .added, key.kind == .configMap, key.name == Self.configMapName else { return }
        cluster.enqueueSync(.publishRootCA(key.namespace))
    }

    /// `syncNamespace`: create the ConfigMap, or restore its data and annotation.
    func sync(_ namespace: String) {
        guard cluster.store.get(Namespace.self, namespace: "", name: namespace) != nil else { return }
        let data = [Self.key: ClusterCertificate.rootCA]
        guard var cm = cluster.store.get(ConfigMap.self, namespace: namespace, name: Self.configMapName) else {
            let cm = ConfigMap(
                metadata: ObjectMeta(
                    name: Self.configMapName, namespace: namespace,
                    annotations: [Self.descriptionAnnotation: Self.description]),
                data: data)
            // A namespace gone or terminating: the publisher does not retry.
            cluster.createAside(.configMap(cm), salt: 0x6b75_6265_2d72_6f6f)
            return
        }
        if cm.data == data, !(cm.metadata.annotations[Self.descriptionAnnotation] ?? "").isEmpty {
            return
        }
        cm.data = data
        cm.metadata.annotations[Self.descriptionAnnotation] = Self.description
        _ = cluster.update(.configMap(cm))
    }
}
