/// Ready-made objects for the imperative shortcuts (`create sts NAME --image IMG ...`), tests and
/// benchmarks. They produce what a user's minimal manifest would; API defaults come on create.
extension StatefulSet {
    public static func make(
        name: String, image: String, replicas: Int = 1, serviceName: String? = nil,
        storage: String? = nil, claimTemplate: String = "data", mountPath: String = "/var/lib/data",
        policy: PodManagementPolicy = .orderedReady, port: Int? = 8080, readinessProbe: Probe? = nil,
        namespace: String = ""
    ) -> StatefulSet {
        let labels = ["app": name]
        var container = Container(name: name, image: image, readinessProbe: readinessProbe)
        if let port { container.ports = [ContainerPort(name: "http", containerPort: port)] }
        var claims: [PersistentVolumeClaim] = []
        if let storage, let q = Quantity(storage) {
            container.volumeMounts = [VolumeMount(name: claimTemplate, mountPath: mountPath)]
            claims = [
                PersistentVolumeClaim(
                    metadata: ObjectMeta(name: claimTemplate),
                    spec: PersistentVolumeClaimSpec(accessModes: [.readWriteOnce], storageRequest: q))
            ]
        }
        return StatefulSet(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: StatefulSetSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container])),
                volumeClaimTemplates: claims, serviceName: serviceName ?? name, podManagementPolicy: policy))
    }
}

extension ReplicaSet {
    /// A ReplicaSet whose pods all mount one claim when `claimName` is given (the contrast case).
    public static func make(
        name: String, image: String, replicas: Int = 1, claimName: String? = nil, namespace: String = ""
    ) -> ReplicaSet {
        let labels = ["app": name]
        var spec = PodSpec(containers: [Container(name: name, image: image)])
        if let claimName {
            spec.volumes = [Volume(name: "data", source: .persistentVolumeClaim(.init(claimName: claimName)))]
            spec.containers[0].volumeMounts = [VolumeMount(name: "data", mountPath: "/var/lib/data")]
        }
        return ReplicaSet(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: ReplicaSetSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: spec)))
    }
}

extension Service {
    /// A headless governing Service (`create svc headless NAME --selector k=v --port 80`).
    public static func headless(
        name: String, selector: [String: String], port: Int? = 80, portName: String? = "http",
        publishNotReadyAddresses: Bool = false, namespace: String = ""
    ) -> Service {
        Service(
            metadata: ObjectMeta(name: name, namespace: namespace),
            spec: ServiceSpec(
                selector: selector, ports: port.map { [ServicePort(name: portName, port: $0)] } ?? [],
                clusterIP: "None", publishNotReadyAddresses: publishNotReadyAddresses ? true : nil))
    }
}

extension PersistentVolumeClaim {
    public static func make(
        name: String, storage: String, accessModes: [PersistentVolumeAccessMode] = [.readWriteOnce],
        storageClassName: String? = nil, namespace: String = ""
    ) -> PersistentVolumeClaim {
        PersistentVolumeClaim(
            metadata: ObjectMeta(name: name, namespace: namespace),
            spec: PersistentVolumeClaimSpec(
                accessModes: accessModes, storageRequest: Quantity(storage), storageClassName: storageClassName))
    }
}

extension PersistentVolume {
    /// A hand-made volume (`create pv NAME --capacity 1Mi ...`), hostPath-backed like the book's.
    public static func make(
        name: String, capacity: String, accessModes: [PersistentVolumeAccessMode] = [.readWriteOnce],
        reclaimPolicy: ReclaimPolicy = .retain, storageClassName: String? = nil
    ) -> PersistentVolume {
        PersistentVolume(
            metadata: ObjectMeta(name: name),
            spec: PersistentVolumeSpec(
                capacity: Quantity(capacity), accessModes: accessModes, persistentVolumeReclaimPolicy: reclaimPolicy,
                storageClassName: storageClassName, source: .hostPath(path: "/tmp/\(name)", type: nil)))
    }
}
