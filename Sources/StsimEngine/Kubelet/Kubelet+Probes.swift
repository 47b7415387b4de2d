/// Readiness probes (reference 12.2). They run lazily: a probe is queued only while its outcome
/// can change something (a container waiting to become ready, or a readiness fault in force), so
/// a healthy cluster goes quiet.
extension Kubelet {
    func probe(_ rp: inout RuntimePod, _ i: Int, chain: Int) {
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
}
