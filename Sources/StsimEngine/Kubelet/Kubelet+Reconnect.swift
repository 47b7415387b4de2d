/// What a kubelet does when it can reach the API again (reference 9.9): it lists the pods bound to
/// its node and reconciles its truth with them.
extension Kubelet {
    /// After a partition: containers of pods the API no longer has (force-deleted while away) are
    /// killed; pods marked for deletion are terminated (the remaining grace); the rest report
    /// their status again, which makes them Ready. Returns the pods whose containers it killed.
    func reconnected() -> [ObjectKey] {
        var killed: [ObjectKey] = []
        for rp in pods.values.sorted(by: { ($0.key, $0.uid) < ($1.key, $1.uid) }) {
            guard let api = cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name),
                api.metadata.uid == rp.uid
            else {
                pods.removeValue(forKey: rp.uid)
                forget(rp)
                killed.append(rp.key)
                continue
            }
            var current = rp
            if api.metadata.deletionTimestamp != nil {
                if !current.terminating {
                    startTermination(&current, pod: api)
                    pods[current.uid] = current
                }
                continue
            }
            report(current)
        }
        admitUnknownPods()
        return killed
    }

    /// Pods bound to this node that the kubelet does not run: bound while it was away, or (after
    /// a reboot) every pod still in the API. A rebooted node's containers start again and count
    /// a restart each, as the runtime still remembers the ones that died.
    func admitUnknownPods() {
        for key in cluster.store.pods(onNode: nodeName) {
            guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
                let uid = pod.metadata.uid,
                pods[uid] == nil
            else { continue }
            podChanged(pod, type: .added)
            guard var rp = pods[uid] else { continue }
            for cs in pod.status.containerStatuses where cs.started ?? false || cs.restartCount > 0 {
                guard let i = rp.containers.firstIndex(where: { $0.name == cs.name }) else { continue }
                rp.containers[i].restartCount = cs.restartCount + 1
                if case .running(let started) = cs.state {
                    // What containerd reports for a container that died with the machine.
                    rp.containers[i].lastState = .terminated(
                        exitCode: 255, reason: "Unknown", message: nil, startedAt: started, finishedAt: cluster.now)
                }
            }
            pods[uid] = rp
        }
    }
}

extension Kubelet {
    /// Whether this kubelet runs a started copy of the pod `key` other than `uid` (the invariant
    /// monitor asks cut-off nodes only; O(pods on the node)).
    func runsCopy(of key: ObjectKey, other uid: UID) -> Bool {
        pods.values.contains { $0.key == key && $0.uid != uid && $0.containers.contains(where: \.started) }
    }

    /// The machine loses power: every container dies, nothing is reported.
    func powerOff() {
        state.isDown = true
        for rp in pods.values.sorted(by: { ($0.key, $0.uid) < ($1.key, $1.uid) }) {
            pods.removeValue(forKey: rp.uid)
            forget(rp)
        }
        state.pulls = [:]
        state.pullStarted = [:]
    }
}

extension Kubelet {
    /// The API lost this node's object (`delete node`). A live kubelet notices at its next status
    /// update (every 10 s) and registers the node again, as a new object (9.8).
    func nodeObjectDeleted(_ node: Node) {
        state.lastRegistered = node
        guard link.isConnected else { return }
        let step = max(cluster.timing.leaseRenewInterval.milliseconds, 1)
        let next =
            link.leasePhase.milliseconds + ((cluster.now.milliseconds - link.leasePhase.milliseconds) / step + 1) * step
        cluster.queue.schedule(.registerNode(nodeName), at: VirtualTime(milliseconds: next))
    }

    /// Registers the node again with the labels it had (its `--node-labels`), if it is still missing.
    func registerAgain() {
        guard link.isConnected, !state.isDown, cluster.store.get(Node.self, namespace: "", name: nodeName) == nil else {
            return
        }
        let labels = state.lastRegistered?.metadata.labels ?? [:]
        state.lastRegistered = nil
        _ = cluster.create(.node(Node(metadata: ObjectMeta(name: nodeName, labels: labels))))
    }
}
