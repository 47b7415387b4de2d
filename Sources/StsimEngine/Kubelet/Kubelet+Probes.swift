/// Readiness probes (reference 12.2; upstream pkg/kubelet/prober/prober.go). They run lazily: a
/// probe is queued only while its outcome can change something (a container waiting to become
/// ready, a readiness fault in force, or a change to the files an exec probe reads), so a healthy
/// cluster goes quiet.
extension Kubelet {
    func probe(_ rp: inout RuntimePod, _ i: Int, chain: Int) {
        guard i < rp.containers.count, rp.containers[i].probeChain == chain, rp.containers[i].isRunning,
            let p = rp.containers[i].readinessProbe
        else { return }
        let threshold = Int(p.failureThreshold)
        let period = VirtualDuration.seconds(Int64(p.periodSeconds))
        guard let failure = probeFailure(rp, i, p) else {
            rp.containers[i].probeFailures = 0
            rp.containers[i].ready = true
            return  // nothing can change until a fault or a file change wakes the prober
        }
        rp.containers[i].probeFailures += 1
        // prober.go: "%s probe %s: %s" with the handler's output (an exec probe's stdout and
        // stderr together, so an empty one leaves the trailing space).
        event(rp, .warning, "Unhealthy", "Readiness probe \(failure)", container: rp.containers[i].name)
        if rp.containers[i].ready, rp.containers[i].probeFailures >= threshold { rp.containers[i].ready = false }
        // Further failures only count events, unless the container is still ready.
        let urgency: Urgency = rp.containers[i].ready ? .progress : .retry
        cluster.schedule(
            .kubelet(node: nodeName, step: KubeletStep(pod: rp.uid, token: chain, kind: .probe(index: i))),
            after: period, urgency: urgency)
    }

    /// Nil when the probe succeeds, else `failed: OUTPUT` or `errored: WHY` as prober.go words it.
    private func probeFailure(_ rp: RuntimePod, _ i: Int, _ p: ReadinessCheck) -> String? {
        if cluster.faults.failingReadiness.contains(rp.key) {
            return "failed: " + p.failureOutput.replacing("$IP", with: rp.podIP ?? "")
        }
        guard case .exec(let command) = p.handler,
            let pod = cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name),
            pod.metadata.uid == rp.uid
        else { return nil }
        return execProbeFailure(pod, i, command, timeout: .seconds(Int64(p.timeoutSeconds)))
    }

    /// Runs an exec probe through the container runtime (pkg/probe/exec): exit status 0 passes;
    /// otherwise the output is the command's stdout and stderr together.
    private func execProbeFailure(_ pod: Pod, _ i: Int, _ command: [String], timeout: VirtualDuration) -> String? {
        let clock = ProbeClock(limit: timeout)
        let hooks = ShellHooks(sleep: { try clock.spend($0) })
        do {
            let r = try cluster.runInContainer(pod, container: i, argv: command, hooks: hooks)
            return r.exitCode == 0 ? nil : "failed: " + r.inOrder.map(\.text).joined()
        } catch let stopped as ShellStopped {
            return Self.execError(stopped.error, command)
        } catch {
            return Self.execError(error, command)
        }
    }

    private static func execError(_ error: any Error, _ command: [String]) -> String {
        switch error {
        // The CRI's timeout error, as the exec prober passes it on (Go's %q of the command).
        case is ProbeClock.TimedOut: "failed: command \"\(command.joined(separator: " "))\" timed out"
        case ShellFailure.notSimulated(let tool): "errored: stsim does not simulate \(tool) in a probe"
        case ShellFailure.unsupported(let why): "errored: stsim cannot run this probe: \(why)"
        case ShellFailure.runaway(let steps): "errored: stsim stopped the probe after \(steps) steps"
        default: "errored: \(error)"
        }
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
    func readinessFaultChanged(_ uid: UID) { rearmProbes(uid) { _ in true } }

    /// Files changed in some container: probes that read files look again at their next period.
    func containerFilesChanged() {
        for rp in pods.values.sorted(by: { $0.uid < $1.uid })
        where rp.containers.contains(where: { $0.readinessProbe?.readsContainer == true }) {
            rearmProbes(rp.uid) { $0.readsContainer }
        }
    }

    private func rearmProbes(_ uid: UID, where matches: (ReadinessCheck) -> Bool) {
        guard var rp = pods[uid], !rp.terminating else { return }
        for i in rp.containers.indices where rp.containers[i].isRunning {
            guard let p = rp.containers[i].readinessProbe, matches(p), let started = rp.containers[i].startedAt
            else { continue }
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
}

/// The virtual time an exec probe's command has taken (its `sleep`s), held against
/// `timeoutSeconds`.
final class ProbeClock {
    struct TimedOut: Error {}
    let limit: VirtualDuration
    private var spent = VirtualDuration.zero

    init(limit: VirtualDuration) { self.limit = limit }

    func spend(_ d: VirtualDuration) throws {
        spent = spent + d
        if !(spent < limit) { throw TimedOut() }
    }
}
