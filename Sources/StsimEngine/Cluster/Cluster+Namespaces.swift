/// The API server's NamespaceLifecycle admission and the namespace's own deletion.
extension Cluster {
    /// Creating a namespaced object needs its namespace to exist and not be Terminating.
    func namespaceLifecycleError(creating o: KubeObject) -> APIError? {
        guard o.kind.isNamespaced, o.kind != .event else { return nil }
        let name = o.metadata.namespace
        guard let ns = store.get(Namespace.self, namespace: "", name: name) else { return .notFound(.namespace, name) }
        guard ns.metadata.deletionTimestamp == nil else {
            return APIError(
                reason: .forbidden,
                message:
                    "\(o.kind.qualifiedResource) \(GoSyntax.quote(o.metadata.name)) is forbidden: unable to create new content in namespace \(name) because it is being terminated",
                kind: o.kind, name: o.metadata.name)
        }
        return nil
    }

    /// `delete namespace`: refused for the immortal ones; otherwise Terminating until the
    /// namespace controller has emptied it.
    func deleteNamespace(_ ns: Namespace) -> Result<KubeObject, APIError> {
        let name = ns.metadata.name
        if Namespace.immortal.contains(name) {
            return .failure(
                APIError(
                    reason: .forbidden,
                    message: "namespaces \(GoSyntax.quote(name)) is forbidden: this namespace may not be deleted",
                    kind: .namespace, name: name))
        }
        if ns.metadata.deletionTimestamp != nil { return .success(ns.erased) }
        var n = ns
        n.metadata.deletionTimestamp = now
        n.metadata.deletionGracePeriodSeconds = 0
        n.phase = .terminating
        return .success(store.replace(n.erased, at: now))
    }

    /// The namespaces every cluster has, and DNS's Service in `kube-system`. They take their
    /// uids from a generator of their own, so that the cluster's seeded names and uids are the
    /// same as before namespaces were objects.
    func bootstrapNamespaces() {
        let main = random
        random = SeededRandom(seed: config.seed ^ 0x6e61_6d65_7370_6163)
        defer { random = main }
        for name in Namespace.initial where store.get(Namespace.self, namespace: "", name: name) == nil {
            _ = create(.namespace(.make(name)))
        }
    }

    /// `kube-dns` as kubeadm installs it (CoreDNS behind it: `10.96.0.10`, the tenth address of
    /// the service range, which every pod's resolv.conf names).
    func bootstrapDNSService() {
        let main = random
        random = SeededRandom(seed: config.seed ^ 0x6b75_6265_2d64_6e73)
        defer { random = main }
        let labels = ["k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"]
        _ = create(
            .service(
                Service(
                    metadata: ObjectMeta(
                        name: "kube-dns", namespace: "kube-system", labels: labels,
                        annotations: ["prometheus.io/port": "9153", "prometheus.io/scrape": "true"]),
                    spec: ServiceSpec(
                        type: .clusterIP, selector: ["k8s-app": "kube-dns"],
                        ports: [
                            ServicePort(name: "dns", protocol: .udp, port: 53, targetPort: "53"),
                            ServicePort(name: "dns-tcp", protocol: .tcp, port: 53, targetPort: "53"),
                            ServicePort(name: "metrics", protocol: .tcp, port: 9153, targetPort: "9153"),
                        ],
                        clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"]))))
        // Its EndpointSlice now, while this generator names it.
        endpoints.sync(ObjectKey(kind: .service, namespace: "kube-system", name: "kube-dns"))
    }
}

extension Cluster {
    /// The namespace commands use when they name none (`config set-context --namespace`, or a
    /// command's `-n` while it runs). Saved with the cluster's state.
    public var currentNamespace: String {
        get { config.namespace }
        set { config.namespace = newValue }
    }
}
