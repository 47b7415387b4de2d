/// The kubelet of one node (reference 12): admits pods bound to the node, sets up the sandbox,
/// pulls images once per node, starts containers one after another, runs readiness probes,
/// restarts exited containers with back-off, and terminates pods gracefully before confirming
/// their deletion. It keeps its own truth (`RuntimePod`) and talks to the API only through its
/// `NodeLink`.
///
/// Probes run lazily: a probe is queued only while its outcome can change something (a container
/// waiting to become ready, or a readiness fault in force), so a healthy cluster goes quiet.
final class Kubelet {
    unowned let cluster: Cluster
    let nodeName: String
    let link: NodeLink
    var pods = RuntimePodTable()
    private var images: Set<String> = []
    /// Pulls in progress: image → pods waiting for it (with the container index).
    var pulls: [String: [(UID, Int)]] = [:]
    var pullStarted: [String: VirtualTime] = [:]
    /// Powered off (`crash`): no containers, no link, until `boot`.
    var isDown = false
    /// The Node object as it was when the API deleted it (to register it again).
    var lastRegistered: Node?

    init(cluster: Cluster, nodeName: String) {
        self.cluster = cluster
        self.nodeName = nodeName
        link = NodeLink(cluster: cluster)
        link.kubelet = self
    }

    private var timing: TimingProfile { cluster.timing }

    func copyState(from o: Kubelet) {
        pods = o.pods.copy()
        images = o.images
        pulls = o.pulls
        pullStarted = o.pullStarted
        imageIDs = o.imageIDs
        link.isConnected = o.link.isConnected
        link.leasePhase = o.link.leasePhase
        link.cutAt = o.link.cutAt
        isDown = o.isDown
        lastRegistered = o.lastRegistered
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
            if pod.metadata.deletionTimestamp != nil, !rp.terminating {
                startTermination(&rp, pod: pod)
                pods[uid] = rp
            }
            return
        }
        let finished = pod.status.phase == .succeeded || pod.status.phase == .failed
        if pod.metadata.deletionTimestamp != nil || finished {
            if pod.metadata.deletionTimestamp != nil { link.confirmDeletion(key(pod), uid: uid) }
            return
        }
        admit(pod, uid: uid)
    }

    private func key(_ pod: Pod) -> ObjectKey {
        ObjectKey(kind: .pod, namespace: pod.metadata.namespace, name: pod.metadata.name)
    }

    private func admit(_ pod: Pod, uid: UID) {
        var status = pod.status
        status.phase = .pending
        status.hostIP = cluster.store.get(Node.self, namespace: "", name: nodeName)?.status.internalIP
        status.startTime = cluster.now
        let now = cluster.now
        status.setCondition(.podReadyToStartContainers, .false, at: now)
        status.setCondition(.initialized, .true, at: now)
        let unready = unreadyMessage(pod.spec.containers.map(\.name))
        status.setCondition(.ready, .false, at: now, reason: "ContainersNotReady", message: unready)
        status.setCondition(.containersReady, .false, at: now, reason: "ContainersNotReady", message: unready)
        status.setCondition(.podScheduled, .true, at: pod.status.condition(.podScheduled)?.lastTransitionTime ?? now)
        let containers = pod.spec.containers.map { c in
            RuntimeContainer(
                name: c.name, image: c.image, pullPolicy: c.imagePullPolicy ?? .ifNotPresent,
                readinessProbe: c.readinessProbe.map { ReadinessCheck($0, failureOutput: Self.probeOutput($0)) })
        }
        var rp = RuntimePod(
            key: key(pod), uid: uid, containers: containers, claims: pod.spec.claimNames,
            restartPolicy: pod.spec.restartPolicy ?? .always,
            gracePeriod: pod.spec.terminationGracePeriodSeconds ?? Int(timing.terminationGracePeriod.seconds),
            status: status)
        rp.status.containerStatuses = containerStatuses(rp)
        pods[uid] = rp
        report(rp)
        after(timing.podSandboxSetup, rp, .sandboxReady)
    }

    // MARK: Steps

    func run(_ step: KubeletStep) {
        if case .imagePulled(let image) = step.kind { return imagePulled(image) }
        guard var rp = pods[step.pod], rp.token == step.token || isProbe(step.kind) else { return }
        switch step.kind {
        case .sandboxReady:
            // Attach and mount: every claim must be bound to a volume first.
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
            rp.sandboxReady = true
            rp.podIP = cluster.ipam.allocate(on: nodeName)
            rp.status.podIP = rp.podIP
            rp.status.setCondition(.podReadyToStartContainers, .true, at: cluster.now)
            pods[rp.uid] = rp
            startNextContainer(rp.uid)
            return
        case .containerStarted(let i):
            start(&rp, i, restart: false)
            rp.nextToStart = i + 1
            pods[rp.uid] = rp
            report(rp)
            failIfBroken(rp.uid, i)
            startNextContainer(rp.uid)
            return
        case .probe(let i):
            probe(&rp, i, chain: step.token)
        case .restartContainer(let i):
            start(&rp, i, restart: true)
            pods[rp.uid] = rp
            report(rp)
            failIfBroken(rp.uid, i)
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
        case .imagePulled:
            return
        }
        pods[rp.uid] = rp
        report(rp)
    }

    private func isProbe(_ k: KubeletStep.Kind) -> Bool { if case .probe = k { return true } else { return false } }

    private func after(
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

    // MARK: Images and container start

    private func startNextContainer(_ uid: UID) {
        guard let rp = pods[uid], !rp.terminating, !rp.allStarted else { return }
        let i = rp.nextToStart
        let c = rp.containers[i]
        if images.contains(c.image), c.pullPolicy != .always {
            event(rp, .normal, "Pulled", "Container image \"\(c.image)\" already present on machine", container: c.name)
            after(timing.containerStart, rp, .containerStarted(index: i))
            return
        }
        event(rp, .normal, "Pulling", "Pulling image \"\(c.image)\"", container: c.name)
        if pulls[c.image] != nil {
            pulls[c.image]!.append((uid, i))
            return
        }
        pulls[c.image] = [(uid, i)]
        pullStarted[c.image] = cluster.now
        let duration =
            images.contains(c.image)
            ? VirtualDuration.milliseconds(timing.imagePull.milliseconds / 5) : timing.imagePull
        cluster.schedule(
            .kubelet(
                node: nodeName,
                step: KubeletStep(pod: UID(high: 0, low: 0), token: 0, kind: .imagePulled(image: c.image))),
            after: duration)
    }

    private func imagePulled(_ image: String) {
        let broken = cluster.faults.brokenImages.contains(image)
        if !broken { images.insert(image) }
        let waiters = pulls.removeValue(forKey: image) ?? []
        let took = cluster.now - (pullStarted.removeValue(forKey: image) ?? cluster.now)
        for (uid, i) in waiters {
            guard let rp = pods[uid], !rp.terminating else { continue }
            if broken {
                pullFailed(uid, index: i)
                continue
            }
            pods[uid]?.containers[i].pullBackoffLevel = 0
            event(
                rp, .normal, "Pulled",
                "Successfully pulled image \"\(image)\" in \(took.goString) (\(took.goString) including waiting). Image size: \(Self.imageSize(image)) bytes.",
                container: rp.containers[i].name)
            after(timing.containerStart, rp, .containerStarted(index: i))
        }
    }

    /// `break image`: the pull fails (ErrImagePull), then the kubelet backs off (ImagePullBackOff)
    /// and tries again after 10 s, 20 s, ... up to 5 min (12.3). The pod stays Pending.
    private func pullFailed(_ uid: UID, index i: Int) {
        guard var rp = pods[uid] else { return }
        let image = rp.containers[i].image
        let reference = Self.fullReference(image)
        event(
            rp, .warning, "Failed",
            "Failed to pull image \"\(image)\": rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference)\": failed to resolve reference \"\(reference)\": \(reference): not found",
            container: rp.containers[i].name)
        event(rp, .warning, "Failed", "Error: ErrImagePull", container: rp.containers[i].name)
        rp.containers[i].state = .waiting(
            reason: "ErrImagePull", message: "failed to pull and unpack image \"\(reference)\"")
        pods[uid] = rp
        report(rp)
        let level = rp.containers[i].pullBackoffLevel
        rp.containers[i].pullBackoffLevel += 1
        let delay = min(timing.restartBackoffInitial * (1 << Int64(min(level, 20))), timing.restartBackoffMax)
        rp.containers[i].state = .waiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\"")
        rp.containers[i].nextPullRetry = cluster.now + delay
        pods[uid] = rp
        event(rp, .normal, "BackOff", "Back-off pulling image \"\(image)\"", container: rp.containers[i].name)
        event(rp, .warning, "Failed", "Error: ImagePullBackOff", container: rp.containers[i].name)
        report(rp)
        after(delay, rp, .retryPull(index: i), urgency: .retry)
    }

    /// `nginx:1.27` → `docker.io/library/nginx:1.27`, as containerd names it.
    static func fullReference(_ image: String) -> String {
        let parts = image.split(separator: "/")
        if parts.count == 1 { return "docker.io/library/\(image)" }
        if parts.count == 2, !parts[0].contains("."), !parts[0].contains(":") { return "docker.io/\(image)" }
        return image
    }

    /// A stable, plausible image size (tens of megabytes), derived from the name.
    static func imageSize(_ image: String) -> Int {
        20_000_000 + Int(StatefulSetIdentity.fnv32(Array(image.utf8)) % 60_000_000)
    }

    private func start(_ rp: inout RuntimePod, _ i: Int, restart: Bool) {
        guard !rp.terminating else { return }
        let now = cluster.now
        var c = rp.containers[i]
        if restart {
            c.restartCount += 1
            event(rp, .normal, "Pulled", "Container image \"\(c.image)\" already present on machine", container: c.name)
        }
        event(rp, .normal, "Created", "Created container: \(c.name)", container: c.name)
        event(rp, .normal, "Started", "Started container \(c.name)", container: c.name)
        c.state = .running(startedAt: now)
        if !c.started {
            cluster.invariants.containerStarted(rp.key, uid: rp.uid, node: nodeName)
            cluster.history.recordCopy(rp.key, node: nodeName, running: true, at: now)
        }
        c.started = true
        c.startedAt = now
        c.probeFailures = 0
        c.ready = c.readinessProbe == nil
        rp.containers[i] = c
        if let p = c.readinessProbe {
            rp.containers[i].probeChain += 1
            let delay = VirtualDuration.seconds(Int64(p.initialDelaySeconds))
            cluster.schedule(
                .kubelet(
                    node: nodeName,
                    step: KubeletStep(pod: rp.uid, token: rp.containers[i].probeChain, kind: .probe(index: i))),
                after: delay)
        }
    }

    /// A broken image whose layers are already on the node starts, then exits at once.
    private func failIfBroken(_ uid: UID, _ i: Int) {
        guard let rp = pods[uid], i < rp.containers.count, cluster.faults.brokenImages.contains(rp.containers[i].image)
        else { return }
        containerExited(uid, index: i, exitCode: 1)
    }

    // MARK: Readiness probes

    private func probe(_ rp: inout RuntimePod, _ i: Int, chain: Int) {
        guard i < rp.containers.count, rp.containers[i].probeChain == chain, rp.containers[i].isRunning,
            let p = rp.containers[i].readinessProbe
        else { return }
        let failing = cluster.faults.failingReadiness.contains(rp.key)
        let threshold = Int(p.failureThreshold)
        let period = VirtualDuration.seconds(Int64(p.periodSeconds))
        if !failing {
            rp.containers[i].probeFailures = 0
            rp.containers[i].ready = true
            return  // nothing can change until a fault appears: probing pauses
        }
        rp.containers[i].probeFailures += 1
        event(
            rp, .warning, "Unhealthy",
            "Readiness probe failed: \(p.failureOutput.replacing("$IP", with: rp.podIP ?? ""))",
            container: rp.containers[i].name)
        if rp.containers[i].ready, rp.containers[i].probeFailures >= threshold { rp.containers[i].ready = false }
        // Further failures only count events, unless the container is still ready.
        let urgency: Urgency = rp.containers[i].ready ? .progress : .retry
        cluster.schedule(
            .kubelet(node: nodeName, step: KubeletStep(pod: rp.uid, token: chain, kind: .probe(index: i))),
            after: period, urgency: urgency)
    }

    /// What a failing probe of this kind reports (`$IP` stands for the pod IP).
    static func probeOutput(_ p: Probe) -> String {
        switch p.handler {
        case .httpGet: "HTTP probe failed with statuscode: 503"
        case .tcpSocket(let port): "dial tcp $IP:\(port): connect: connection refused"
        case .exec: "command failed with exit code 1"
        case .grpc: "timeout: failed to connect service within 1s"
        }
    }

    /// A readiness fault appeared or cleared: restart the probe chain at the next period boundary.
    func readinessFaultChanged(_ uid: UID) {
        guard var rp = pods[uid], !rp.terminating else { return }
        for i in rp.containers.indices where rp.containers[i].isRunning {
            guard let p = rp.containers[i].readinessProbe, let started = rp.containers[i].startedAt else { continue }
            let period = Int64(p.periodSeconds) * 1000
            let first = started.milliseconds + Int64(p.initialDelaySeconds) * 1000
            let now = cluster.now.milliseconds
            let next = now < first ? first : first + ((now - first) / period + 1) * period
            rp.containers[i].probeChain += 1
            cluster.queue.schedule(
                .kubelet(
                    node: nodeName,
                    step: KubeletStep(pod: uid, token: rp.containers[i].probeChain, kind: .probe(index: i))),
                at: VirtualTime(milliseconds: next))
        }
        pods[uid] = rp
    }

    // MARK: Exits and restarts (12.3)

    func containerExited(_ uid: UID, index i: Int, exitCode: Int) {
        guard var rp = pods[uid], !rp.terminating, i < rp.containers.count, rp.containers[i].isRunning else { return }
        let now = cluster.now
        var c = rp.containers[i]
        let terminated = ContainerState.terminated(
            exitCode: exitCode, reason: exitCode == 0 ? "Completed" : "Error", message: nil, startedAt: c.startedAt,
            finishedAt: now)
        c.state = terminated
        c.lastState = terminated
        c.ready = false
        c.probeChain += 1
        if let s = c.startedAt, now - s >= timing.restartBackoffReset { c.backoffLevel = 0 }
        rp.containers[i] = c
        pods[uid] = rp
        report(rp)
        let restarts = rp.restartPolicy == .always || (rp.restartPolicy == .onFailure && exitCode != 0)
        guard restarts else { return }
        let level = rp.containers[i].backoffLevel
        rp.containers[i].backoffLevel += 1
        if level == 0 {
            pods[uid] = rp
            after(.zero, rp, .restartContainer(index: i))
            return
        }
        let delay = min(timing.restartBackoffInitial * (1 << Int64(min(level - 1, 20))), timing.restartBackoffMax)
        let podRef = "\(rp.key.name)_\(rp.key.namespace)(\(uid))"
        rp.containers[i].state = .waiting(
            reason: "CrashLoopBackOff",
            message: "back-off \(delay.goString) restarting failed container=\(c.name) pod=\(podRef)")
        pods[uid] = rp
        event(
            rp, .warning, "BackOff", "Back-off restarting failed container \(c.name) in pod \(podRef)",
            container: c.name)
        report(rp)
        after(delay, rp, .restartContainer(index: i), urgency: .retry)
    }

    // MARK: Termination (12.4)

    func startTermination(_ rp: inout RuntimePod, pod: Pod) {
        rp.terminating = true
        rp.token += 1
        let grace = pod.metadata.deletionTimestamp.map { $0 - cluster.now } ?? .seconds(Int64(rp.gracePeriod))
        var stopAfter = VirtualDuration.zero
        for c in rp.containers where c.isRunning {
            event(rp, .normal, "Killing", "Stopping container \(c.name)", container: c.name)
            let window = max(grace, timing.minimumGracePeriod)
            let exit =
                cluster.faults.ignoresSIGTERM.contains(c.image) ? window : min(timing.containerStopAfterSIGTERM, window)
            stopAfter = max(stopAfter, exit)
        }
        after(stopAfter, rp, .containersStopped)
    }

    private func finishTermination(_ rp: RuntimePod) {
        var rp = rp
        let now = cluster.now
        var allZero = true
        for i in rp.containers.indices {
            let c = rp.containers[i]
            if c.isRunning {
                let killed = cluster.faults.ignoresSIGTERM.contains(c.image)
                if killed { allZero = false }
                rp.containers[i].state = .terminated(
                    exitCode: killed ? 137 : 0, reason: killed ? "Error" : "Completed", message: nil,
                    startedAt: c.startedAt, finishedAt: now)
            }
            rp.containers[i].ready = false
        }
        // 1.27+: the kubelet moves a deleted pod to a terminal phase before removing it.
        rp.status.phase = allZero ? .succeeded : .failed
        pods[rp.uid] = rp
        report(rp)
        pods[rp.uid] = nil
        forget(rp)
        link.confirmDeletion(rp.key, uid: rp.uid)
    }

    /// A runtime pod is gone for good: its IP returns to the pool, the monitor stops counting it.
    func forget(_ rp: RuntimePod) {
        if let ip = rp.podIP { cluster.ipam.release(ip, on: nodeName) }
        cluster.invariants.runtimeGone(rp.key, uid: rp.uid)
        if rp.containers.contains(where: \.started) {
            cluster.history.recordCopy(rp.key, node: nodeName, running: false, at: cluster.now)
        }
    }

    // MARK: Status

    func report(_ rp: RuntimePod) {
        var rp = rp
        let now = cluster.now
        var st = rp.status
        if st.phase != .succeeded, st.phase != .failed {
            if rp.allStarted, rp.sandboxReady {
                let anyRunning = rp.containers.contains { $0.isRunning || $0.restartCount > 0 || $0.started }
                if anyRunning { st.phase = .running }
                if rp.restartPolicy != .always,
                    rp.containers.allSatisfy({ if case .terminated = $0.state { return true } else { return false } })
                {
                    st.phase =
                        rp.containers.allSatisfy {
                            if case .terminated(let code, _, _, _, _) = $0.state {
                                return code == 0
                            } else {
                                return false
                            }
                        } ? .succeeded : .failed
                }
            } else {
                st.phase = .pending
            }
        }
        let unready = rp.containers.filter { !$0.ready }.map(\.name)
        if unready.isEmpty {
            st.setCondition(.ready, .true, at: now)
            st.setCondition(.containersReady, .true, at: now)
        } else {
            st.setCondition(.ready, .false, at: now, reason: "ContainersNotReady", message: unreadyMessage(unready))
            st.setCondition(
                .containersReady, .false, at: now, reason: "ContainersNotReady", message: unreadyMessage(unready))
        }
        // Assigned only when different, so an unchanged list stays shared with the API's copy.
        let statuses = containerStatuses(rp)
        if statuses != st.containerStatuses { st.containerStatuses = statuses }
        st = pods.shared(st)
        rp.status = st
        pods[rp.uid] = pods[rp.uid] != nil ? rp : nil
        link.reportStatus(rp.key, uid: rp.uid, st)
    }

    /// The last message built, reused while the names repeat: pods of one template share one
    /// string instead of each holding its own (they are over 15 bytes, so each would allocate).
    private var lastUnready: (names: [String], message: String)?

    private func unreadyMessage(_ names: [String]) -> String {
        if let last = lastUnready, last.names == names { return last.message }
        let message = "containers with unready status: [\(names.joined(separator: " "))]"
        lastUnready = (names, message)
        return message
    }

    private func containerStatuses(_ rp: RuntimePod) -> [ContainerStatus] {
        rp.containers.map { c in
            ContainerStatus(
                name: c.name, image: c.image, imageID: c.started ? imageID(c.image) : "",
                state: c.state, lastState: c.restartCount > 0 || c.lastState != nil ? c.lastState : nil,
                ready: c.ready, started: c.started, restartCount: c.restartCount)
        }
    }

    /// One string per image, shared by every container status that shows it.
    private var imageIDs: [String: String] = [:]

    private func imageID(_ image: String) -> String {
        if let id = imageIDs[image] { return id }
        let h = StatefulSetIdentity.fnv32(Array(image.utf8))
        let id = "\(image.split(separator: ":").first ?? "")@sha256:\(String(h, radix: 16))"
        imageIDs[image] = id
        return id
    }

    private func event(_ rp: RuntimePod, _ type: EventType, _ reason: String, _ message: String, container: String) {
        link.recordEvent(type, reason, message, about: rp.key, uid: rp.uid, fieldPath: "spec.containers{\(container)}")
    }
}
