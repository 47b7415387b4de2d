/// Scenarios for `scripts/bench` (issue 3's speed targets). They build a cluster, run it to a
/// goal and report what happened in virtual time; the caller measures wall time and memory.
public enum Benchmark {
    public struct Report: Sendable, Hashable {
        public var replicas: Int
        public var nodes: Int
        public var readyReplicas: Int
        public var virtualTime: VirtualTime
        public var steps: Int
        public var stop: StopReason
    }

    /// A StatefulSet of `replicas` pods (no probes; a claim template when `storage` is given, with
    /// a headless Service) over `nodes` workers, run until every pod is Ready. Node capacity is
    /// raised so that any replica count fits.
    public static func statefulSetToReady(
        replicas: Int, nodes: Int, policy: PodManagementPolicy, storage: String? = nil, seed: UInt64 = 1
    ) -> (Cluster, Report) {
        var config = ClusterConfig(seed: seed, workerCount: nodes)
        config.podCapacityPerNode = max(110, replicas / max(1, nodes) + 1)
        config.changeFeedLimit = 1000
        config.eventRetentionLimit = 1000
        let cluster = Cluster(config: config)
        if storage != nil { _ = cluster.create(.service(.headless(name: "web", selector: ["app": "web"], port: 8080))) }
        _ = cluster.create(
            .statefulSet(.make(name: "web", image: "nginx:1.27", replicas: replicas, storage: storage, policy: policy)))
        let r = cluster.settle(limit: .minutes(24 * 60 * 365))
        _ = cluster.drainChanges()
        let ready = cluster.get(StatefulSet.self, "web")?.status.readyReplicas ?? 0
        return (
            cluster,
            Report(
                replicas: replicas, nodes: nodes, readyReplicas: ready, virtualTime: cluster.now, steps: r.steps,
                stop: r.reason)
        )
    }

    /// Scales the benchmark's set to `replicas` and settles.
    public static func scale(_ cluster: Cluster, to replicas: Int) -> Report {
        _ = cluster.scale(.statefulSet, "web", replicas: replicas)
        let r = cluster.settle(limit: .minutes(24 * 60 * 365))
        _ = cluster.drainChanges()
        let set = cluster.get(StatefulSet.self, "web")
        return Report(
            replicas: set?.status.replicas ?? 0, nodes: cluster.config.workerCount,
            readyReplicas: set?.status.readyReplicas ?? 0,
            virtualTime: cluster.now, steps: r.steps, stop: r.reason)
    }

    /// The floor `scripts/bench` divides its figures by: `count` pods built as the StatefulSet
    /// controller builds them (`newPod` from the set's template, with a uid and creation time as
    /// the API server gives them) and put in a store (tables, sorted keys, owner and node indexes,
    /// change feed), with no controller, scheduler, kubelet, event or history. Returns the store,
    /// so the caller can weigh it before it is freed.
    public static func storePods(_ count: Int) -> ObjectStore {
        let store = ObjectStore(feedLimit: 1000)
        var set = StatefulSet.make(name: "web", image: "nginx:1.27", replicas: count, policy: .parallel)
        set.metadata.namespace = "default"
        set.metadata.uid = UID(high: 1, low: 1)
        let template = set.spec.template
        let revision = StatefulSetIdentity.revisionName("web", template: template)
        for ordinal in 0..<count {
            var pod = StatefulSetIdentity.newPod(set, template: template, revision: revision, ordinal: ordinal)
            pod.metadata.uid = UID(high: 2, low: UInt64(ordinal))
            pod.metadata.creationTimestamp = .zero
            store.insert(.pod(pod), at: .zero)
        }
        return store
    }
}
