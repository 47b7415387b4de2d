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
            let stop = stopOnSIGTERM(&rp, i, grace: grace)
            rp.containers[i].stopExitCode = stop.exitCode
            stopAfter = max(stopAfter, stop.after)
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
                let code = c.stopExitCode ?? (cluster.ignoresStopSignal(image: c.image) ? 137 : 0)
                if code != 0 { allZero = false }
                rp.containers[i].state = .terminated(
                    exitCode: code, reason: code == 0 ? "Completed" : "Error", message: nil,
                    startedAt: c.startedAt, finishedAt: now)
            }
            if !rp.isInit(i) { rp.containers[i].ready = false }
        }
        // 1.27+: the kubelet moves a deleted pod to a terminal phase before removing it.
        rp.status.phase = allZero ? .succeeded : .failed
        pods[rp.uid] = rp
        report(rp)
        pods[rp.uid] = nil
        forget(rp)
        link.confirmDeletion(rp.key, uid: rp.uid)
    }

    /// When container `i` sent SIGTERM with this grace period is gone, and its exit status. A
    /// main process with a `trap` on TERM runs its action (`MainProcessRunner.handle`); any other
    /// program stops as its image does (`stopAfterSIGTERM`).
    func stopOnSIGTERM(_ rp: inout RuntimePod, _ i: Int, grace: VirtualDuration) -> (
        after: VirtualDuration, exitCode: Int
    ) {
        let c = rp.containers[i]
        guard let process = c.process, process.traps?["TERM"] != nil else {
            return stopAfterSIGTERM(image: c.image, grace: grace)
        }
        let window = max(grace, timing.minimumGracePeriod)
        // ash and dash run a trap's action once the foreground command ends: a `sleep 1` loop
        // answers within the second, `sleep 3600` not before the SIGKILL.
        let wake = process.wakesAt.map { max(.zero, $0 - cluster.now) } ?? .zero
        guard wake < window, let runner = processRunner(rp, i, process) else { return (window, 137) }
        guard let handled = cluster.watchingFiles({ runner.handle(signal: "TERM") }) else { return (window, 137) }
        logProcessOutput(rp.uid, c, handled.output)
        rp.containers[i].process = runner.state
        // An action that does not exit leaves the process running until the SIGKILL.
        guard let code = handled.exit, wake + handled.slept < window else { return (window, 137) }
        return (wake + handled.slept, code)
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
