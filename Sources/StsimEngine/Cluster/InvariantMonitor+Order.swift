/// OrderedReady's promise (kubernetes/kubernetes pkg/controller/statefulset/stateful_set_control.go,
/// 1.32): with a monotonic policy the controller creates the pod of ordinal i only after every
/// lower ordinal is created, Running and Ready and not terminating, so each creation is checked
/// against the pods below it as the store holds them at that moment.
extension InvariantMonitor {
    func podCreated(_ pod: Pod) {
        guard let owner = pod.metadata.controllerRef, owner.kind == "StatefulSet",
            let set = cluster.store.get(StatefulSet.self, namespace: pod.metadata.namespace, name: owner.name),
            set.metadata.uid == owner.uid, !set.spec.isParallel,
            let parsed = StatefulSetIdentity.parse(pod.metadata.name), parsed.parent == set.metadata.name
        else { return }
        for lower in set.spec.ordinalStart..<max(set.spec.ordinalStart, parsed.ordinal) {
            let name = StatefulSetIdentity.podName(set.metadata.name, lower)
            let p = cluster.store.get(Pod.self, namespace: pod.metadata.namespace, name: name)
            guard let p, p.isRunningAndReady, p.metadata.deletionTimestamp == nil else {
                let why = p == nil ? "did not exist" : "was not Running and Ready"
                let key = ObjectKey(kind: .pod, namespace: pod.metadata.namespace, name: pod.metadata.name)
                violated(
                    "OrderedReady order broken: \(pod.metadata.name) was created while \(name) \(why)", about: key,
                    uid: pod.metadata.uid)
                return
            }
        }
    }
}
