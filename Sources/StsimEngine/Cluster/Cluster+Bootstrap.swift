extension Cluster {
    /// The cluster a new user gets without asking: a control-plane node that takes no workloads,
    /// `node-1 ... node-N`, the default StorageClass `standard` and the `kubernetes` Service.
    func bootstrap() {
        var cp = Node(metadata: ObjectMeta(name: config.controlPlaneName, labels: [Node.controlPlaneRoleLabel: ""]))
        cp.spec.taints = [Taint(key: Node.controlPlaneRoleLabel, effect: .noSchedule)]
        _ = create(.node(cp))
        for i in 0..<max(0, config.workerCount) {
            _ = create(.node(Node(metadata: ObjectMeta(name: "node-\(i + 1)"))))
        }
        if config.defaultStorageClass {
            _ = create(
                .storageClass(
                    StorageClass(
                        metadata: ObjectMeta(
                            name: "standard", annotations: [StorageClass.defaultClassAnnotation: "true"]),
                        provisioner: config.defaultProvisioner, reclaimPolicy: .delete, volumeBindingMode: .immediate)))
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
    }
}
