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
