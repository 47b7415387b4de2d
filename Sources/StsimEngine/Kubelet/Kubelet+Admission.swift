/// The kubelet's admission of a pod bound to its node without the scheduler (`spec.nodeName` in
/// the manifest): `lifecycle.PredicateAdmitHandler` runs the scheduler's general filter again and
/// `rejectPod` fails a pod that does not fit, for good (kubernetes/kubernetes pkg/kubelet).
extension Kubelet {
    /// Phase Failed, reason the predicate's name, message `Pod was rejected: Predicate NAME
    /// failed: ...`, and a Warning event with the predicate's words. Nothing when the pod is gone
    /// or being deleted meanwhile.
    func reject(_ key: ObjectKey, uid: UID, _ predicate: String, _ reason: String) {
        guard let pod = cluster.store.get(Pod.self, namespace: key.namespace, name: key.name),
            pod.metadata.uid == uid, pod.metadata.deletionTimestamp == nil, pods[uid] == nil
        else { return }
        let message = "Predicate \(predicate) failed: \(reason)"
        var status = pod.status
        status.phase = .failed
        status.reason = predicate
        status.message = "Pod was rejected: \(message)"
        status.startTime = cluster.now
        link.reportStatus(key, uid: uid, status)
        link.recordEvent(.warning, predicate, message, about: key, uid: uid, fieldPath: nil)
    }
}

extension Kubelet {
    /// A pod that runs here from the cluster's start: its containers running and ready since
    /// now, its images on the node, its address given (its node's own for a host-network pod,
    /// which then holds no address of the node's pod range).
    func adoptRunning(_ pod: Pod, uid: UID, _ start: StartingPod) {
        let now = start.since
        var status = pod.status
        status.phase = .running
        status.podIP = start.ip
        let nodeIP = cluster.store.get(Node.self, namespace: "", name: nodeName)?.status.internalIP
        status.hostIP = nodeIP
        status.startTime = now
        for type in [PodConditionType.podReadyToStartContainers, .initialized, .podScheduled] {
            status.setCondition(type, .true, at: now)
        }
        let containers = pod.spec.containers.map { c in
            var rc = RuntimeContainer(name: c.name, image: c.image, pullPolicy: c.imagePullPolicy ?? .ifNotPresent)
            rc.state = .running(startedAt: now)
            rc.ready = true
            rc.started = true
            rc.startedAt = now
            return rc
        }
        state.images.formUnion(containers.map(\.image))
        var rp = RuntimePod(
            key: key(pod), uid: uid, containers: containers, claims: [],
            restartPolicy: pod.spec.restartPolicy ?? .always,
            gracePeriod: pod.spec.terminationGracePeriodSeconds ?? Int(timing.terminationGracePeriod.seconds),
            status: status)
        rp.sandboxReady = true
        rp.nextToStart = containers.count
        rp.podIP = status.podIP == nodeIP ? nil : status.podIP
        if let given = start.status {
            // Created with the status a report would write: nothing to write again.
            rp.status = pods.shared(given)
            pods[uid] = rp
            return
        }
        pods[uid] = rp
        report(rp)
    }
}

extension Kubelet {
    /// A static pod's mirror was deleted: the static pod itself runs on (the kubelet reads it
    /// from its manifest file, not from the API), so its next sync deletes the mirror at once
    /// and creates it again with a new UID (kubelet.go `syncPod`: `DeleteMirrorPod`, then
    /// `CreateMirrorPod`). Its containers keep their start.
    func replaceMirrorPod(_ pod: Pod, _ rp: RuntimePod) {
        guard link.isConnected else { return }
        pods[rp.uid] = nil
        link.confirmDeletion(key(pod), uid: rp.uid)
        var mirror = Pod(
            metadata: ObjectMeta(
                name: pod.metadata.name, namespace: pod.metadata.namespace, labels: pod.metadata.labels,
                annotations: pod.metadata.annotations),
            spec: pod.spec)
        mirror.metadata.ownerReferences = pod.metadata.ownerReferences
        cluster.startRunning(mirror, since: rp.status.startTime)
    }
}
