/// The main process of a container whose image runs a command (busybox, dnsutils): stsim runs
/// `command` and `args` through its shell when the container starts, lets it sleep in virtual
/// time, keeps what it prints as the container's log, and ends the container with its exit
/// status, after which the restart policy and back-off apply as to any exited container.
extension Kubelet {
    /// From the runtime's start of the container to its process's first instructions.
    static let processStart = VirtualDuration(milliseconds: 10)

    /// A container just started. The kubelet sees it running at its next relist, so one that
    /// has already exited by then (a broken image, a process that ends at once) is only ever
    /// reported exited: `get pods -w` shows `Error`, never `Running`, for `exit 1`. A process
    /// is reported running once its first run reaches a sleep (or never ends).
    func reportStart(_ uid: UID, _ i: Int) {
        failIfBroken(uid, i)
        guard let rp = pods[uid], i < rp.containers.count, rp.containers[i].isRunning else { return }
        if !startMainProcess(uid, i) { report(rp) }
    }

    /// Whether the container runs a main process (its start is then reported by the process's first run).
    @discardableResult
    func startMainProcess(_ uid: UID, _ i: Int) -> Bool {
        guard let rp = pods[uid], i < rp.containers.count, rp.containers[i].isRunning,
            let pod = cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name),
            let process = MainProcessState.of(
                pod.asRun, container: i, profile: cluster.imageProfile(rp.containers[i].image))
        else { return false }
        pods[uid]?.containers[i].process = process
        cluster.apps.setNote(nil, pod: uid, container: rp.containers[i].name)
        // The process runs just after the runtime has started the container, as a real one does;
        // its first run decides whether the kubelet ever reports the container running.
        after(Self.processStart, rp, .mainProcess(index: i, restarts: rp.containers[i].restartCount))
        return true
    }

    /// Runs the process from where it stands to its next sleep or its end.
    func continueMainProcess(_ uid: UID, _ i: Int) {
        guard let rp = pods[uid], !rp.terminating, i < rp.containers.count, rp.containers[i].isRunning,
            let state = rp.containers[i].process, let runner = processRunner(rp, i, state)
        else { return }
        let segment = cluster.watchingFiles { runner.run() }
        let c = rp.containers[i]
        logProcessOutput(uid, c, segment.output)
        pods[uid]?.containers[i].process = runner.state
        // The first run (no sleep yet) of a process that goes on: its container is seen running.
        if state.wakesAt == nil, let now = pods[uid] {
            if case .exited = segment.next {} else { report(now) }
        }
        switch segment.next {
        case .sleeps(let d):
            pods[uid]?.containers[i].process?.wakesAt = cluster.now + d
            guard let rp = pods[uid] else { return }
            // A process that sleeps is steady work, as a running server is: settle does not wait on
            // it; but the pod's initialization waits on an init container's, so that is progress.
            after(d, rp, .mainProcess(index: i, restarts: c.restartCount), urgency: rp.isInit(i) ? .progress : .steady)
        case .exited(let code):
            pods[uid]?.containers[i].process = nil
            containerExited(uid, index: i, exitCode: code)
        case .waitsForever:
            pods[uid]?.containers[i].process = nil
        case .stopped(let why):
            pods[uid]?.containers[i].process = nil
            cluster.apps.setNote(why, pod: uid, container: c.name)
        }
    }

    /// A runner for container `i`'s process as it stands, or nil when the pod has left the store.
    func processRunner(_ rp: RuntimePod, _ i: Int, _ state: MainProcessState) -> MainProcessRunner? {
        guard var pod = cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name) else { return nil }
        // The process sees the node's truth even before the API hears of it: its own address,
        // and its run (the restart count names the writable layer it writes to).
        pod.status.podIP = rp.podIP
        pod.status.containerStatuses = containerStatuses(rp)
        if rp.inits > 0 { pod.status.initContainerStatuses = initContainerStatuses(rp) }
        return MainProcessRunner(
            cluster: cluster, pod: pod.asRun, container: i, state: state, tools: cluster.processTools)
    }

    /// A process's output as lines of the container's log (a last line without its newline waits).
    func logProcessOutput(_ uid: UID, _ c: RuntimeContainer, _ output: [OutputChunk]) {
        let run = "\(c.name)#\(c.restartCount)"
        for chunk in output {
            let text = chunk.text
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines.dropLast(text.hasSuffix("\n") ? 1 : 0) {
                cluster.apps.log(uid, run: run, String(line), at: cluster.now)
            }
        }
    }
}
