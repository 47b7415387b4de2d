/// Graceful termination (reference 12.4): SIGTERM, the grace period, then the terminal phase and
/// the final delete through the link.
extension Kubelet {
    func startTermination(_ rp: inout RuntimePod, pod: Pod) {
        rp.terminating = true
        rp.token += 1
        let grace = pod.metadata.deletionTimestamp.map { $0 - cluster.now } ?? .seconds(Int64(rp.gracePeriod))
        var stopAfter = VirtualDuration.zero
        for (i, c) in rp.containers.enumerated() where c.isRunning {
            event(rp, .normal, "Killing", "Stopping container \(c.name)", container: c.name)
            logNginx(rp, i, starting: false)
            stopAfter = max(stopAfter, stopAfterSIGTERM(image: c.image, grace: grace).after)
        }
        after(stopAfter, rp, .containersStopped)
    }

    func finishTermination(_ rp: RuntimePod) {
        var rp = rp
        let now = cluster.now
        var allZero = true
        for i in rp.containers.indices {
            let c = rp.containers[i]
            if c.isRunning {
                let killed = cluster.ignoresStopSignal(image: c.image)
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

    /// When a container sent SIGTERM with this grace period is gone, and its exit status: a
    /// program that ignores the signal is killed (SIGKILL, 137) when the grace period ends.
    func stopAfterSIGTERM(image: String, grace: VirtualDuration) -> (after: VirtualDuration, exitCode: Int) {
        let window = max(grace, timing.minimumGracePeriod)
        if cluster.ignoresStopSignal(image: image) { return (window, 137) }
        return (min(timing.containerStopAfterSIGTERM, window), 0)
    }

    /// A runtime pod is gone for good: its IP returns to the pool, the monitor stops counting it.
    func forget(_ rp: RuntimePod) {
        if let ip = rp.podIP { cluster.ipam.release(ip, on: nodeName) }
        cluster.invariants.runtimeGone(rp.key, uid: rp.uid)
        if rp.containers.contains(where: \.started) {
            cluster.history.recordCopy(rp.key, node: nodeName, running: false, at: cluster.now)
        }
    }
}
