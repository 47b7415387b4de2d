/// The pod garbage collector (reference 9.7, 9.8), on its 20 s loop: it force-deletes the
/// terminating pods of not-Ready nodes that carry the `node.kubernetes.io/out-of-service` taint,
/// and the pods of nodes deleted from the API (after a 40 s quarantine, in case the node comes
/// back), moving them to Failed first. Only queued while there is such work, so an idle cluster
/// stays quiet.
final class PodGarbageCollector {
    unowned let cluster: Cluster

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State {
        /// Nodes with the out-of-service taint.
        var outOfService: Set<String> = []
        /// Deleted nodes (that still had pods), with when they were deleted.
        var deletedNodes: [String: VirtualTime] = [:]
        var queued = false
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    func nodeChanged(_ node: Node) {
        let name = node.metadata.name
        if node.spec.taints.contains(where: { $0.key == AttachDetachController.outOfServiceKey }) {
            state.outOfService.insert(name)
            if !node.isReady { queuePass() }
        } else {
            state.outOfService.remove(name)
        }
    }

    func podChanged(_ pod: Pod) {
        guard !state.outOfService.isEmpty, pod.metadata.deletionTimestamp != nil, let node = pod.spec.nodeName,
            state.outOfService.contains(node)
        else { return }
        queuePass()
    }

    func nodeDeleted(_ name: String) {
        state.outOfService.remove(name)
        guard cluster.store.podCount(onNode: name) > 0 else { return }
        state.deletedNodes[name] = cluster.now
        queuePass(notBefore: cluster.now + cluster.timing.podGCOrphanQuarantine)
    }

    /// The first pass of the 20 s loop after `time`.
    private func queuePass(notBefore time: VirtualTime? = nil) {
        guard !state.queued else { return }
        state.queued = true
        let period = max(cluster.timing.podGCPeriod.milliseconds, 1)
        let from = max(time ?? cluster.now, cluster.now).milliseconds
        let tick = VirtualTime(
            milliseconds: (from / period + (time == nil ? 1 : (from % period == 0 ? 0 : 1))) * period)
        cluster.queue.schedule(.podGC, at: tick)
    }

    func run() {
        // Our own writes below (phase Failed) must not queue another pass.
        defer {
            state.queued = false
            if let next = state.deletedNodes.values.min() {
                queuePass(notBefore: next + cluster.timing.podGCOrphanQuarantine)
            }
        }
        collectOrphans()
        for name in state.outOfService.sorted() {
            guard let node = cluster.store.get(Node.self, namespace: "", name: name), !node.isReady else { continue }
            for key in cluster.store.pods(onNode: name) {
                guard var pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
                    pod.metadata.deletionTimestamp != nil
                else { continue }
                pod.status.phase = .failed
                guard let written = cluster.write(pod) else { continue }
                cluster.deleteObject(written, options: DeleteOptions(force: true))
            }
        }
    }

    /// Pods bound to nodes the API no longer has, once the quarantine is over: Failed with
    /// DisruptionTarget, then force-deleted. A node registered again in the meantime keeps them.
    private func collectOrphans() {
        let now = cluster.now
        for (name, deleted) in state.deletedNodes.sorted(by: { $0.key < $1.key })
        where deleted + cluster.timing.podGCOrphanQuarantine <= now {
            state.deletedNodes[name] = nil
            guard cluster.store.get(Node.self, namespace: "", name: name) == nil else { continue }
            for key in cluster.store.pods(onNode: name) {
                guard var pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name) else { continue }
                if pod.status.phase != .succeeded, pod.status.phase != .failed { pod.status.phase = .failed }
                pod.status.setCondition(
                    .disruptionTarget, .true, at: now, reason: "DeletionByPodGC",
                    message: "PodGC: node no longer exists")
                guard let written = cluster.write(pod) else { continue }
                cluster.deleteObject(written, options: DeleteOptions(force: true))
            }
        }
    }
}
