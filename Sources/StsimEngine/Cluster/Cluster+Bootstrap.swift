extension Cluster {
    /// The cluster a new user gets: the profile's nodes (a control-plane node that takes no
    /// workloads, where the distribution has one), its StorageClasses, its four namespaces, the
    /// `kubernetes` Service and DNS's `kube-dns`.
    func bootstrap() {
        bootstrapNamespaces()
        let layout = config.profile.nodeLayout(
            count: config.workerCount, hex: { self.randomHex($0) }, suffix: { self.random.nameSuffix(length: $0) })
        for p in layout {
            var node = Node(metadata: ObjectMeta(name: p.name, labels: p.labels))
            if p.controlPlane {
                node.metadata.labels[Node.controlPlaneRoleLabel] = ""
                if config.profile != .stsim {
                    // kubeadm's label on its control plane (cloud load balancers leave it out).
                    node.metadata.labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
                }
            }
            if p.tainted { node.spec.taints = [Taint(key: Node.controlPlaneRoleLabel, effect: .noSchedule)] }
            _ = create(.node(node))
        }
        if config.defaultStorageClass {
            for sc in config.profile.storageClasses { _ = create(.storageClass(sc)) }
        }
        _ = create(
            .service(
                Service(
                    metadata: ObjectMeta(
                        name: "kubernetes", namespace: "default",
                        labels: ["component": "apiserver", "provider": "kubernetes"]),
                    spec: ServiceSpec(
                        type: .clusterIP,
                        ports: [ServicePort(name: "https", protocol: .tcp, port: 443, targetPort: "6443")],
                        clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"]))))
        bootstrapSystemPods()
        bootstrapDNSService()
        // The controller manager's first passes: each namespace's account and CA bundle.
        for name in Namespace.initial {
            serviceAccounts.sync(name)
            rootCAPublisher.sync(name)
        }
    }
}

extension Cluster {
    /// `n` lowercase hex digits from the seeded source (GKE's instance-group and instance names).
    func randomHex(_ n: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<n).map { _ in digits[Int(random.next() % 16)] })
    }
}
