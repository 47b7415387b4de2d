/// The defaults the API server (defaulting functions and admission plugins) applies on create,
/// all in one place (reference 7.4, 9.3). Idempotent: applying twice changes nothing.
public enum APIDefaults {
    /// The two NoExecute tolerations DefaultTolerationSeconds admission adds to every pod (9.3).
    public static func defaultTolerations(seconds: Int = 300) -> [Toleration] {
        [
            Toleration(
                key: "node.kubernetes.io/not-ready", operator: .exists, effect: .noExecute, tolerationSeconds: seconds),
            Toleration(
                key: "node.kubernetes.io/unreachable", operator: .exists, effect: .noExecute, tolerationSeconds: seconds
            ),
        ]
    }

    /// One shared copy of the default tolerations, so 100,000 pods do not hold 100,000 arrays.
    static let sharedDefaultTolerations = defaultTolerations()

    /// Applies every default to an object about to be created. `defaultStorageClass` is the name of
    /// the default class, if one exists (DefaultStorageClass admission, 8.2).
    /// `tolerationSeconds` is DefaultTolerationSeconds admission's value (the timing profile's).
    /// `gates`: the feature gates the defaulting functions read (MaxUnavailableStatefulSet).
    public static func apply(
        to object: inout KubeObject, defaultStorageClass: String?, tolerationSeconds: Int = 300,
        gates: FeatureGates = FeatureGates()
    ) {
        switch object {
        case .pod(var p):
            apply(to: &p.spec, isPod: true, tolerationSeconds: tolerationSeconds)
            object = .pod(p)
        case .statefulSet(var s):
            apply(to: &s.spec, gates: gates)
            object = .statefulSet(s)
        case .replicaSet(var r):
            if r.spec.replicas == nil { r.spec.replicas = 1 }
            apply(to: &r.spec.template.spec, isPod: false)
            object = .replicaSet(r)
        case .daemonSet(var d):
            apply(to: &d.spec.template.spec, isPod: false)
            object = .daemonSet(d)
        case .service(var s):
            apply(to: &s.spec)
            object = .service(s)
        case .persistentVolumeClaim(var c):
            if c.spec.volumeMode == nil { c.spec.volumeMode = .filesystem }
            if c.spec.storageClassName == nil, let d = defaultStorageClass { c.spec.storageClassName = d }
            if c.status.phase == nil { c.status.phase = .pending }
            object = .persistentVolumeClaim(c)
        case .persistentVolume(var v):
            if v.spec.persistentVolumeReclaimPolicy == nil { v.spec.persistentVolumeReclaimPolicy = .retain }
            if v.spec.volumeMode == nil { v.spec.volumeMode = .filesystem }
            if v.status.phase == nil { v.status.phase = .pending }
            object = .persistentVolume(v)
        case .storageClass(var c):
            if c.reclaimPolicy == nil { c.reclaimPolicy = .delete }
            if c.volumeBindingMode == nil { c.volumeBindingMode = .immediate }
            object = .storageClass(c)
        case .namespace(var n):
            // The API server's PrepareForCreate: the finalizer, the phase and the name label.
            n.metadata.labels[Namespace.nameLabel] = n.metadata.name
            if !n.finalizers.contains(Namespace.kubernetesFinalizer) {
                n.finalizers.append(Namespace.kubernetesFinalizer)
            }
            if n.phase == nil { n.phase = .active }
            object = .namespace(n)
        case .secret(var s):
            if (s.type ?? "").isEmpty { s.type = Secret.opaque }
            object = .secret(s)
        // policy/v1 defaults nothing in a PodDisruptionBudget (v1beta1 defaulted minAvailable: 1).
        case .node, .endpointSlice, .endpoints, .event, .controllerRevision, .podDisruptionBudget, .configMap,
            .serviceAccount:
            break
        }
    }

    /// StatefulSet defaults (apps/v1 defaults.go).
    public static func apply(to spec: inout StatefulSetSpec, gates: FeatureGates = FeatureGates()) {
        if spec.replicas == nil { spec.replicas = 1 }
        if spec.podManagementPolicy == nil { spec.podManagementPolicy = .orderedReady }
        if spec.updateStrategy == nil || spec.updateStrategy?.type == nil {
            // rollingUpdate is defaulted only when the type itself was empty (4.2).
            let wasEmpty = spec.updateStrategy?.type == nil
            var u = spec.updateStrategy ?? StatefulSetUpdateStrategy()
            u.type = .rollingUpdate
            if wasEmpty, u.rollingUpdate == nil { u.rollingUpdate = RollingUpdateStatefulSetStrategy(partition: 0) }
            spec.updateStrategy = u
        }
        if spec.updateStrategy?.type == .rollingUpdate, spec.updateStrategy?.rollingUpdate != nil,
            spec.updateStrategy?.rollingUpdate?.partition == nil
        {
            spec.updateStrategy?.rollingUpdate?.partition = 0
        }
        // With MaxUnavailableStatefulSet on, a rolling update's maxUnavailable defaults to 1;
        // with it off the API drops the field (Cluster.dropDisabledFields).
        if gates.maxUnavailableStatefulSet, spec.updateStrategy?.type == .rollingUpdate,
            spec.updateStrategy?.rollingUpdate != nil, spec.updateStrategy?.rollingUpdate?.maxUnavailable == nil
        {
            spec.updateStrategy?.rollingUpdate?.maxUnavailable = "1"
        }
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
        var r = spec.persistentVolumeClaimRetentionPolicy ?? StatefulSetPersistentVolumeClaimRetentionPolicy()
        if r.whenDeleted == nil { r.whenDeleted = .retain }
        if r.whenScaled == nil { r.whenScaled = .retain }
        spec.persistentVolumeClaimRetentionPolicy = r
        for i in spec.volumeClaimTemplates.indices {
            if spec.volumeClaimTemplates[i].spec.volumeMode == nil {
                spec.volumeClaimTemplates[i].spec.volumeMode = .filesystem
            }
            if spec.volumeClaimTemplates[i].status.phase == nil { spec.volumeClaimTemplates[i].status.phase = .pending }
        }
        apply(to: &spec.template.spec, isPod: false)
    }

    /// Pod spec defaults. Admission (tolerations, service account) only runs for real pods, not
    /// for templates inside workloads.
    public static func apply(to spec: inout PodSpec, isPod: Bool, tolerationSeconds: Int = 300) {
        if spec.restartPolicy == nil { spec.restartPolicy = .always }
        if spec.terminationGracePeriodSeconds == nil { spec.terminationGracePeriodSeconds = 30 }
        if spec.dnsPolicy == nil { spec.dnsPolicy = .clusterFirst }
        if spec.schedulerName == nil { spec.schedulerName = "default-scheduler" }
        // Write back only when something changed: pods built from a defaulted template keep
        // sharing its container array instead of each holding a copy.
        if let d = defaulted(spec.containers) { spec.containers = d }
        if let d = defaulted(spec.initContainers) { spec.initContainers = d }
        if let d = defaultedModes(spec.volumes) { spec.volumes = d }
        guard isPod else { return }
        // SetDefaults_Pod: a limit without a request gives the request (pods only, not templates).
        if let d = requestsFromLimits(spec.containers) { spec.containers = d }
        if let d = requestsFromLimits(spec.initContainers) { spec.initContainers = d }
        if spec.serviceAccountName == nil { spec.serviceAccountName = "default" }
        if spec.priority == nil { spec.priority = 0 }
        // DefaultTolerationSeconds admission adds a toleration only for a key the pod does not
        // tolerate yet (a toleration without a key tolerates them all, as a static pod's does);
        // a user's own toleration (any seconds, 300 included) is left as written.
        if spec.tolerations.isEmpty {
            spec.tolerations =
                tolerationSeconds == 300 ? sharedDefaultTolerations : defaultTolerations(seconds: tolerationSeconds)
            return
        }
        for t in defaultTolerations(seconds: tolerationSeconds)
        where !spec.tolerations.contains(where: {
            ($0.key == t.key || ($0.key ?? "").isEmpty) && ($0.effect == nil || $0.effect == .noExecute)
        }) {
            spec.tolerations.append(t)
        }
    }

    /// The containers with defaults applied, or nil when they already have them. A new array
    /// rather than writes in place: a loop that may write an element makes the optimizer copy
    /// the array up front (to make it unique) even when nothing is written.
    private static func defaulted(_ containers: [Container]) -> [Container]? {
        let d = containers.map { c in
            var c = c
            apply(to: &c)
            return c
        }
        return d == containers ? nil : d
    }

    /// `SetDefaults_ConfigMapVolumeSource` / `SecretVolumeSource` / `ProjectedVolumeSource`:
    /// `defaultMode` 0644 (420); a projected token expires after 3600 s, a field's apiVersion is v1.
    private static func defaultedModes(_ volumes: [Volume]) -> [Volume]? {
        guard
            volumes.contains(where: {
                switch $0.source {
                case .configMap(let p), .secret(let p): p.defaultMode == nil
                case .projected(let p): p != defaulted(p)
                default: false
                }
            })
        else { return nil }
        return volumes.map { v in
            var v = v
            switch v.source {
            case .configMap(var p) where p.defaultMode == nil:
                p.defaultMode = 0o644
                v.source = .configMap(p)
            case .secret(var p) where p.defaultMode == nil:
                p.defaultMode = 0o644
                v.source = .secret(p)
            case .projected(let p): v.source = .projected(defaulted(p))
            default: break
            }
            return v
        }
    }

    private static func defaulted(_ p: ProjectedVolumeSource) -> ProjectedVolumeSource {
        var p = p
        if p.defaultMode == nil { p.defaultMode = 0o644 }
        p.sources = p.sources.map { source in
            switch source {
            case .serviceAccountToken(let path, nil, let audience):
                return .serviceAccountToken(path: path, expirationSeconds: 3600, audience: audience)
            case .downwardAPI(let files):
                return .downwardAPI(
                    files.map { f in
                        var f = f
                        if f.apiVersion == nil { f.apiVersion = "v1" }
                        return f
                    })
            default: return source
            }
        }
        return p
    }

    private static func requestsFromLimits(_ containers: [Container]) -> [Container]? {
        guard
            containers.contains(where: { c in
                c.resources?.limits.keys.contains { c.resources?.requests[$0] == nil } ?? false
            })
        else { return nil }
        return containers.map { c in
            guard var r = c.resources else { return c }
            for (name, q) in r.limits where r.requests[name] == nil { r.requests[name] = q }
            var c = c
            c.resources = r
            return c
        }
    }

    public static func apply(to c: inout Container) {
        if c.terminationMessagePath == nil { c.terminationMessagePath = "/dev/termination-log" }
        if c.terminationMessagePolicy == nil { c.terminationMessagePolicy = "File" }
        if c.imagePullPolicy == nil {
            c.imagePullPolicy = imageTag(c.image).map { $0 == "latest" ? .always : .ifNotPresent } ?? .always
        }
        for i in c.ports.indices where c.ports[i].protocol == nil { c.ports[i].protocol = .tcp }
        if c.readinessProbe != nil { apply(to: &c.readinessProbe!) }
        if c.livenessProbe != nil { apply(to: &c.livenessProbe!) }
        if c.startupProbe != nil { apply(to: &c.startupProbe!) }
    }

    public static func apply(to p: inout Probe) {
        if p.timeoutSeconds == nil { p.timeoutSeconds = 1 }
        if p.periodSeconds == nil { p.periodSeconds = 10 }
        if p.successThreshold == nil { p.successThreshold = 1 }
        if p.failureThreshold == nil { p.failureThreshold = 3 }
    }

    public static func apply(to s: inout ServiceSpec) {
        if s.type == nil { s.type = .clusterIP }
        if s.sessionAffinity == nil { s.sessionAffinity = "None" }
        for i in s.ports.indices {
            if s.ports[i].protocol == nil { s.ports[i].protocol = .tcp }
            if s.ports[i].targetPort == nil { s.ports[i].targetPort = String(s.ports[i].port) }
        }
        if s.clusterIP == "None", s.clusterIPs.isEmpty { s.clusterIPs = ["None"] }
        if s.ipFamilies.isEmpty, s.type != .externalName { s.ipFamilies = ["IPv4"] }
        if s.ipFamilyPolicy == nil, s.type != .externalName { s.ipFamilyPolicy = "SingleStack" }
        if s.internalTrafficPolicy == nil, s.type != .externalName { s.internalTrafficPolicy = "Cluster" }
    }

    /// The tag of an image reference, or nil when there is none (`nginx`, `nginx@sha256:...`).
    static func imageTag(_ image: String) -> String? {
        if image.contains("@") { return "" }
        let lastSegment = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastSegment.lastIndex(of: ":") else { return nil }
        return String(lastSegment[lastSegment.index(after: colon)...])
    }
}
