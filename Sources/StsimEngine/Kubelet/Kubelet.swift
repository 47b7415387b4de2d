/// The kubelet of one node (reference 12): admits pods bound to the node, sets up the sandbox,
/// pulls images once per node, starts containers one after another, runs readiness probes,
/// restarts exited containers with back-off, and terminates pods gracefully before confirming
/// their deletion. It keeps its own truth (`RuntimePod`) and talks to the API only through its
/// `NodeLink`.
///
/// One extension file per part: images (`Kubelet+Images`), container starts and restarts
/// (`Kubelet+Restarts`), readiness probes (`Kubelet+Probes`), termination (`Kubelet+Termination`),
/// status (`Kubelet+Status`), and what happens after a partition or reboot (`Kubelet+Reconnect`).
final class Kubelet {
    unowned let cluster: Cluster
    let nodeName: String
    let link: NodeLink
    /// All of it lives here, so a clone copies it by assignment.
    var state = KubeletState()

    init(cluster: Cluster, nodeName: String) {
        self.cluster = cluster
        self.nodeName = nodeName
        link = NodeLink(cluster: cluster)
        link.kubelet = self
    }

    var timing: TimingProfile { cluster.timing }

    /// The kubelet's truth about its pods, by uid.
    var pods: RuntimePodTable {
        get { state.pods }
        _modify { yield &state.pods }
    }

    // MARK: Watching the API

    func podChanged(_ pod: Pod, type: ChangeType) {
        guard let uid = pod.metadata.uid else { return }
        if type == .deleted {
            // Force-deleted (or removed by us): whatever still runs is killed at once.
            if let rp = pods.removeValue(forKey: uid) { forget(rp) }
            return
        }
        if var rp = pods[uid] {
            if pod.metadata.deletionTimestamp != nil, pod.metadata.annotations[Pod.mirrorAnnotation] != nil {
                return replaceMirrorPod(pod, rp)
            }
            if pod.metadata.deletionTimestamp != nil, !rp.terminating {
                startTermination(&rp, pod: pod)
                pods[uid] = rp
            }
            return
        }
        // A pod the cluster started with (a distribution's kube-system pods) already runs here.
        if let start = cluster.startingPods[key(pod)] { return adoptRunning(pod, uid: uid, start) }
        let finished = pod.status.phase == .succeeded || pod.status.phase == .failed
        if pod.metadata.deletionTimestamp != nil || finished {
            if pod.metadata.deletionTimestamp != nil { link.confirmDeletion(key(pod), uid: uid) }
            return
        }
        admit(pod, uid: uid)
    }

    func key(_ pod: Pod) -> ObjectKey {
        ObjectKey(kind: .pod, namespace: pod.metadata.namespace, name: pod.metadata.name)
    }

    private func admit(_ pod: Pod, uid: UID) {
        let wanted = HostPortClaim.of(pod.spec)
        if !wanted.isEmpty, !HostPortClaim.fits(wanted, among: pods.values.flatMap { $0.hostPorts ?? [] }) {
            let step = KubeletStep.Kind.rejected(
                namespace: pod.metadata.namespace, name: pod.metadata.name, predicate: "NodePorts",
                reason: HostPortClaim.reason)
            cluster.schedule(
                .kubelet(node: nodeName, step: KubeletStep(pod: uid, token: 0, kind: step)),
                after: timing.kubeletAdmission)
            return
        }
        var status = pod.status
        status.phase = .pending
        status.hostIP = cluster.store.get(Node.self, namespace: "", name: nodeName)?.status.internalIP
        status.startTime = cluster.now
        let now = cluster.now
        status.setCondition(.podReadyToStartContainers, .false, at: now)
        let inits = pod.spec.initContainers
        if inits.isEmpty {
            status.setCondition(.initialized, .true, at: now)
        } else {
            status.setCondition(
                .initialized, .false, at: now, reason: "ContainersNotInitialized",
                message: Self.incompleteMessage(inits.map(\.name)))
        }
        let unready = unreadyMessage(pod.spec.containers.map(\.name))
        status.setCondition(.ready, .false, at: now, reason: "ContainersNotReady", message: unready)
        status.setCondition(.containersReady, .false, at: now, reason: "ContainersNotReady", message: unready)
        status.setCondition(.podScheduled, .true, at: pod.status.condition(.podScheduled)?.lastTransitionTime ?? now)
        let containers = (inits + pod.spec.containers).map { c in
            RuntimeContainer(
                name: c.name, image: c.image, pullPolicy: c.imagePullPolicy ?? .ifNotPresent,
                readinessProbe: c.readinessProbe.map(ProbeCheck.init),
                livenessProbe: c.livenessProbe.map(ProbeCheck.init),
                startupProbe: c.startupProbe.map(ProbeCheck.init))
        }
        var rp = RuntimePod(
            key: key(pod), uid: uid, containers: containers, claims: pod.spec.claimNames,
            restartPolicy: pod.spec.restartPolicy ?? .always,
            gracePeriod: pod.spec.terminationGracePeriodSeconds ?? Int(timing.terminationGracePeriod.seconds),
            status: status)
        if !wanted.isEmpty { rp.hostPorts = wanted }
        if !inits.isEmpty {
            rp.initCount = inits.count
            // kubelet_pods.go: every container of a pod with init containers waits as PodInitializing.
            for i in rp.containers.indices {
                rp.containers[i].state = .waiting(reason: "PodInitializing", message: nil)
            }
        }
        rp.status.containerStatuses = containerStatuses(rp)
        rp.status.initContainerStatuses = initContainerStatuses(rp)
        pods[uid] = rp
        report(rp)
        after(timing.podSandboxSetup, rp, .sandboxReady)
    }

    // MARK: Steps

    func run(_ step: KubeletStep) {
        if case .imagePulled(let image) = step.kind { return imagePulled(image) }
        if case .rejected(let ns, let name, let predicate, let reason) = step.kind {
            return reject(ObjectKey(kind: .pod, namespace: ns, name: name), uid: step.pod, predicate, reason)
        }
        guard var rp = pods[step.pod], rp.token == step.token || isProbe(step.kind) else { return }
        switch step.kind {
        case .sandboxReady:
            // A mount retry and the wake-up of a created ConfigMap may both be queued.
            if !rp.sandboxReady { setUpSandbox(rp) }
            return
        case .configRetry(let i):
            return retryContainerConfig(rp, i)
        case .containerStarted(let i):
            guard rp.nextToStart == i, i < rp.containers.count, !rp.containers[i].isRunning else { return }
            guard containerConfigReady(&rp, i) else {
                pods[rp.uid] = rp
                return report(rp)
            }
            start(&rp, i, restart: false)
            rp.nextToStart = i + 1
            pods[rp.uid] = rp
            reportStart(rp.uid, i)
            startNextContainer(rp.uid)
            return
        case .probe(let i, let type):
            probe(&rp, i, type, chain: step.token)
        case .containerKilled(let i, let exitCode):
            containerExited(rp.uid, index: i, exitCode: exitCode, killedInSync: true)
            return
        case .backOff(let i, let restarts):
            backOff(rp.uid, i, restarts: restarts)
            return
        case .restartContainer(let i):
            refreshEnvironment(&rp, i)
            start(&rp, i, restart: true)
            pods[rp.uid] = rp
            reportStart(rp.uid, i)
            return
        case .mainProcess(let i, let restarts):
            guard i < rp.containers.count, rp.containers[i].restartCount == restarts else { return }
            continueMainProcess(rp.uid, i)
            return
        case .retryPull(let i):
            // Queued twice after `fix image` (once as a retry, once as progress): the first one runs.
            guard i < rp.containers.count, rp.containers[i].nextPullRetry != nil else { return }
            pods[rp.uid]?.containers[i].nextPullRetry = nil
            startNextContainer(rp.uid)
            return
        case .containersStopped:
            finishTermination(rp)
            return
        case .imagePulled, .rejected:
            return
        }
        pods[rp.uid] = rp
        report(rp)
    }

    /// Attach and mount, then the pod gets its IP: every claim must be bound to a volume first.
    func setUpSandbox(_ rp: RuntimePod) {
        var rp = rp
        if let unbound = rp.claims.first(where: { claim in
            cluster.store.get(PersistentVolumeClaim.self, namespace: rp.key.namespace, name: claim)?.status.phase
                != .bound
        }) {
            cluster.waitForVolume(
                ObjectKey(kind: .persistentVolumeClaim, namespace: rp.key.namespace, name: unbound), node: nodeName,
                pod: rp.uid)
            return
        }
        guard cluster.attachDetach.attach(pod: rp.key, uid: rp.uid, claims: rp.claims, node: nodeName) else {
            return
        }
        guard mountConfigVolumes(rp) else { return }
        rp.sandboxReady = true
        // A host-network pod takes its node's address and none of the node's pod range.
        let hostNetwork = cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name)?.spec.hostNetwork
        rp.podIP = hostNetwork == true ? nil : cluster.ipam.allocate(on: nodeName)
        rp.status.podIP = hostNetwork == true ? rp.status.hostIP : rp.podIP
        rp.status.setCondition(.podReadyToStartContainers, .true, at: cluster.now)
        pods[rp.uid] = rp
        startNextContainer(rp.uid)
    }

    private func isProbe(_ k: KubeletStep.Kind) -> Bool { if case .probe = k { return true } else { return false } }

    func after(
        _ delay: VirtualDuration, _ rp: RuntimePod, _ kind: KubeletStep.Kind, urgency: Urgency = .progress
    ) {
        cluster.schedule(
            .kubelet(node: nodeName, step: KubeletStep(pod: rp.uid, token: rp.token, kind: kind)), after: delay,
            urgency: urgency)
    }

    /// A claim this node's pod waited for is bound: set the sandbox up now.
    func volumeBound(pod uid: UID) {
        guard let rp = pods[uid], !rp.sandboxReady, !rp.terminating else { return }
        after(.zero, rp, .sandboxReady)
    }

}
