/// The wording of "why is this StatefulSet not progressing", shared by the controller's decisions
/// and `Cluster.blockers`. Kubernetes only logs these at V(4); stsim says them out loud.
enum StatefulSetWhy {
    /// OrderedReady stopped at ordinal `o`: who waits for it, and whether scale-down is paused.
    static func blockedAt(_ o: Int, _ f: StatefulPodFacts, _ s: StatefulSetState) -> [String] {
        var out: [String] = []
        let why = state(f, s)
        if let next = firstMissing(s, after: o) {
            out.append("\(s.podName(next)) waits: \(s.podName(o)) \(why) (OrderedReady)")
        }
        if s.condemned.top != nil {
            out.append("scale-down paused: \(s.podName(o)) is unhealthy")
        } else if s.outdated.top != nil {
            out.append("rolling update paused: \(s.podName(o)) \(why)")
        }
        return out
    }

    static func state(_ f: StatefulPodFacts, _ s: StatefulSetState) -> String {
        if f.terminating { return "is terminating" }
        if f.finished { return "has \(f.phase == .failed ? "failed" : "succeeded") and will be replaced" }
        if f.phase == .pending { return "is not Ready (Pending)" }
        if !f.runningAndReady { return "is not Ready" }
        if !f.available { return "is not available yet (minReadySeconds: \(s.minReadySeconds))" }
        return "is not Ready"
    }

    /// The lowest missing in-range ordinal above `o` (the pod that waits), looking a bounded
    /// distance so a decision stays cheap on huge sets.
    static func firstMissing(_ s: StatefulSetState, after o: Int) -> Int? {
        var i = o + 1
        let limit = min(s.end, o + 1 + 10_000)
        while i < limit {
            if s.pods[i] == nil { return i }
            i += 1
        }
        return nil
    }
}

extension StatefulSetController {
    /// One-line reasons why the set is not progressing, most important first (empty when it is
    /// progressing or done): the last decision's reasons, creation errors, unschedulable pods.
    func blockers(_ key: ObjectKey) -> [String] {
        guard let set = cluster.store.get(StatefulSet.self, namespace: key.namespace, name: key.name),
            let s = prunedState(for: key)
        else { return [] }
        if set.metadata.deletionTimestamp != nil {
            return ["\(key.name) is being deleted: the controller only writes status"]
        }
        var out: [String] = []
        if let e = s.lastError { out.append(e) }
        out += s.reasons
        // The first unsettled pod's own trouble, as its container states say it.
        if let o = s.attention.top,
            let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: s.podName(o))
        {
            // An init container's trouble reads as `get pods` prints it (Init:CrashLoopBackOff).
            let statuses =
                pod.status.initContainerStatuses.map { ("Init:", $0) } + pod.status.containerStatuses.map { ("", $0) }
            for (prefix, cs) in statuses {
                if case .waiting(let reason?, let message) = cs.state, reason != "ContainerCreating",
                    reason != "PodInitializing"
                {
                    out.append("\(s.podName(o)) is \(prefix)\(reason)" + (message.map { ": \($0)" } ?? ""))
                }
            }
        }
        // Pods whose deletion cannot finish: the at-most-one rule keeps their replacement waiting.
        var stuck = 0
        for o in s.pods.keys.sorted() where s.pods[o]?.terminating == true {
            let name = s.podName(o)
            guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: name),
                let node = pod.spec.nodeName,
                cluster.isPartitioned(node: node)
            else { continue }
            out.append(
                "\(name) is stuck Terminating on \(node) (unreachable): no new \(name) until the old one is gone (at-most-one)"
            )
            stuck += 1
            if stuck == 10 { break }
        }
        // Pods stuck before running: the scheduler's reason.
        var shown = 0
        for o in s.pods.keys.sorted() where s.inRange(o) && s.pods[o]?.phase == .pending {
            if let msg = cluster.scheduler.lastFailure[
                ObjectKey(kind: .pod, namespace: key.namespace, name: s.podName(o))]
            {
                out.append("\(s.podName(o)) is Pending: \(msg)")
                shown += 1
                if shown == 10 { break }
            }
        }
        return out
    }
}

extension Cluster {
    /// Why a StatefulSet is not progressing, one line per reason (`web-2 waits: web-1 is not
    /// Ready (OrderedReady)`, `scale-down paused: web-0 is unhealthy`). Empty when nothing blocks.
    public func blockers(statefulSet name: String, namespace: String? = nil) -> [String] {
        let key = ObjectKey(kind: .statefulSet, namespace: namespace ?? config.namespace, name: name)
        let advice = get(StatefulSet.self, name, namespace: key.namespace).map(stuckRolloutAdvice) ?? []
        return statefulSets.blockers(key) + advice
    }

    /// Why a pod is not scheduled yet (the last FailedScheduling message), if it is waiting.
    public func schedulingFailure(pod name: String, namespace: String? = nil) -> String? {
        scheduler.lastFailure[ObjectKey(kind: .pod, namespace: namespace ?? config.namespace, name: name)]
    }
}
