import StsimEngine

/// Prints objects as the API returns them (`kubectl get -o yaml|json`): apiVersion, kind, metadata
/// (uid, resourceVersion, RFC 3339 timestamps), spec, status. Loading the output back gives the
/// same object (ManifestLoader is the inverse for every modelled field).
public enum ManifestWriter {
    public static func yaml(_ object: KubeObject, timestamps: Timestamps = .standard) -> String {
        YAMLEmitter.document(WireEncoder(timestamps: timestamps).object(object))
    }

    public static func json(_ object: KubeObject, timestamps: Timestamps = .standard) -> String {
        JSONEmitter.document(WireEncoder(timestamps: timestamps).object(object))
    }

    /// Several objects, as kubectl prints them: one `kind: List`.
    public static func yaml(list objects: [KubeObject], timestamps: Timestamps = .standard) -> String {
        YAMLEmitter.document(WireEncoder(timestamps: timestamps).list(objects))
    }

    public static func json(list objects: [KubeObject], timestamps: Timestamps = .standard) -> String {
        JSONEmitter.document(WireEncoder(timestamps: timestamps).list(objects))
    }

    /// The object as a JSON tree, for what walks it (`-o jsonpath`, `custom-columns`, `--sort-by`).
    public static func wire(_ object: KubeObject, timestamps: Timestamps = .standard) -> WireValue {
        WireEncoder(timestamps: timestamps).object(object)
    }

    /// A tree that is not an object of the API (the kubeconfig): yaml as sigs.k8s.io/yaml writes
    /// it, keys sorted; json in the tree's order.
    public static func yaml(value: WireValue) -> String { YAMLEmitter.document(sorted(value)) }
    public static func json(value: WireValue, sortingKeys: Bool = false) -> String {
        JSONEmitter.document(sortingKeys ? sorted(value) : value)
    }

    private static func sorted(_ v: WireValue) -> WireValue {
        switch v {
        case .object(let fields): return .object(fields.sorted { $0.0 < $1.0 }.map { ($0.0, sorted($0.1)) })
        case .array(let items): return .array(items.map(sorted))
        default: return v
        }
    }

    /// Several objects as the `kind: List` tree kubectl hands its printers.
    public static func wire(list objects: [KubeObject], timestamps: Timestamps = .standard) -> WireValue {
        WireEncoder(timestamps: timestamps).list(objects)
    }
}

/// Turns engine objects into wire values.
struct WireEncoder {
    let timestamps: Timestamps

    func list(_ objects: [KubeObject]) -> WireValue {
        .object([
            ("apiVersion", .string("v1")), ("items", .array(objects.map(object))), ("kind", .string("List")),
            ("metadata", .object([("resourceVersion", .string(""))])),
        ])
    }

    func object(_ object: KubeObject) -> WireValue {
        var o = WireObject()
        o["apiVersion"] = .string(object.kind.apiVersion)
        o["kind"] = .string(object.kind.kind)
        o["metadata"] = meta(object.metadata)
        switch object {
        case .statefulSet(let s):
            o["spec"] = statefulSetSpec(s.spec)
            o["status"] = statefulSetStatus(s.status)
        case .replicaSet(let r):
            o["spec"] = replicaSetSpec(r.spec)
            o["status"] = replicaSetStatus(r.status)
        case .daemonSet(let d):
            o["spec"] = daemonSetSpec(d.spec)
            o["status"] = daemonSetStatus(d.status)
        case .pod(let p):
            o["spec"] = podSpec(p.spec)
            o["status"] = podStatus(p.status, qosClass: PodQOS.of(p.spec))
        case .service(let s):
            o["spec"] = serviceSpec(s.spec)
            o["status"] = .object([("loadBalancer", .object([]))])
        case .persistentVolumeClaim(let c):
            for (k, v) in fields(of: claim(c)) where k != "metadata" { o[k] = v }
        case .persistentVolume(let v):
            o["spec"] = persistentVolumeSpec(v.spec)
            o["status"] = persistentVolumeStatus(v.status)
        case .storageClass(let c):
            o["provisioner"] = .string(c.provisioner)
            o.map("parameters", c.parameters)
            o.string("reclaimPolicy", c.reclaimPolicy?.rawValue)
            o.bool("allowVolumeExpansion", c.allowVolumeExpansion)
            o.string("volumeBindingMode", c.volumeBindingMode?.rawValue)
        case .node(let n):
            o["spec"] = nodeSpec(n.spec)
            o["status"] = nodeStatus(n.status)
        case .event(let e):
            for (k, v) in eventFields(e) { o[k] = v }
        case .endpointSlice(let s):
            for (k, v) in endpointSliceFields(s) { o[k] = v }
        case .endpoints(let e): o.array("subsets", endpointSubsets(e))
        case .controllerRevision(let r):
            for (k, v) in controllerRevisionFields(r) { o[k] = v }
        case .namespace(let n):
            var spec = WireObject()
            spec.strings("finalizers", n.finalizers)
            o["spec"] = spec.value
            var status = WireObject()
            status.string("phase", n.phase?.rawValue)
            o["status"] = status.value
        case .podDisruptionBudget(let b):
            o["spec"] = podDisruptionBudgetSpec(b.spec)
            o["status"] = podDisruptionBudgetStatus(b.status)
        case .configMap, .secret, .serviceAccount:
            for (k, v) in configFields(object) { o[k] = v }
        }
        return o.value
    }
}
