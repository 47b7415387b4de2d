/// Containers starting, and exited containers restarting with back-off (reference 12.3).
extension Kubelet {
    func start(_ rp: inout RuntimePod, _ i: Int, restart: Bool) {
        guard !rp.terminating else { return }
        let now = cluster.now
        var c = rp.containers[i]
        if restart {
            // The run that just ended becomes the last state (kubelet_pods.go takes it from the
            // newest dead container once another one has been created).
            if case .terminated = c.state { c.lastState = c.state }
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

    /// A container's process ended. The exit is reported at once (STATUS `Error` or `Completed`,
    /// RESTARTS not yet counted, Last State still the run before); what the kubelet does about
    /// it comes at its next sync (`TimingProfile.kubeletRelist`), as kuberuntime_manager.go's
    /// doBackOff decides: the first exit has no back-off yet, so that sync restarts it; a later
    /// one finds the container in back-off (the `BackOff` event) and the following sync shows
    /// `CrashLoopBackOff` until the back-off, measured from the exit, has passed.
    /// `killedInSync`: the kubelet itself stopped it (a failed liveness or startup probe), in the
    /// sync that also starts it again, so no exited state is ever reported between the two.
    func containerExited(_ uid: UID, index i: Int, exitCode: Int, killedInSync: Bool = false) {
        guard var rp = pods[uid], !rp.terminating, i < rp.containers.count, rp.containers[i].isRunning else { return }
        let now = cluster.now
        var c = rp.containers[i]
        c.state = .terminated(
            exitCode: exitCode, reason: exitCode == 0 ? "Completed" : "Error", message: nil, startedAt: c.startedAt,
            finishedAt: now)
        if killedInSync { c.lastState = c.state }
        c.ready = rp.isInit(i) && exitCode == 0
        c.resetProbes()
        if let s = c.startedAt, now - s >= timing.restartBackoffReset { c.backoffLevel = 0 }
        rp.containers[i] = c
        pods[uid] = rp
        // A completed init container lets the next container start; a failed one is restarted
        // unless the pod's policy is Never (then the pod has failed).
        let restarts =
            rp.isInit(i)
            ? exitCode != 0 && rp.restartPolicy != .never
            : rp.restartPolicy == .always || (rp.restartPolicy == .onFailure && exitCode != 0)
        // Stopped by the kubelet and started again in the same sync: no exited state shows between.
        if !(killedInSync && restarts && c.backoffLevel == 0) { report(rp) }
        if rp.isInit(i), exitCode == 0 { return startNextContainer(uid) }
        guard restarts else { return }
        let level = rp.containers[i].backoffLevel
        // `report` stored the exit's status (Ready False since now); this copy still holds the
        // one before, which would make the restart's Ready keep its old transition time.
        if let reported = pods[uid] { rp = reported }
        rp.containers[i].backoffLevel += 1
        pods[uid] = rp
        if level == 0 {
            after(killedInSync ? .zero : timing.kubeletRelist, rp, .restartContainer(index: i))
            return
        }
        let podRef = "\(rp.key.name)_\(rp.key.namespace)(\(uid))"
        event(
            rp, .warning, "BackOff", "Back-off restarting failed container \(c.name) in pod \(podRef)",
            container: c.name)
        if killedInSync {
            backOff(uid, i, restarts: c.restartCount)
        } else {
            after(timing.kubeletRelist, rp, .backOff(index: i, restarts: c.restartCount))
        }
        after(backoffDelay(level: level), rp, .restartContainer(index: i), urgency: .retry)
    }

    /// 10 s doubling to 300 s (flowcontrol.Backoff), for the exit `level` exits after the first.
    func backoffDelay(level: Int) -> VirtualDuration {
        min(timing.restartBackoffInitial * (1 << Int64(min(level - 1, 20))), timing.restartBackoffMax)
    }

    /// The sync after an exit found in back-off: the container waits as `CrashLoopBackOff`, its
    /// exit now the last state (in the run counted by `restarts`, if it has not restarted since).
    func backOff(_ uid: UID, _ i: Int, restarts: Int) {
        guard var rp = pods[uid], !rp.terminating, i < rp.containers.count else { return }
        var c = rp.containers[i]
        guard c.restartCount == restarts, case .terminated = c.state else { return }
        let podRef = "\(rp.key.name)_\(rp.key.namespace)(\(uid))"
        c.lastState = c.state
        c.state = .waiting(
            reason: "CrashLoopBackOff",
            message:
                "back-off \(backoffDelay(level: c.backoffLevel - 1).goString) restarting failed container=\(c.name) pod=\(podRef)"
        )
        rp.containers[i] = c
        pods[uid] = rp
        report(rp)
    }
}
