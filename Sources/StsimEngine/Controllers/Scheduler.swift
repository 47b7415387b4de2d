import HeapModule

/// The default scheduler, reduced to what a StatefulSet story needs (12.5): a node must be Ready,
/// schedulable (not cordoned), free of untolerated NoSchedule/NoExecute taints, below its pod
/// capacity, match the pod's nodeSelector and its volumes' node affinity, and every claim the pod
/// uses must be bound. Among fitting nodes stsim picks the one with the fewest pods, then the
/// first name: deterministic, and close to the spreading real clusters show.
///
/// Speed: untainted nodes sit in a heap keyed by (pod count, name), so placing a pod is O(log n);
/// the few tainted or special nodes are checked one by one.
final class Scheduler {
    static let component = "default-scheduler"
    unowned let cluster: Cluster

    struct NodeSlot: Codable, Comparable {
        var pods: Int
        var name: String
        static func < (a: NodeSlot, b: NodeSlot) -> Bool {
            a.pods != b.pods ? a.pods < b.pods : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
    }

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State: Codable {
        @SavedHeap var plainNodes = Heap<NodeSlot>()
        /// Nodes that need a per-pod check (taints, not Ready, cordoned): few in practice.
        var specialNodes: Set<String> = []
        var active: [ObjectKey] = []
        var activeSet: Set<ObjectKey> = []
        var waitingForNodes: [ObjectKey] = []
        var waitingForNodesSet: Set<ObjectKey> = []
        var waitingForClaim: [ObjectKey: [ObjectKey]] = [:]
        /// Why each unscheduled pod is still waiting (the FailedScheduling message), for `why`.
        var lastFailure: [ObjectKey: String] = [:]
    }
    var state = State()

    /// Why each unscheduled pod is still waiting, for `why`.
    var lastFailure: [ObjectKey: String] { state.lastFailure }

    init(cluster: Cluster) { self.cluster = cluster }

    // MARK: Informers

    func podChanged(_ pod: Pod, type: ChangeType) {
        let key = ObjectKey(kind: .pod, namespace: pod.metadata.namespace, name: pod.metadata.name)
        switch type {
        case .added:
            if pod.spec.nodeName == nil, pod.spec.schedulerName ?? "default-scheduler" == "default-scheduler" {
                enqueue(key)
            } else if let node = pod.spec.nodeName {
                nodeCountChanged(node)
            }
        case .modified:
            // A pod that finished frees its host ports (the scheduler's cache drops terminal pods).
            if pod.spec.nodeName != nil, pod.status.phase == .succeeded || pod.status.phase == .failed,
                !HostPortClaim.of(pod.spec).isEmpty
            {
                retryWaitingForNodes()
            }
        case .deleted:
            state.lastFailure[key] = nil
            if let node = pod.spec.nodeName {
                nodeCountChanged(node)
                retryWaitingForNodes()
            }
        }
    }

    func claimChanged(_ claim: PersistentVolumeClaim, type: ChangeType) {
        guard claim.status.phase == .bound || type != .modified else { return }
        let key = ObjectKey(
            kind: .persistentVolumeClaim, namespace: claim.metadata.namespace, name: claim.metadata.name)
        guard let waiting = state.waitingForClaim.removeValue(forKey: key) else { return }
        for p in waiting { enqueue(p) }
    }

    func nodeChanged(_ node: Node, type: ChangeType) {
        state.specialNodes.remove(node.metadata.name)
        if type != .deleted { nodeCountChanged(node.metadata.name) }
        retryWaitingForNodes()
    }

    private func nodeCountChanged(_ name: String) {
        guard let node = cluster.store.get(Node.self, namespace: "", name: name) else {
            state.specialNodes.remove(name)
            return
        }
        if isPlain(node) {
            state.specialNodes.remove(name)
            state.plainNodes.insert(NodeSlot(pods: cluster.store.podCount(onNode: name), name: name))
        } else {
            state.specialNodes.insert(name)
        }
    }

    /// Ready, schedulable and without NoSchedule/NoExecute taints: fits any pod that has no
    /// selector or volume affinity, capacity permitting.
    private func isPlain(_ n: Node) -> Bool {
        n.isReady && n.spec.unschedulable != true
            && !n.spec.taints.contains { $0.effect == .noSchedule || $0.effect == .noExecute }
    }

    private func enqueue(_ key: ObjectKey) {
        guard state.activeSet.insert(key).inserted else { return }
        state.active.append(key)
        cluster.enqueueSync(.scheduleCycle)
    }

    private func retryWaitingForNodes() {
        guard !state.waitingForNodes.isEmpty else { return }
        let waiting = state.waitingForNodes
        state.waitingForNodes = []
        state.waitingForNodesSet = []
        for p in waiting { enqueue(p) }
    }

    // MARK: Scheduling

    func runCycle() {
        let batch = state.active
        state.active = []
        state.activeSet = []
        for key in batch {
            guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
                pod.spec.nodeName == nil, pod.metadata.deletionTimestamp == nil
            else { continue }
            schedule(pod, key: key)
        }
    }

    private func schedule(_ pod: Pod, key: ObjectKey) {
        let total = cluster.store.count(.node)
        // Volume binding: every claim must exist and, for Immediate classes, be bound.
        var pinned: [PersistentVolumeSpec] = []
        var delayedClaims: [ObjectKey] = []
        for claimName in pod.spec.claimNames {
            let claimKey = ObjectKey(kind: .persistentVolumeClaim, namespace: key.namespace, name: claimName)
            guard let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: claimName)
            else {
                fail(
                    pod, key,
                    "0/\(total) nodes are available: persistentvolumeclaim \"\(claimName)\" not found. preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling.",
                    waitOn: claimKey)
                return
            }
            // volumebinding PreFilter: a claim being deleted is never used by a new pod.
            if claim.metadata.deletionTimestamp != nil {
                fail(
                    pod, key,
                    "0/\(total) nodes are available: persistentvolumeclaim \"\(claimName)\" is being deleted. preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling.",
                    waitOn: claimKey)
                return
            }
            guard claim.status.phase == .bound, let pvName = claim.spec.volumeName else {
                // WaitForFirstConsumer: the claim waits for this pod; placing the pod selects the
                // node its volume will be provisioned on (8.2).
                if isWaitingForFirstConsumer(claim) {
                    delayedClaims.append(claimKey)
                    continue
                }
                fail(
                    pod, key,
                    "0/\(total) nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling.",
                    waitOn: claimKey)
                return
            }
            if let spec = cluster.store.get(PersistentVolume.self, namespace: "", name: pvName)?.spec,
                spec.nodeAffinityHostnames != nil || spec.nodeAffinityTopology != nil
            {
                pinned.append(spec)
            }
        }
        if let node = pickNode(pod, pinned: pinned) {
            for claimKey in delayedClaims { selectNode(node, for: claimKey) }
            bind(pod, to: node)
        } else {
            fail(pod, key, failureMessage(pod, pinned: pinned, total: total), waitOn: nil)
        }
    }

    private func isWaitingForFirstConsumer(_ claim: PersistentVolumeClaim) -> Bool {
        guard !claim.storageClass.isEmpty,
            let sc = cluster.store.get(StorageClass.self, namespace: "", name: claim.storageClass)
        else { return false }
        return sc.volumeBindingMode == .waitForFirstConsumer
    }

    /// The volume binder's annotation that tells the provisioner where the first consumer runs.
    private func selectNode(_ node: String, for claimKey: ObjectKey) {
        guard
            var claim = cluster.store.get(
                PersistentVolumeClaim.self, namespace: claimKey.namespace, name: claimKey.name),
            claim.metadata.annotations[PersistentVolumeController.selectedNodeAnnotation] == nil
        else { return }
        claim.metadata.annotations[PersistentVolumeController.selectedNodeAnnotation] = node
        cluster.write(claim)
    }

    private func pickNode(_ pod: Pod, pinned: [PersistentVolumeSpec]) -> String? {
        var best: NodeSlot?
        let needsFullCheck =
            !pinned.isEmpty || !pod.spec.nodeSelector.isEmpty || !HostPortClaim.of(pod.spec).isEmpty
        if !needsFullCheck {
            while let top = state.plainNodes.min {
                guard let n = cluster.store.get(Node.self, namespace: "", name: top.name), isPlain(n),
                    cluster.store.podCount(onNode: top.name) == top.pods
                else {
                    state.plainNodes.removeMin()
                    continue
                }
                if top.pods >= n.status.podCapacity {
                    state.plainNodes.removeMin()
                    continue
                }
                best = top
                break
            }
        }
        let candidates =
            needsFullCheck ? cluster.store.list(Node.self).map(\.metadata.name) : state.specialNodes.sorted()
        for name in candidates {
            guard let n = cluster.store.get(Node.self, namespace: "", name: name),
                rejection(pod, n, pinned: pinned) == nil
            else { continue }
            let slot = NodeSlot(pods: cluster.store.podCount(onNode: name), name: name)
            if best == nil || slot < best! { best = slot }
        }
        return best?.name
    }

    /// Why a node does not fit, as the scheduler's filter plugins word it, in their order
    /// (NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, VolumeBinding).
    private func rejection(_ pod: Pod, _ n: Node, pinned: [PersistentVolumeSpec]) -> String? {
        if n.spec.unschedulable == true { return "node(s) were unschedulable" }
        for t in n.spec.taints where t.effect == .noSchedule || t.effect == .noExecute {
            if !pod.spec.tolerations.contains(where: { $0.tolerates(t) }) {
                return "node(s) had untolerated taint {\(t.key): \(t.value ?? "")}"
            }
        }
        if !n.isReady { return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }" }
        if !pod.spec.nodeSelector.allSatisfy({ n.metadata.labels[$0.key] == $0.value }) {
            return "node(s) didn't match Pod's node affinity/selector"
        }
        let wanted = HostPortClaim.of(pod.spec)
        if !wanted.isEmpty, !HostPortClaim.fits(wanted, among: hostPortsInUse(on: n.metadata.name)) {
            return HostPortClaim.reason
        }
        if cluster.store.podCount(onNode: n.metadata.name) >= n.status.podCapacity { return "Too many pods" }
        // volumebinding/binder.go ErrReasonNodeConflict: a bound volume the node cannot reach.
        if !pinned.allSatisfy({ $0.reachable(from: n) }) { return "node(s) had volume node affinity conflict" }
        return nil
    }

    /// The host ports of the node's pods that have not finished.
    private func hostPortsInUse(on node: String) -> [HostPortClaim] {
        cluster.store.pods(onNode: node).flatMap { k -> [HostPortClaim] in
            guard let p = cluster.store.get(Pod.self, namespace: k.namespace, name: k.name),
                p.status.phase != .succeeded, p.status.phase != .failed
            else { return [] }
            return HostPortClaim.of(p.spec)
        }
    }

    private func failureMessage(_ pod: Pod, pinned: [PersistentVolumeSpec], total: Int) -> String {
        var counts: [String: Int] = [:]
        for n in cluster.store.list(Node.self) {
            if let r = rejection(pod, n, pinned: pinned) { counts[r, default: 0] += 1 }
        }
        let reasons = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
        // NodePorts fails as Unschedulable, so preemption looks for victims there; every pod of
        // stsim has priority 0, so it finds none. The other filters here are unresolvable.
        let portNodes = counts[HostPortClaim.reason] ?? 0
        let preemption = [
            portNodes > 0 ? "\(portNodes) No preemption victims found for incoming pod" : nil,
            total > portNodes ? "\(total - portNodes) Preemption is not helpful for scheduling" : nil,
        ].compactMap { $0 }.joined(separator: ", ")
        return "0/\(total) nodes are available: \(reasons). preemption: 0/\(total) nodes are available: \(preemption)."
    }

    private func fail(_ pod: Pod, _ key: ObjectKey, _ message: String, waitOn claim: ObjectKey?) {
        state.lastFailure[key] = message
        cluster.recordEvent(
            .warning, "FailedScheduling", message, about: key, uid: pod.metadata.uid, source: Self.component)
        let current = pod.status.condition(.podScheduled)
        if current?.status != .false || current?.message != message {
            var p = pod
            p.status.setCondition(.podScheduled, .false, at: cluster.now, reason: "Unschedulable", message: message)
            cluster.write(p)
        }
        if let claim {
            state.waitingForClaim[claim, default: []].append(key)
        } else if state.waitingForNodesSet.insert(key).inserted {
            state.waitingForNodes.append(key)
        }
    }

    private func bind(_ pod: Pod, to node: String) {
        var p = pod
        p.spec.nodeName = node
        p.status.setCondition(.podScheduled, .true, at: cluster.now)
        let key = ObjectKey(kind: .pod, namespace: p.metadata.namespace, name: p.metadata.name)
        state.lastFailure[key] = nil
        cluster.write(p)
        nodeCountChanged(node)
        cluster.recordEvent(
            .normal, "Scheduled", "Successfully assigned \(p.metadata.namespace)/\(p.metadata.name) to \(node)",
            about: key, uid: p.metadata.uid, source: Self.component)
    }
}
