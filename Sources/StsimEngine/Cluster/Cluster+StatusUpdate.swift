/// The `/status` subresource's update: only the status of the given object is kept; its spec and
/// metadata are the live object's (the status strategy's PrepareForUpdate). A controller may
/// overwrite it at its next sync, as in a real cluster.
extension Cluster {
    public func updateStatus(_ object: KubeObject) -> Result<KubeObject, APIError> {
        var o = object
        if o.kind.isNamespaced, o.metadata.namespace.isEmpty { o.metadata.namespace = config.namespace }
        guard let live = store.get(o.key) else { return .failure(.notFound(o.kind, o.metadata.name)) }
        let merged = Self.keepingStatus(of: o, in: live)
        if merged == live { return .success(live) }
        return .success(store.replace(merged, at: now))
    }

    /// Whether an update changes the spec (and so the generation) of a kind that counts them.
    static func specDiffers(_ a: KubeObject, _ b: KubeObject) -> Bool {
        switch (a, b) {
        case (.statefulSet(let x), .statefulSet(let y)): x.spec != y.spec
        case (.replicaSet(let x), .replicaSet(let y)): x.spec != y.spec
        case (.podDisruptionBudget(let x), .podDisruptionBudget(let y)): x.spec != y.spec
        default: false
        }
    }
}

extension Cluster {
    /// A user update keeps the status the controllers and kubelets wrote.
    static func keepingStatus(of old: KubeObject, in new: KubeObject) -> KubeObject {
        switch (old, new) {
        case (.pod(let a), .pod(var b)):
            b.status = a.status
            return .pod(b)
        case (.statefulSet(let a), .statefulSet(var b)):
            b.status = a.status
            return .statefulSet(b)
        case (.replicaSet(let a), .replicaSet(var b)):
            b.status = a.status
            return .replicaSet(b)
        case (.daemonSet(let a), .daemonSet(var b)):
            b.status = a.status
            return .daemonSet(b)
        case (.podDisruptionBudget(let a), .podDisruptionBudget(var b)):
            b.status = a.status
            return .podDisruptionBudget(b)
        case (.persistentVolumeClaim(let a), .persistentVolumeClaim(var b)):
            b.status = a.status
            return .persistentVolumeClaim(b)
        case (.persistentVolume(let a), .persistentVolume(var b)):
            b.status = a.status
            return .persistentVolume(b)
        case (.node(let a), .node(var b)):
            b.status = a.status
            return .node(b)
        default: return new
        }
    }
}
