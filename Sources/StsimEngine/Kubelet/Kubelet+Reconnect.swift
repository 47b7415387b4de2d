/// What a kubelet does when it can reach the API again (reference 9.9): it lists the pods bound to
/// its node and reconciles its truth with them.
extension Kubelet {
    /// After a partition: containers of pods the API no longer has (force-deleted while away) are
    /// killed; pods marked for deletion are terminated (the remaining grace); the rest report
    /// their status again, which makes them Ready. Returns the pods whose containers it killed.
    func reconnected() -> [ObjectKey] {
        var killed: [ObjectKey] = []
        for rp in pods.values.sorted(by: { ($0.key, $0.uid) < ($1.key, $1.uid) }) {
            guard let api = cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name), api.metadata.uid == rp.uid else {
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

    /// Pods bound to this node while it was away.
    func admitUnknownPods() {
        for key in cluster.store.pods(onNode: nodeName) {
            guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name), let uid = pod.metadata.uid,
                  pods[uid] == nil
            else { continue }
            podChanged(pod, type: .added)
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
        isDown = true
        for rp in pods.values.sorted(by: { ($0.key, $0.uid) < ($1.key, $1.uid) }) {
            pods.removeValue(forKey: rp.uid)
            forget(rp)
        }
        pulls = [:]
        pullStarted = [:]
    }
}
