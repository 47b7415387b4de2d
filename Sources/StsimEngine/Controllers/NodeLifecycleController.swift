/// The node lifecycle controller (reference 9.1, 9.2, 9.9): watches each node's Lease, turns Ready
/// into Unknown once no renewal arrived for the grace period (50 s in 1.32), marks the node's pods
/// not Ready, taints the node `unreachable` (NoSchedule at once, NoExecute through a per-zone rate
/// limiter), and undoes it all when the kubelet is heard again.
///
/// It only works when a link changes: a connected node renews on a fixed phase, so the controller
/// needs no periodic event per node. Checks land on the 5 s monitor ticks the real loop runs on.
final class NodeLifecycleController {
    unowned let cluster: Cluster

    static let unreachableKey = "node.kubernetes.io/unreachable"

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State {
        /// Nodes whose Ready condition this controller set to Unknown.
        var unreachable: Set<String> = []
        /// Nodes carrying the NoExecute `unreachable` taint.
        var noExecuteTainted: Set<String> = []
        /// Bumped when a node's link changes: queued monitor checks of older generations are void.
        var generation: [String: Int] = [:]
        /// Zone of each node, and node counts per zone (zone states, 9.2).
        var zoneOf: [String: String] = [:]
        var nodesInZone: [String: Int] = [:]
        var unreachableInZone: [String: Int] = [:]
        /// The tainting rate limiter: earliest time the next node of a zone may get its NoExecute taint.
        var nextTaintAllowed: [String: VirtualTime] = [:]
        /// Every node is not Ready: no NoExecute taints, no evictions ("master disruption mode").
        var allDisrupted = false
        /// Nodes just turned Unknown whose pods are still to be marked not Ready (in the pass after).
        var podsToMark: Set<String> = []
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    private var timing: TimingProfile { cluster.timing }

    // MARK: Watching nodes and links

    func nodeAdded(_ node: Node) {
        let name = node.metadata.name
        let zone = node.metadata.labels[Node.zoneLabel] ?? ""
        state.zoneOf[name] = zone
        state.nodesInZone[zone, default: 0] += 1
        cluster.kubelets[name]?.link.leasePhase = cluster.now
    }

    func nodeDeleted(_ name: String) {
        guard let zone = state.zoneOf.removeValue(forKey: name) else { return }
        state.nodesInZone[zone, default: 1] -= 1
        if state.unreachable.remove(name) != nil { state.unreachableInZone[zone, default: 1] -= 1 }
        state.noExecuteTainted.remove(name)
        state.podsToMark.remove(name)
        state.generation[name, default: 0] += 1
        updateDisruptionMode()
    }

    /// The link was cut (partition, crash): the Lease stops; check at the first monitor tick
    /// after the grace period has passed since the last renewal.
    func linkCut(_ node: String) {
        guard let link = cluster.kubelets[node]?.link else { return }
        let last = link.lastLeaseRenewal(at: cluster.now, interval: timing.leaseRenewInterval)
        check(node, atFirstTickAfter: last + timing.nodeMonitorGracePeriod)
    }

    /// The link is back: the kubelet posts Ready at once; the controller notices at its next tick.
    func linkRestored(_ node: String) {
        guard state.unreachable.contains(node) else {
            state.generation[node, default: 0] += 1  // a cut shorter than the grace period leaves no trace
            return
        }
        check(node, atFirstTickAfter: cluster.now)
    }

    private func check(_ node: String, atFirstTickAfter t: VirtualTime) {
        state.generation[node, default: 0] += 1
        let period = max(timing.nodeMonitorPeriod.milliseconds, 1)
        let tick = VirtualTime(milliseconds: (t.milliseconds / period + 1) * period)
        cluster.queue.schedule(
            .nodeMonitor(node: node, generation: state.generation[node]!), at: max(tick, cluster.now))
    }

    // MARK: The monitor pass for one node

    func monitor(_ node: String, generation g: Int) {
        guard state.generation[node] == g, let link = cluster.kubelets[node]?.link, state.zoneOf[node] != nil else {
            return
        }
        if link.isConnected {
            if state.unreachable.contains(node) { markReachable(node) }
        } else if !state.unreachable.contains(node) || postedReadySinceCut(node) {
            markUnreachable(node)
        } else {
            if !state.noExecuteTainted.contains(node) { tryTaint(node) }
            if state.podsToMark.remove(node) != nil { markPodsNotReady(node) }
        }
    }

    /// Healed and cut again before the controller's next tick: the kubelet's Ready stands in the
    /// API while the controller still counts the node unreachable.
    private func postedReadySinceCut(_ name: String) -> Bool {
        cluster.store.get(Node.self, namespace: "", name: name)?.status.condition(.ready)?.status == .true
    }

    private func markUnreachable(_ name: String) {
        guard var node = cluster.store.get(Node.self, namespace: "", name: name) else { return }
        let now = cluster.now
        if state.unreachable.insert(name).inserted {
            state.unreachableInZone[state.zoneOf[name] ?? "", default: 0] += 1
        }
        for i in node.status.conditions.indices where node.status.conditions[i].type != "NetworkUnavailable" {
            if node.status.conditions[i].status != .unknown { node.status.conditions[i].lastTransitionTime = now }
            node.status.conditions[i].status = .unknown
            node.status.conditions[i].reason = "NodeStatusUnknown"
            node.status.conditions[i].message = "Kubelet stopped posting node status."
        }
        if !node.spec.taints.contains(where: { $0.key == Self.unreachableKey && $0.effect == .noSchedule }) {
            node.spec.taints.append(Taint(key: Self.unreachableKey, effect: .noSchedule))
        }
        cluster.write(node)
        let nodeKey = ObjectKey(kind: .node, namespace: "", name: name)
        cluster.recordEvent(
            .normal, "NodeNotReady", "Node \(name) status is now: NodeNotReady", about: nodeKey, uid: node.metadata.uid,
            source: "node-controller")
        updateDisruptionMode()
        // Tainting is a separate pass after every node's health is updated, so that nodes lost at
        // the same tick count together in the zone's state: queue it behind this tick's checks.
        // The pods are marked then too (same instant; the node's rows come first in `get -w`).
        state.podsToMark.insert(name)
        cluster.queue.schedule(
            .nodeMonitor(node: name, generation: state.generation[name, default: 0]), at: cluster.now)
    }

    /// `MarkPodsNotReady`: only the pod's Ready condition turns False (container statuses stay,
    /// which is why `get pods` still says 1/1 Running).
    private func markPodsNotReady(_ node: String) {
        let now = cluster.now
        for key in cluster.store.pods(onNode: node) {
            guard var pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
                let i = pod.status.conditions.firstIndex(where: { $0.type == .ready })
            else { continue }
            if pod.status.conditions[i].status != .false {
                pod.status.conditions[i].status = .false
                pod.status.conditions[i].lastTransitionTime = now
                cluster.write(pod)
            }
            cluster.recordEvent(
                .warning, "NodeNotReady", "Node is not ready", about: key, uid: pod.metadata.uid,
                source: "node-controller")
        }
    }

    private func markReachable(_ name: String) {
        state.unreachable.remove(name)
        state.podsToMark.remove(name)
        state.unreachableInZone[state.zoneOf[name] ?? "", default: 1] -= 1
        let wasAllDisrupted = state.allDisrupted
        updateDisruptionMode()
        if var node = cluster.store.get(Node.self, namespace: "", name: name) {
            node.spec.taints.removeAll { $0.key == Self.unreachableKey }
            cluster.write(node)
            cluster.recordEvent(
                .normal, "NodeReady", "Node \(name) status is now: NodeReady",
                about: ObjectKey(kind: .node, namespace: "", name: name), uid: node.metadata.uid,
                source: "node-controller")
        }
        removeNoExecute(name)
        if wasAllDisrupted, !state.allDisrupted { retaintAll() }
    }

    // MARK: Zones and NoExecute tainting (9.2)

    private enum ZoneState { case normal, partialDisruption, fullDisruption }

    private func zoneState(_ zone: String) -> ZoneState {
        let total = state.nodesInZone[zone] ?? 0
        let down = state.unreachableInZone[zone] ?? 0
        if total > 0, down == total { return .fullDisruption }
        if down > 2, Double(down) / Double(total) >= timing.unhealthyZoneThreshold { return .partialDisruption }
        return .normal
    }

    /// Every node not Ready: the controller assumes its own network is at fault and evicts nothing.
    private func updateDisruptionMode() {
        let all = !state.zoneOf.isEmpty && state.unreachable.count == state.zoneOf.count
        guard all != state.allDisrupted else { return }
        state.allDisrupted = all
        if all {
            for node in state.noExecuteTainted.sorted() { removeNoExecute(node) }
        }
    }

    private func retaintAll() {
        for node in state.unreachable.sorted() where !state.noExecuteTainted.contains(node) { tryTaint(node) }
    }

    private func tryTaint(_ name: String) {
        guard !state.allDisrupted, state.unreachable.contains(name), !state.noExecuteTainted.contains(name) else {
            return
        }
        let zone = state.zoneOf[name] ?? ""
        let interval: VirtualDuration
        switch zoneState(zone) {
        case .normal, .fullDisruption: interval = timing.nodeEvictionInterval
        case .partialDisruption:
            // Small clusters stop tainting altogether in a partially disrupted zone.
            guard (state.nodesInZone[zone] ?? 0) > timing.largeClusterSizeThreshold else { return }
            interval = timing.secondaryNodeEvictionInterval
        }
        let now = cluster.now
        if let next = state.nextTaintAllowed[zone], next > now {
            state.generation[name, default: 0] += 1
            cluster.queue.schedule(.nodeMonitor(node: name, generation: state.generation[name]!), at: next)
            return
        }
        state.nextTaintAllowed[zone] = now + interval
        guard var node = cluster.store.get(Node.self, namespace: "", name: name) else { return }
        let taint = Taint(key: Self.unreachableKey, effect: .noExecute, timeAdded: now)
        node.spec.taints.append(taint)
        state.noExecuteTainted.insert(name)
        cluster.write(node)  // the taint eviction controller sees the taint and schedules evictions
    }

    private func removeNoExecute(_ name: String) {
        guard state.noExecuteTainted.remove(name) != nil else { return }
        if var node = cluster.store.get(Node.self, namespace: "", name: name) {
            node.spec.taints.removeAll { $0.key == Self.unreachableKey && $0.effect == .noExecute }
            cluster.write(node)  // and the taint eviction controller cancels what it scheduled
        }
    }
}
