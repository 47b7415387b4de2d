/// The attach/detach controller (reference 9.6, 9.7), for single-writer volumes (ReadWriteOnce,
/// ReadWriteOncePod) of a CSI driver that attaches (a network disk; hostPath and local volumes
/// attach nothing): such a volume is attached to one node at a time. A pod on another node waits in
/// ContainerCreating with `Multi-Attach error` until the volume is detached: at once when the old
/// pod is gone from a node that can say it unmounted; after the 6-minute force-detach wait when
/// that node is unreachable; at once again with the out-of-service taint.
final class AttachDetachController {
    unowned let cluster: Cluster

    struct AttachWaiter: Codable, Hashable {
        var node: String
        var pod: UID
    }

    static let outOfServiceKey = "node.kubernetes.io/out-of-service"

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State: Codable {
        /// Volume (PV name) → the node it is attached to.
        var attachedTo: [String: String] = [:]
        /// Volume → the API pods on that node that use it.
        var users: [String: Set<UID>] = [:]
        /// Pod → the single-writer volumes attached for it.
        var volumesOf: [UID: [String]] = [:]
        /// Volume → pods (node, uid) whose kubelet waits for it to be detached elsewhere.
        var waiters: [String: [AttachWaiter]] = [:]
        /// Bumped on every detach: force-detach timers of older generations are void.
        var generation: [String: Int] = [:]
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    /// The kubelet asks before mounting: attaches every single-writer volume of the pod to `node`,
    /// or records the Multi-Attach error and returns false (the kubelet is woken on detach).
    func attach(pod key: ObjectKey, uid: UID, claims: [String], node: String) -> Bool {
        var volumes: [String] = []
        for claim in claims {
            guard let c = cluster.store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: claim),
                let pv = c.spec.volumeName, Self.singleWriter(c), attachable(pv)
            else { continue }
            if let holder = state.attachedTo[pv], holder != node {
                cluster.recordEvent(
                    .warning, "FailedAttachVolume", multiAttachMessage(pv, holder: holder, namespace: key.namespace),
                    about: key, uid: uid, source: "attachdetach-controller")
                state.waiters[pv, default: []].append(AttachWaiter(node: node, pod: uid))
                return false
            }
            volumes.append(pv)
        }
        for pv in volumes {
            if state.attachedTo[pv] == nil {
                cluster.recordEvent(
                    .normal, "SuccessfulAttachVolume", "AttachVolume.Attach succeeded for volume \"\(pv)\"",
                    about: key, uid: uid, source: "attachdetach-controller")
            }
            state.attachedTo[pv] = node
            state.users[pv, default: []].insert(uid)
        }
        if !volumes.isEmpty { state.volumesOf[uid] = volumes }
        return true
    }

    /// reconciler.go reportMultiAttachError: the pods of the namespace that the API still has
    /// on the holding node, by name; else the bare "exclusively attached" form (as after a
    /// force delete).
    private func multiAttachMessage(_ pv: String, holder: String, namespace: String) -> String {
        let users = state.users[pv] ?? []
        let names = cluster.store.pods(onNode: holder).compactMap { key -> String? in
            guard key.namespace == namespace,
                let p = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
                let uid = p.metadata.uid, users.contains(uid)
            else { return nil }
            return p.metadata.name
        }.sorted()
        let why =
            names.isEmpty
            ? "Volume is already exclusively attached to one node and can't be attached to another"
            : "Volume is already used by pod(s) \(names.joined(separator: ", "))"
        return "Multi-Attach error for volume \"\(pv)\" \(why)"
    }

    static func singleWriter(_ c: PersistentVolumeClaim) -> Bool {
        c.spec.accessModes.contains(.readWriteOnce) || c.spec.accessModes.contains(.readWriteOncePod)
    }

    private func attachable(_ pv: String) -> Bool {
        guard case .csi? = cluster.store.get(PersistentVolume.self, namespace: "", name: pv)?.spec.source else {
            return false
        }
        return true
    }

    /// A pod left the API: its volumes are detached once nobody on the node uses them, as soon as
    /// the node can confirm the unmount, else after the force-detach wait.
    func podDeleted(_ pod: Pod) {
        guard let uid = pod.metadata.uid, let volumes = state.volumesOf.removeValue(forKey: uid) else { return }
        for pv in volumes {
            state.users[pv]?.remove(uid)
            guard state.users[pv]?.isEmpty ?? true, let node = state.attachedTo[pv] else { continue }
            if canDetachNow(node) {
                detach(pv)
            } else {
                cluster.schedule(
                    .forceDetach(volume: pv, generation: state.generation[pv, default: 0]),
                    after: cluster.timing.forceDetachWait)
            }
        }
    }

    private func canDetachNow(_ node: String) -> Bool {
        if !cluster.isPartitioned(node: node) { return true }
        return cluster.store.get(Node.self, namespace: "", name: node)?.spec.taints.contains {
            $0.key == Self.outOfServiceKey
        } ?? false
    }

    /// `maxWaitForUnmountDuration` (6 min) passed without the node confirming the unmount.
    func forceDetach(_ pv: String, generation g: Int) {
        guard state.generation[pv, default: 0] == g, state.users[pv]?.isEmpty ?? true, state.attachedTo[pv] != nil
        else { return }
        detach(pv)
    }

    /// The node can speak again (heal, out-of-service taint): detach what nobody there uses.
    func nodeMayDetach(_ node: String) {
        guard canDetachNow(node) else { return }
        let idle = state.attachedTo.filter { $0.value == node && (state.users[$0.key]?.isEmpty ?? true) }.map(\.key)
            .sorted()
        for pv in idle { detach(pv) }
    }

    private func detach(_ pv: String) {
        state.attachedTo[pv] = nil
        state.users[pv] = nil
        state.generation[pv, default: 0] += 1
        for w in state.waiters.removeValue(forKey: pv) ?? [] { cluster.kubelets[w.node]?.volumeBound(pod: w.pod) }
    }
}
