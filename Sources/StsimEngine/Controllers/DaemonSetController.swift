/// The DaemonSet controller (pkg/controller/daemon) for the DaemonSets a distribution installs:
/// one pod on every node whose taints the template tolerates, a pod for a node added later, a
/// new pod once a deleted one is gone (a terminating pod still counts as the node's, as
/// `podsShouldBeOnNode` counts it), and the status `get ds` shows. Pods on a node that stops
/// answering stay: the template tolerates `unreachable`/`not-ready` NoExecute with no limit.
/// A real 1.32 controller binds through the scheduler with a `metadata.name` node affinity;
/// stsim's pods have no affinity field, so the controller sets `spec.nodeName` itself.
final class DaemonSetController {
    static let component = "daemonset-controller"
    unowned let cluster: Cluster

    init(cluster: Cluster) { self.cluster = cluster }

    func daemonSetChanged(_ ds: DaemonSet, type: ChangeType) {
        // The cluster's own are made with their pods and status counted (`Cluster.daemonSet`).
        guard cluster.bootstrapped, type != .deleted else { return }
        if type == .modified, ds.status.observedGeneration == ds.metadata.generation { return }
        cluster.enqueueSync(.syncDaemonSet(key(ds)))
    }

    func podChanged(_ pod: Pod, type: ChangeType) {
        // The cluster's first pods come with their DaemonSet's status counted (`Cluster.daemonSet`).
        guard cluster.bootstrapped, let ref = pod.metadata.controllerRef, ref.kind == "DaemonSet",
            let key = cluster.store.key(forUID: ref.uid)
        else { return }
        cluster.enqueueSync(.syncDaemonSet(key))
    }

    /// A node added or removed may want a pod or lose one; a modified node (a heartbeat, every
    /// few seconds on each of thousands of nodes) only when its taints or labels now disagree
    /// with what runs there, which the node's own pods tell without a full sync.
    func nodeChanged(_ node: Node, type: ChangeType) {
        guard cluster.bootstrapped else { return }
        for ds in cluster.store.list(DaemonSet.self) {
            if type == .modified {
                let runs = cluster.store.pods(onNode: node.metadata.name).contains { k in
                    k.namespace == ds.metadata.namespace
                        && cluster.store.get(Pod.self, namespace: k.namespace, name: k.name)?.metadata
                            .controllerRef?.uid == ds.metadata.uid
                }
                guard runs != Self.shouldRun(ds.spec.template.spec, on: node) else { continue }
            }
            cluster.enqueueSync(.syncDaemonSet(key(ds)))
        }
    }

    func sync(_ key: ObjectKey) {
        guard let ds = cluster.store.get(DaemonSet.self, namespace: key.namespace, name: key.name),
            let uid = ds.metadata.uid, ds.metadata.deletionTimestamp == nil
        else { return }
        var byNode: [String: [Pod]] = [:]
        for k in cluster.store.dependents(of: uid) where k.kind == .pod {
            guard let p = cluster.store.get(Pod.self, namespace: k.namespace, name: k.name),
                p.metadata.controllerRef?.uid == uid, let node = p.spec.nodeName
            else { continue }
            // A finished pod being deleted no longer holds its node (`getNodesToDaemonPods`).
            if p.metadata.deletionTimestamp != nil, p.status.phase == .succeeded || p.status.phase == .failed {
                continue
            }
            byNode[node, default: []].append(p)
        }
        let nodes = cluster.store.list(Node.self)
        for node in nodes {
            let name = node.metadata.name
            if Self.shouldRun(ds.spec.template.spec, on: node), byNode[name] == nil { createPod(ds, on: name) }
        }
        writeStatus(ds, nodes: nodes, byNode: byNode)
    }

    /// `NodeShouldRunDaemonPod`: the node selector matches and every NoSchedule/NoExecute taint
    /// is tolerated.
    static func shouldRun(_ spec: PodSpec, on node: Node) -> Bool {
        guard spec.nodeSelector.allSatisfy({ node.metadata.labels[$0.key] == $0.value }) else { return false }
        return node.spec.taints.allSatisfy { taint in
            taint.effect == .preferNoSchedule || spec.tolerations.contains { $0.tolerates(taint) }
        }
    }

    /// The tolerations `util.AddOrUpdateDaemonPodTolerations` gives every daemon pod, after the
    /// template's own (the network one only for a host-network pod).
    static func daemonTolerations(hostNetwork: Bool) -> [Toleration] {
        var out = [
            Toleration(key: "node.kubernetes.io/not-ready", operator: .exists, effect: .noExecute),
            Toleration(key: "node.kubernetes.io/unreachable", operator: .exists, effect: .noExecute),
        ]
        for key in ["disk-pressure", "memory-pressure", "pid-pressure", "unschedulable"] {
            out.append(Toleration(key: "node.kubernetes.io/\(key)", operator: .exists, effect: .noSchedule))
        }
        if hostNetwork {
            out.append(
                Toleration(key: "node.kubernetes.io/network-unavailable", operator: .exists, effect: .noSchedule))
        }
        return out
    }

    /// The pod the controller makes for `node` (`NewPod` and `AddOrUpdateDaemonPodTolerations`):
    /// the template's labels with `pod-template-generation`, bound to the node, the daemon
    /// tolerations added, and the priority of the templates' `system-node-critical` class (every
    /// DaemonSet stsim has names it; its pods have no priorityClassName field here).
    static func pod(_ ds: DaemonSet, owner: OwnerReference, node: String, random: inout SeededRandom) -> Pod {
        pod(from: podTemplate(ds, owner: owner), ds, node: node, random: &random)
    }

    /// What every pod of `ds` shares (made once for thousands of pods, whose arrays then share
    /// their storage): namespace, owner, labels, tolerations and priority.
    static func podTemplate(_ ds: DaemonSet, owner: OwnerReference) -> Pod {
        var pod = Pod(metadata: ds.spec.template.metadata, spec: ds.spec.template.spec)
        pod.metadata.namespace = ds.metadata.namespace
        pod.metadata.ownerReferences = [owner]
        pod.metadata.labels["pod-template-generation"] = "\(ds.metadata.generation)"
        let template = ds.spec.template.spec.tolerations
        pod.spec.tolerations += daemonTolerations(hostNetwork: ds.spec.template.spec.hostNetwork == true)
            .filter { !template.contains($0) }
        pod.spec.priority = Cluster.nodeCritical
        return pod
    }

    static func pod(from template: Pod, _ ds: DaemonSet, node: String, random: inout SeededRandom) -> Pod {
        var pod = template
        pod.metadata.name = "\(ds.metadata.name)-\(random.nameSuffix())"
        pod.spec.nodeName = node
        return pod
    }

    private func createPod(_ ds: DaemonSet, on node: String) {
        let owner = OwnerReference(
            apiVersion: "apps/v1", kind: "DaemonSet", name: ds.metadata.name, uid: ds.metadata.uid!,
            controller: true, blockOwnerDeletion: true)
        let pod = Self.pod(ds, owner: owner, node: node, random: &cluster.random)
        switch cluster.create(.pod(pod)) {
        case .success(let created):
            event(ds, .normal, "SuccessfulCreate", "Created pod: \(created.metadata.name)")
        case .failure(let e):
            event(ds, .warning, "FailedCreate", "Error creating: \(e.message)")
        }
    }

    /// `updateDaemonSetStatus`: desired is the nodes that should run a pod, current those that
    /// have one, misscheduled those that have one and should not; one template generation, so
    /// every scheduled pod is up to date.
    private func writeStatus(_ ds: DaemonSet, nodes: [Node], byNode: [String: [Pod]]) {
        var st = DaemonSetStatus(observedGeneration: ds.metadata.generation)
        for node in nodes {
            let run = Self.shouldRun(ds.spec.template.spec, on: node)
            let pods = byNode[node.metadata.name] ?? []
            if run { st.desiredNumberScheduled += 1 }
            guard !pods.isEmpty else { continue }
            guard run else {
                st.numberMisscheduled += 1
                continue
            }
            st.currentNumberScheduled += 1
            st.updatedNumberScheduled += 1
            if pods.contains(where: \.isReady) {
                st.numberReady += 1
                st.numberAvailable += 1
            }
        }
        st.numberUnavailable = max(0, st.desiredNumberScheduled - st.numberAvailable)
        guard st != ds.status else { return }
        var latest = ds
        latest.status = st
        cluster.write(.daemonSet(latest))
    }

    private func key(_ ds: DaemonSet) -> ObjectKey {
        ObjectKey(kind: .daemonSet, namespace: ds.metadata.namespace, name: ds.metadata.name)
    }

    private func event(_ ds: DaemonSet, _ type: EventType, _ reason: String, _ message: String) {
        cluster.recordEvent(type, reason, message, about: key(ds), uid: ds.metadata.uid, source: Self.component)
    }
}

extension Cluster {
    /// stsim's DaemonSets keep the template they were installed with: a changed spec would need
    /// the rolling update stsim does not simulate (metadata may still change: labels, annotations).
    static func daemonSetUnchangeable(_ name: String) -> APIError {
        APIError(
            reason: .limitExceeded,
            message:
                "stsim does not simulate changes to a DaemonSet's spec: daemonset.apps/\(name) keeps the template the distribution installed (its rolling update is not simulated)",
            kind: .daemonSet, name: name)
    }
}
