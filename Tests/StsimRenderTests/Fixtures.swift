import StsimEngine

/// Builders for the engine values the tests render. Times are whole seconds of virtual time.
enum Fixtures {
    static func at(_ seconds: Int64) -> VirtualTime { VirtualTime(milliseconds: seconds * 1000) }

    static func meta(
        _ name: String, namespace: String = "default", created: Int64 = 0, labels: [String: String] = [:]
    ) -> ObjectMeta {
        ObjectMeta(name: name, namespace: namespace, creationTimestamp: at(created), labels: labels)
    }

    static func runningContainer(ready: Bool = true, started: Int64 = 0, restarts: Int = 0, lastFinished: Int64? = nil)
        -> ContainerStatus
    {
        ContainerStatus(
            name: "nginx", image: "registry.k8s.io/nginx-slim:0.8", state: .running(startedAt: at(started)),
            lastState: lastFinished.map {
                .terminated(exitCode: 1, reason: "Error", message: nil, startedAt: nil, finishedAt: at($0))
            },
            ready: ready, started: true, restartCount: restarts)
    }

    static func waitingContainer(_ reason: String, restarts: Int = 0) -> ContainerStatus {
        ContainerStatus(
            name: "nginx", image: "registry.k8s.io/nginx-slim:0.8", state: .waiting(reason: reason, message: nil),
            restartCount: restarts)
    }

    static func pod(
        _ name: String, created: Int64 = 0, phase: PodPhase? = .running, ready: Bool = true,
        containers: [ContainerStatus]? = nil, node: String? = "node-1", ip: String? = "10.244.1.3",
        deleted: Int64? = nil, labels: [String: String] = [:]
    ) -> Pod {
        var m = meta(name, created: created, labels: labels)
        m.deletionTimestamp = deleted.map(at)
        m.deletionGracePeriodSeconds = deleted == nil ? nil : 30
        return Pod(
            metadata: m,
            spec: PodSpec(
                containers: [
                    Container(
                        name: "nginx", image: "registry.k8s.io/nginx-slim:0.8",
                        ports: [ContainerPort(name: "web", containerPort: 80, protocol: .tcp)])
                ],
                nodeName: node, hostname: name, subdomain: "nginx"),
            status: PodStatus(
                phase: phase,
                conditions: [PodCondition(type: .ready, status: ready ? .true : .false)],
                containerStatuses: containers ?? (phase == .running ? [runningContainer(ready: ready)] : []),
                podIP: ip))
    }

    static func statefulSet(_ name: String = "web", replicas: Int = 3, ready: Int = 3, created: Int64 = 0)
        -> StatefulSet
    {
        StatefulSet(
            metadata: meta(name, created: created),
            spec: StatefulSetSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: ["app": "nginx"]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app": "nginx"]),
                    spec: PodSpec(containers: [
                        Container(
                            name: "nginx", image: "registry.k8s.io/nginx-slim:0.8",
                            ports: [ContainerPort(name: "web", containerPort: 80, protocol: .tcp)],
                            volumeMounts: [VolumeMount(name: "www", mountPath: "/usr/share/nginx/html")])
                    ])),
                volumeClaimTemplates: [
                    PersistentVolumeClaim(
                        metadata: ObjectMeta(name: "www"),
                        spec: PersistentVolumeClaimSpec(accessModes: [.readWriteOnce], storageRequest: Quantity("1Gi")))
                ],
                serviceName: "nginx", podManagementPolicy: .orderedReady,
                updateStrategy: StatefulSetUpdateStrategy(
                    type: .rollingUpdate, rollingUpdate: RollingUpdateStatefulSetStrategy(partition: 0))),
            status: StatefulSetStatus(replicas: replicas, readyReplicas: ready))
    }

    static func node(
        _ name: String, ready: ConditionStatus? = .true, cordoned: Bool = false, controlPlane: Bool = false,
        created: Int64 = 0
    ) -> Node {
        var labels = ["kubernetes.io/hostname": name]
        if controlPlane { labels[Node.controlPlaneRoleLabel] = "" }
        return Node(
            metadata: ObjectMeta(name: name, creationTimestamp: at(created), labels: labels),
            spec: NodeSpec(unschedulable: cordoned ? true : nil),
            status: NodeStatus(conditions: ready.map { [NodeCondition(type: .ready, status: $0)] } ?? []))
    }

    static func claim(_ name: String, volume: String? = nil, created: Int64 = 0) -> PersistentVolumeClaim {
        PersistentVolumeClaim(
            metadata: meta(name, created: created),
            spec: PersistentVolumeClaimSpec(
                accessModes: [.readWriteOnce], storageRequest: Quantity("1Mi"), storageClassName: nil,
                volumeMode: .filesystem, volumeName: volume),
            status: PersistentVolumeClaimStatus(
                phase: volume == nil ? .pending : .bound, accessModes: volume == nil ? [] : [.readWriteOnce],
                capacity: volume == nil ? nil : Quantity("1Mi")))
    }

    static func volume(
        _ name: String, phase: PersistentVolumePhase, claim: String? = nil,
        modes: [PersistentVolumeAccessMode] = [.readWriteOnce], reclaim: ReclaimPolicy = .retain, created: Int64 = 0
    ) -> PersistentVolume {
        PersistentVolume(
            metadata: ObjectMeta(name: name, creationTimestamp: at(created)),
            spec: PersistentVolumeSpec(
                capacity: Quantity("1Mi"), accessModes: modes, persistentVolumeReclaimPolicy: reclaim,
                volumeMode: .filesystem,
                claimRef: claim.map { ObjectReference(kind: "PersistentVolumeClaim", namespace: "default", name: $0) }),
            status: PersistentVolumeStatus(phase: phase))
    }

    static func event(
        _ reason: String, _ message: String, object: (kind: String, name: String), component: String,
        first: Int64, last: Int64? = nil, count: Int = 1, type: EventType = .normal
    ) -> Event {
        Event(
            metadata: meta("\(object.name).\(first)"),
            involvedObject: ObjectReference(kind: object.kind, namespace: "default", name: object.name),
            reason: reason, message: message, type: type, sourceComponent: component,
            firstTimestamp: at(first), lastTimestamp: at(last ?? first), count: count)
    }
}
