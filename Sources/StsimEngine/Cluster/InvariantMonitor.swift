/// A broken promise the monitor saw, with when.
public struct InvariantViolation: Codable, Sendable, Hashable {
    public var time: VirtualTime
    public var message: String
}

/// Watches, after every event, the promises a StatefulSet lesson rests on: no two pods
/// of one name in the API (the store refuses that outright), no claim bound to two volumes, at
/// most one running copy of a StatefulSet pod anywhere (broken by a force delete while the node
/// is cut off), a single-writer volume attached to one node (the attach/detach controller
/// refuses a second), and no claim deleted unless a user or a retention policy asked. Each
/// violation is recorded once, as a Warning event and in `violations`. The checks are
/// incremental (no per-pod memory, nothing at all while every link stands);
/// `Cluster.checkInvariants()` is the full scan tests use.
final class InvariantMonitor {
    unowned let cluster: Cluster

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State: Codable {
        /// Pod names whose at-most-one violation is reported and still stands.
        var reported: Set<ObjectKey> = []
        /// Nodes whose link is cut (partitioned or crashed).
        var cut: Set<String> = []
        /// Claims someone asked to delete (a user or the garbage collector).
        var deletionRequested: Set<ObjectKey> = []
        var violations: [InvariantViolation] = []
        /// Nodes whose kubelet lists from a stale cache (`restart kubelet --stale`): like a cut-off
        /// node, it may run a pod the API deleted. Optional: states saved before it decode.
        var stale: Set<String>?
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    func violated(_ message: String, about key: ObjectKey, uid: UID?) {
        state.violations.append(InvariantViolation(time: cluster.now, message: message))
        cluster.recordEvent(
            .warning, "InvariantViolated", message, about: key, uid: uid, source: "stsim-invariant-monitor")
    }

    // MARK: At most one copy of a StatefulSet pod

    /// A second copy can only exist where the API's deletion never reached a kubelet, that is on
    /// a node whose link is cut (a connected kubelet kills a deleted pod at once): only those
    /// nodes are searched, so a healthy cluster pays nothing.
    func containerStarted(_ key: ObjectKey, uid: UID, node: String) {
        guard !state.reported.contains(key) else { return }
        var nodes = [node]
        // A kubelet listing from a stale cache may start an old copy beside the new one.
        if state.stale?.contains(node) ?? false, cluster.kubelets[node]?.runsCopy(of: key, other: uid) ?? false {
            nodes.append(node)
        }
        let unseeing = state.stale.map { state.cut.union($0) } ?? state.cut
        for name in unseeing where name != node {
            if cluster.kubelets[name]?.runsCopy(of: key, other: uid) ?? false { nodes.append(name) }
        }
        guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
            pod.metadata.controllerRef?.kind == "StatefulSet"
        else { return }
        // The old copy starting on a cut-off node (after its back-off, say) while the replacement
        // runs where the API placed it, on a node whose link stands.
        if unseeing.contains(node), let bound = pod.spec.nodeName, !nodes.contains(bound),
            cluster.kubelets[bound]?.runsCopy(of: key, other: uid) ?? false
        {
            nodes.append(bound)
        }
        guard nodes.count > 1 else { return }
        state.reported.insert(key)
        violated(Self.atMostOneMessage(key.name, nodes: nodes, cluster: cluster), about: key, uid: pod.metadata.uid)
    }

    static func atMostOneMessage(_ name: String, nodes: [String], cluster: Cluster) -> String {
        let places = nodes.sorted().map { node in
            if cluster.isPartitioned(node: node) { return "\(node) (unreachable)" }
            return cluster.kubelets[node]?.isStale ?? false ? "\(node) (stale cache)" : node
        }
        if places.count == 2, places[0] == places[1] {
            return "at-most-one violated: \(name) runs twice on \(places[0])"
        }
        return "at-most-one violated: \(name) runs on \(places.joined(separator: " and "))"
    }

    /// A kubelet's view turned stale (or caught up).
    func viewChanged(_ node: String, stale: Bool) {
        var nodes = state.stale ?? []
        if stale { nodes.insert(node) } else { nodes.remove(node) }
        state.stale = nodes.isEmpty ? nil : nodes
    }

    func linkChanged(_ node: String, connected: Bool) {
        if connected { state.cut.remove(node) } else { state.cut.insert(node) }
    }

    /// One copy stopped: the violation no longer stands (a third copy would need a second cut-off node).
    func runtimeGone(_ key: ObjectKey, uid: UID) {
        state.reported.remove(key)
    }

    // MARK: Claims

    func claimDeletionRequested(_ key: ObjectKey) { state.deletionRequested.insert(key) }

    func claimRemoved(_ claim: PersistentVolumeClaim, key: ObjectKey) {
        if state.deletionRequested.remove(key) == nil {
            violated(
                "claim \(key.name) was deleted though no user and no retention policy asked", about: key,
                uid: claim.metadata.uid)
        }
    }

    /// A volume turned Bound: the claim it names must not already hold another Bound volume that
    /// names it too (the claim's `volumeName` says which one it holds; no state kept here).
    func volumeChanged(_ pv: PersistentVolume, type: ChangeType) {
        guard type != .deleted, pv.status.phase == .bound, let ref = pv.spec.claimRef else { return }
        let key = ObjectKey(kind: .persistentVolumeClaim, namespace: ref.namespace ?? "", name: ref.name)
        let name = pv.metadata.name
        guard let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: key.name),
            claim.metadata.uid == ref.uid, let other = claim.spec.volumeName, other != name,
            let o = cluster.store.get(PersistentVolume.self, namespace: "", name: other), o.status.phase == .bound,
            o.spec.claimRef?.uid == ref.uid
        else { return }
        violated("claim \(key.name) is bound to two volumes: \(other) and \(name)", about: key, uid: ref.uid)
    }
}

extension Cluster {
    /// Every violation the monitor recorded, oldest first.
    public var invariantViolations: [InvariantViolation] { invariants.state.violations }

    /// The full check, over everything (tests call it after every event): the broken promises
    /// that stand right now, one line each.
    public func checkInvariants() -> [String] {
        var out: [String] = []
        var copies: [ObjectKey: [String]] = [:]
        for node in kubelets.keys.sorted() {
            for rp in kubelets[node]!.pods.values where rp.containers.contains(where: \.started) {
                copies[rp.key, default: []].append(node)
            }
        }
        for (key, nodes) in copies.sorted(by: { $0.key < $1.key }) where nodes.count > 1 {
            if store.get(Pod.self, namespace: key.namespace, name: key.name)?.metadata.controllerRef?.kind
                == "StatefulSet"
            {
                out.append(InvariantMonitor.atMostOneMessage(key.name, nodes: nodes, cluster: self))
            }
        }
        var claimVolumes: [String: [String]] = [:]
        for pv in store.list(PersistentVolume.self) where pv.status.phase == .bound {
            if let ref = pv.spec.claimRef {
                claimVolumes["\(ref.namespace ?? "")/\(ref.name)", default: []].append(pv.metadata.name)
            }
        }
        for (claim, volumes) in claimVolumes.sorted(by: { $0.key < $1.key }) where volumes.count > 1 {
            out.append("claim \(claim) is bound to two volumes: \(volumes.joined(separator: " and "))")
        }
        return out
    }
}
