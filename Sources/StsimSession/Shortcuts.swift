import StsimEngine
import StsimLanguage

/// The objects behind the imperative shortcuts (`create sts`, `create svc headless`, `create pv`):
/// what a learner would otherwise write as a manifest.
enum Shortcuts {
    static func statefulSet(
        name: String, image: String, replicas: Int, service: String?, storage: String?,
        policy: String?
    ) -> StatefulSet {
        let labels = ["app": name]
        // The book's apps listen on 8080 and keep their data in /var/data.
        let program = ProgramCatalog.serving(image: image)
        var container = Container(
            name: CreateCommand.containerName(for: image), image: image,
            ports: [ContainerPort(name: "web", containerPort: program?.port ?? 80)])
        var claims: [PersistentVolumeClaim] = []
        if let storage {
            container.volumeMounts = [VolumeMount(name: "data", mountPath: program?.dataDirectory ?? "/data")]
            claims = [
                PersistentVolumeClaim(
                    metadata: ObjectMeta(name: "data"),
                    spec: PersistentVolumeClaimSpec(accessModes: [.readWriteOnce], storageRequest: Quantity(storage)))
            ]
        }
        return StatefulSet(
            metadata: ObjectMeta(name: name, labels: labels),
            spec: StatefulSetSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels),
                    spec: PodSpec(containers: [container])),
                volumeClaimTemplates: claims, serviceName: service ?? name,
                podManagementPolicy: policy.map { PodManagementPolicy(rawValue: $0) }))
    }

    static func headlessService(name: String, selector: [String: String], port: Int) -> Service {
        Service(
            metadata: ObjectMeta(name: name, labels: ["app": name]),
            spec: ServiceSpec(
                selector: selector,
                ports: [ServicePort(name: "web", port: port)],
                clusterIP: "None"))
    }

    /// kubectl's create_service.go: `app: NAME` as label and selector, each `--tcp` port named
    /// `PORT-TARGET`, TCP.
    static func clusterIPService(name: String, ports: [(Int, String)], clusterIP: String?, namespace: String?)
        -> Service
    {
        Service(
            metadata: ObjectMeta(name: name, namespace: namespace ?? "", labels: ["app": name]),
            spec: ServiceSpec(
                type: .clusterIP, selector: ["app": name],
                ports: ports.map { ServicePort(name: "\($0.0)-\($0.1)", protocol: .tcp, port: $0.0, targetPort: $0.1) },
                clusterIP: clusterIP))
    }

    static let accessModes: [String: PersistentVolumeAccessMode] = [
        "RWO": .readWriteOnce, "ROX": .readOnlyMany, "RWX": .readWriteMany, "RWOP": .readWriteOncePod,
        "ReadWriteOnce": .readWriteOnce, "ReadOnlyMany": .readOnlyMany, "ReadWriteMany": .readWriteMany,
        "ReadWriteOncePod": .readWriteOncePod,
    ]

    static func persistentVolume(
        name: Argument, capacity: String, accessModes modes: [String],
        reclaimPolicy: String, storageClass: String?
    ) throws -> PersistentVolume {
        guard let quantity = Quantity(capacity) else {
            throw Diagnostic(
                at: name.location, "--capacity \"\(capacity)\" is not a quantity",
                hint: "write it like 1Mi, 10Gi or 500M")
        }
        var access: [PersistentVolumeAccessMode] = []
        for m in modes {
            guard let mode = accessModes[m] else {
                throw Diagnostic(
                    at: name.location, "--access \"\(m)\" is not an access mode",
                    hint: "use RWO, ROX, RWX or RWOP (ReadWriteOnce, ReadOnlyMany, ...)")
            }
            access.append(mode)
        }
        // A statically made volume has no class unless asked: it binds only to claims without one.
        return PersistentVolume(
            metadata: ObjectMeta(name: name.text),
            spec: PersistentVolumeSpec(
                capacity: quantity, accessModes: access,
                persistentVolumeReclaimPolicy: ReclaimPolicy(rawValue: reclaimPolicy),
                storageClassName: storageClass ?? "",
                source: .hostPath(path: "/mnt/data/\(name.text)", type: nil)))
    }
}
