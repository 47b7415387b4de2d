/// Startup, readiness and liveness probes (reference 12.2; upstream pkg/kubelet/prober/worker.go
/// and prober.go). They run lazily: a run is queued only while its outcome can change something
/// (a container waiting to start or become ready, a liveness count under way, a readiness fault
/// in force, or a change to the files a probe reads), so a healthy cluster goes quiet.
extension Kubelet {
    /// A container (re)started: the startup probe runs alone until it succeeds; without one, the
    /// readiness and liveness probes start after their initial delays.
    func armProbes(_ rp: inout RuntimePod, _ i: Int) {
        rp.containers[i].resetProbes()
        let c = rp.containers[i]
        rp.containers[i].awaitingStartup = c.startupProbe != nil
        rp.containers[i].ready = c.readinessProbe == nil && c.startupProbe == nil
        let first: [ProbeType] = c.startupProbe != nil ? [.startup] : [.readiness, .liveness]
        for type in first {
            guard let p = c[probe: type] else { continue }
            queueProbe(rp.uid, i, type, p, after: .seconds(Int64(p.initialDelaySeconds)), urgency: urgency(c, type))
        }
    }

    /// A liveness or startup probe that already had its container restarted is a loop in the
    /// making, like a crash loop: its runs are retries, so `settle` does not wait for them.
    private func urgency(_ c: RuntimeContainer, _ type: ProbeType) -> Urgency {
        type == .readiness || c.restartCount == 0 ? .progress : .retry
    }

    func probe(_ rp: inout RuntimePod, _ i: Int, _ type: ProbeType, chain: Int) {
        guard i < rp.containers.count, rp.containers[i].isRunning, let p = rp.containers[i][probe: type],
            p.chain == chain, type == .startup || !rp.containers[i].awaitingStartup
        else { return }
        if let failure = probeFailure(rp, i, type, p) {
            probeFailed(&rp, i, type, failure)
        } else {
            probeSucceeded(&rp, i, type)
        }
    }

    private func probeSucceeded(_ rp: inout RuntimePod, _ i: Int, _ type: ProbeType) {
        var p = rp.containers[i][probe: type]!
        p.failures = 0
        p.successes += 1
        rp.containers[i][probe: type] = p
        guard p.successes >= p.successThreshold else {
            return queueProbe(rp.uid, i, type, p, after: p.period, urgency: urgency(rp.containers[i], type))
        }
        switch type {
        case .readiness: rp.containers[i].ready = true
        case .liveness: break
        case .startup: startupSucceeded(&rp, i)
        }
        // Nothing can change now until a fault or a file change wakes the prober.
    }

    /// prober_manager.go's UpdatePodStatus runs the readiness probe at once when the container
    /// has started; the liveness worker goes on at its own period.
    private func startupSucceeded(_ rp: inout RuntimePod, _ i: Int) {
        let c = rp.containers[i]
        rp.containers[i].awaitingStartup = false
        rp.containers[i].ready = c.readinessProbe == nil
        guard let started = c.startedAt else { return }
        if let p = c.readinessProbe {
            let due = started + .seconds(Int64(p.initialDelaySeconds))
            queueProbe(rp.uid, i, .readiness, p, at: cluster.now < due ? due : cluster.now)
        }
        if let p = c.livenessProbe {
            queueProbe(rp.uid, i, .liveness, p, at: nextRun(p, startedAt: started), urgency: urgency(c, .liveness))
        }
    }

    private func probeFailed(_ rp: inout RuntimePod, _ i: Int, _ type: ProbeType, _ failure: String) {
        var p = rp.containers[i][probe: type]!
        p.successes = 0
        p.failures += 1
        rp.containers[i][probe: type] = p
        let name = rp.containers[i].name
        // prober.go: "%s probe %s: %s" with the handler's output (an exec probe's stdout and
        // stderr together, so an empty one leaves the trailing space).
        event(rp, .warning, "Unhealthy", "\(type.title) probe \(failure)", container: name)
        guard type == .readiness else {
            if p.failures >= p.failureThreshold { return kill(&rp, i, failed: type) }
            return queueProbe(rp.uid, i, type, p, after: p.period, urgency: urgency(rp.containers[i], type))
        }
        if rp.containers[i].ready, p.failures >= p.failureThreshold { rp.containers[i].ready = false }
        // Further failures only count events, unless the container is still ready.
        queueProbe(rp.uid, i, type, p, after: p.period, urgency: rp.containers[i].ready ? .progress : .retry)
    }

    /// A liveness or startup probe reached its failure threshold: kuberuntime_manager.go's
    /// computePodActions kills the container (with the pod's grace period) and the restart
    /// policy decides what follows, with the usual back-off.
    private func kill(_ rp: inout RuntimePod, _ i: Int, failed type: ProbeType) {
        let c = rp.containers[i]
        let restarts = rp.restartPolicy != .never
        let message = "Container \(c.name) failed \(type.title.lowercased()) probe"
        event(rp, .normal, "Killing", restarts ? message + ", will be restarted" : message, container: c.name)
        rp.containers[i].resetProbes()
        logNginx(rp, i, starting: false)
        let stop = stopOnSIGTERM(&rp, i, grace: .seconds(Int64(rp.gracePeriod)))
        after(stop.after, rp, .containerKilled(index: i, exitCode: stop.exitCode), urgency: urgency(c, type))
    }

    /// Nil when the probe succeeds, else `failed: OUTPUT` or `errored: WHY` as prober.go words it.
    private func probeFailure(_ rp: RuntimePod, _ i: Int, _ type: ProbeType, _ p: ProbeCheck) -> String? {
        if type == .readiness, cluster.faults.failingReadiness.contains(rp.key) {
            return "failed: " + Self.probeOutput(p.handler).replacing("$IP", with: rp.podIP ?? "")
        }
        guard let pod = cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name)?.asRun,
            pod.metadata.uid == rp.uid
        else { return nil }
        switch p.handler {
        case .exec(let command):
            return execProbeFailure(pod, i, command, timeout: .seconds(Int64(p.timeoutSeconds)))
        case .httpGet(let path, let port, let scheme):
            return httpProbeFailure(rp, pod, i, path: path, port: port, scheme: scheme)
        case .tcpSocket(let port):
            return tcpProbeFailure(rp, pod, i, port: port)
        case .grpc:
            return nil  // stsim's programs have no gRPC health service; the probe counts as passing.
        }
    }

    /// What a readiness fault (`fault readiness`) reports for a probe of this kind (`$IP` stands
    /// for the pod IP).
    static func probeOutput(_ handler: Probe.Handler) -> String {
        switch handler {
        case .httpGet: "HTTP probe failed with statuscode: 503"
        case .tcpSocket(let port): "dial tcp $IP:\(port): connect: connection refused"
        case .exec: "command failed with exit code 1"
        case .grpc: "timeout: failed to connect service within 1s"
        }
    }

    /// A readiness fault appeared or cleared: restart the readiness chain at the next period
    /// boundary.
    func readinessFaultChanged(_ uid: UID) { rearmProbes(uid) { type, _ in type == .readiness } }

    /// Files changed in some container: probes that read files look again at their next period.
    func containerFilesChanged() {
        for rp in pods.values.sorted(by: { $0.uid < $1.uid }) where rp.containers.contains(where: \.readsFiles) {
            rearmProbes(rp.uid) { _, p in p.readsContainer }
        }
    }

    private func rearmProbes(_ uid: UID, where matches: (ProbeType, ProbeCheck) -> Bool) {
        guard var rp = pods[uid], !rp.terminating else { return }
        for i in rp.containers.indices where rp.containers[i].isRunning {
            guard let started = rp.containers[i].startedAt else { continue }
            for type in ProbeType.allCases {
                guard var p = rp.containers[i][probe: type], matches(type, p),
                    (type == .startup) == rp.containers[i].awaitingStartup
                else { continue }
                p.chain += 1
                rp.containers[i][probe: type] = p
                queueProbe(uid, i, type, p, at: nextRun(p, startedAt: started))
            }
        }
        pods[uid] = rp
    }

    /// The first period boundary after now, counted from the end of the initial delay.
    private func nextRun(_ p: ProbeCheck, startedAt: VirtualTime) -> VirtualTime {
        let period = Int64(p.periodSeconds) * 1000
        let first = startedAt.milliseconds + Int64(p.initialDelaySeconds) * 1000
        let now = cluster.now.milliseconds
        return VirtualTime(milliseconds: now < first ? first : first + ((now - first) / period + 1) * period)
    }

    private func queueProbe(
        _ uid: UID, _ i: Int, _ type: ProbeType, _ p: ProbeCheck, after delay: VirtualDuration? = nil,
        at time: VirtualTime? = nil, urgency: Urgency = .progress
    ) {
        let step = KubeletStep(pod: uid, token: p.chain, kind: .probe(index: i, type: type))
        cluster.queue.schedule(
            .kubelet(node: nodeName, step: step), at: time ?? cluster.now + (delay ?? .zero), urgency: urgency)
    }
}
