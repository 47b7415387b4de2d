/// Containers starting, and exited containers restarting with back-off (reference 12.3).
extension Kubelet {
    func start(_ rp: inout RuntimePod, _ i: Int, restart: Bool) {
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
        rp.containers[i] = c
        logNginx(rp, i, starting: true)
        armProbes(&rp, i)
        // An init container is ready only once it has completed (it has no probes).
        if rp.isInit(i) { rp.containers[i].ready = false }
    }

    /// A broken image whose layers are already on the node starts, then exits at once.
    func failIfBroken(_ uid: UID, _ i: Int) {
        guard let rp = pods[uid], i < rp.containers.count, cluster.faults.brokenImages.contains(rp.containers[i].image)
        else { return }
        containerExited(uid, index: i, exitCode: 1)
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
        c.ready = rp.isInit(i) && exitCode == 0
        c.resetProbes()
        if let s = c.startedAt, now - s >= timing.restartBackoffReset { c.backoffLevel = 0 }
        rp.containers[i] = c
        pods[uid] = rp
        report(rp)
        if rp.isInit(i) {
            // A completed init container lets the next container start; a failed one is
            // restarted unless the pod's policy is Never (then the pod has failed).
            if exitCode == 0 { return startNextContainer(uid) }
            guard rp.restartPolicy != .never else { return }
        } else {
            let restarts = rp.restartPolicy == .always || (rp.restartPolicy == .onFailure && exitCode != 0)
            guard restarts else { return }
        }
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
}
