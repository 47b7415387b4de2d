extension StatefulSetController {
    /// One-line reasons why the set is not progressing, most important first (empty when it is
    /// progressing or done). Kubernetes only logs these at V(4); stsim says them out loud.
    func blockers(_ key: ObjectKey) -> [String] {
        guard let set = cluster.store.get(StatefulSet.self, namespace: key.namespace, name: key.name), let s = state(for: key) else { return [] }
        var out: [String] = []
        if set.metadata.deletionTimestamp != nil { return ["\(key.name) is being deleted: the controller only writes status"] }
        if let e = s.lastError { out.append(e) }
        let policy = s.monotonic ? "OrderedReady" : "Parallel"
        if s.monotonic, let o = s.attention.min(where: s.needsAttention), let f = s.pods[o] {
            let why = describe(f, ordinal: o, s)
            if let next = firstMissing(s, after: o) {
                out.append("\(s.podName(next)) waits: \(s.podName(o)) \(why) (\(policy))")
            }
            if s.condemned.max(where: s.isCondemned) != nil {
                out.append("scale-down paused: \(s.podName(o)) is unhealthy")
            } else if s.outdated.max(where: s.isOutdated) != nil {
                out.append("rolling update paused: \(s.podName(o)) \(why)")
            }
        } else if s.monotonic, let c = s.condemned.max(where: s.isCondemned), let f = s.pods[c] {
            if f.terminating {
                out.append("scale-down waits: \(s.podName(c)) is terminating")
            } else if !f.settled, c != s.firstUnhealthyCondemned(), let u = s.firstUnhealthyCondemned() {
                out.append("scale-down paused: \(s.podName(u)) is unhealthy")
            }
        }
        // Pods stuck before running: the scheduler's or the kubelet's reason.
        for o in s.pods.keys.sorted() where s.inRange(o) {
            let name = s.podName(o)
            let podKey = ObjectKey(kind: .pod, namespace: key.namespace, name: name)
            if let msg = cluster.scheduler.lastFailure[podKey] { out.append("\(name) is Pending: \(msg)") }
            if out.count > 20 { break }
        }
        return out
    }

    private func describe(_ f: StatefulPodFacts, ordinal: Int, _ s: StatefulSetState) -> String {
        if f.terminating { return "is terminating" }
        if f.finished { return "has \(f.phase == .failed ? "failed" : "succeeded") and will be replaced" }
        if f.phase == .pending { return "is not Ready (Pending)" }
        if !f.runningAndReady { return "is not Ready" }
        if !f.available { return "is not available yet (minReadySeconds: \(s.minReadySeconds))" }
        return "is not Ready"
    }

    private func firstMissing(_ s: StatefulSetState, after o: Int) -> Int? {
        var i = o + 1
        while i < s.end {
            if s.pods[i] == nil { return i }
            i += 1
        }
        return nil
    }
}

extension Cluster {
    /// Why a StatefulSet is not progressing, one line per reason (`web-2 waits: web-1 is not
    /// Ready (OrderedReady)`, `scale-down paused: web-0 is unhealthy`). Empty when nothing blocks.
    public func blockers(statefulSet name: String, namespace: String? = nil) -> [String] {
        statefulSets.blockers(ObjectKey(kind: .statefulSet, namespace: namespace ?? config.namespace, name: name))
    }

    /// Why a pod is not scheduled yet (the last FailedScheduling message), if it is waiting.
    public func schedulingFailure(pod name: String, namespace: String? = nil) -> String? {
        scheduler.lastFailure[ObjectKey(kind: .pod, namespace: namespace ?? config.namespace, name: name)]
    }
}
