/// The pod garbage collector's out-of-service rule (reference 9.7): on its 20 s loop it
/// force-deletes the terminating pods of not-Ready nodes that carry the
/// `node.kubernetes.io/out-of-service` taint, moving them to Failed first. Only queued while such
/// a node exists, so an idle cluster stays quiet.
final class PodGarbageCollector {
    unowned let cluster: Cluster
    /// Nodes with the out-of-service taint.
    private var outOfService: Set<String> = []
    private var queued = false

    init(cluster: Cluster) { self.cluster = cluster }

    func copyState(from o: PodGarbageCollector) {
        outOfService = o.outOfService; queued = o.queued
    }

    func nodeChanged(_ node: Node) {
        let name = node.metadata.name
        if node.spec.taints.contains(where: { $0.key == AttachDetachController.outOfServiceKey }) {
            outOfService.insert(name)
            if !node.isReady { queuePass() }
        } else {
            outOfService.remove(name)
        }
    }

    func podChanged(_ pod: Pod) {
        guard !outOfService.isEmpty, pod.metadata.deletionTimestamp != nil, let node = pod.spec.nodeName,
              outOfService.contains(node)
        else { return }
        queuePass()
    }

    /// The next pass of the 20 s loop.
    private func queuePass() {
        guard !queued else { return }
        queued = true
        let period = max(cluster.timing.podGCPeriod.milliseconds, 1)
        let tick = VirtualTime(milliseconds: (cluster.now.milliseconds / period + 1) * period)
        cluster.queue.schedule(.podGC, at: tick)
    }

    func run() {
        // Our own writes below (phase Failed) must not queue another pass.
        defer { queued = false }
        for name in outOfService.sorted() {
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
}
