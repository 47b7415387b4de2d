/// stsim's own bounds, so that no input makes memory or time grow with a count a user merely
/// asked for (`scale sts web 2147483647`). Kubernetes has no such bound for a StatefulSet's
/// replicas (an int32); these are the simulator's, and every error that cites one says so and
/// names the setting that raises it.
public struct ClusterLimits: Sendable, Hashable, Codable {
    /// Objects of one kind the store holds; for pods, also the pods that every StatefulSet and
    /// ReplicaSet together ask for.
    public var objectsPerKind = 1_000_000
    /// `spec.replicas` of one StatefulSet or ReplicaSet.
    public var replicasPerSet = 100_000

    public init() {}
}

extension Cluster {
    /// The limit an object about to be stored would break, as an error naming the setting, or nil.
    func limitError(storing o: KubeObject, replacing old: KubeObject?) -> APIError? {
        if old == nil, store.count(o.kind) >= limits.objectsPerKind {
            return .limitExceeded(
                "the cluster already holds \(limits.objectsPerKind.groupedDigits) \(o.kind.plural), stsim's limit per kind",
                setting: "max-objects")
        }
        guard let asked = Self.replicas(of: o) else { return nil }
        // Shrinking or keeping a set's size never fails, even under a lowered limit.
        if let old, let before = Self.replicas(of: old), asked <= before { return nil }
        if asked > limits.replicasPerSet {
            return .limitExceeded(
                "\(o.kind.kind) \"\(o.metadata.name)\" asks for \(asked.groupedDigits) replicas; stsim's limit is \(limits.replicasPerSet.groupedDigits) per set",
                setting: "max-replicas")
        }
        let others = requestedPods(except: o.key)
        if others + asked > limits.objectsPerKind {
            return .limitExceeded(
                "\(o.kind.kind) \"\(o.metadata.name)\" asks for \(asked.groupedDigits) replicas, and with the \(others.groupedDigits) the other sets ask for that passes stsim's limit of \(limits.objectsPerKind.groupedDigits) pods",
                setting: "max-objects")
        }
        return nil
    }

    /// Pods every StatefulSet and ReplicaSet but `excluded` asks for.
    private func requestedPods(except excluded: ObjectKey) -> Int {
        func other(_ m: ObjectMeta, _ kind: ResourceKind) -> Bool {
            ObjectKey(kind: kind, namespace: m.namespace, name: m.name) != excluded
        }
        let sets = list(StatefulSet.self).filter { other($0.metadata, .statefulSet) }.map { $0.spec.replicas ?? 1 }
        let replicaSets = list(ReplicaSet.self).filter { other($0.metadata, .replicaSet) }.map {
            $0.spec.replicas ?? 1
        }
        return (sets + replicaSets).reduce(0) { $0 &+ max(0, $1) }
    }

    private static func replicas(of o: KubeObject) -> Int? {
        switch o {
        case .statefulSet(let s): s.spec.replicas ?? 1
        case .replicaSet(let r): r.spec.replicas ?? 1
        default: nil
        }
    }
}
