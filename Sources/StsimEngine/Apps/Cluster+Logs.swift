/// What the programs print: one log per container run, as the kubelet keeps them.
extension Cluster {
    /// A container run's name: the container and how often it restarted (`kubia#0`).
    static func containerRun(_ pod: Pod, container index: Int, previous: Bool = false) -> String? {
        guard index < pod.spec.containers.count else { return nil }
        let name = pod.spec.containers[index].name
        let restarts = pod.status.containerStatuses.first { $0.name == name }?.restartCount ?? 0
        if previous { return restarts > 0 ? "\(name)#\(restarts - 1)" : nil }
        return "\(name)#\(restarts)"
    }

    func log(_ pod: Pod, container index: Int, _ line: String) {
        guard let uid = pod.metadata.uid, let run = Self.containerRun(pod, container: index) else { return }
        apps.log(uid, run: run, line, at: now)
    }

    /// Output of a command run as a container's main process (`kubectl run ... -- dig ...`).
    public func appendLog(_ pod: Pod, container index: Int = 0, _ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.dropLast(text.hasSuffix("\n") ? 1 : 0) { log(pod, container: index, String(line)) }
    }

    /// What a container printed, oldest first; nil for `previous` when it never restarted.
    public func logs(of pod: Pod, container index: Int = 0, previous: Bool = false) -> [String]? {
        guard let uid = pod.metadata.uid, let run = Self.containerRun(pod, container: index, previous: previous) else {
            return nil
        }
        return apps.logs[uid]?[run]?.lines ?? []
    }

    /// What a container printed with when each line was written, oldest first; nil for
    /// `previous` when it never restarted, or when the times are not known (a log from before
    /// a `load`: a save keeps the lines only).
    public func timedLogs(of pod: Pod, container index: Int = 0, previous: Bool = false) -> [(
        time: VirtualTime, line: String
    )]? {
        guard let uid = pod.metadata.uid, let run = Self.containerRun(pod, container: index, previous: previous) else {
            return nil
        }
        guard let log = apps.logs[uid]?[run] else { return [] }
        return log.timedLines
    }

    /// Whether container `index`'s main process (a busybox `sh -c` loop, a `sleep`) is still to run
    /// again: it sleeps in virtual time and will write more, however steady settle counts it.
    /// `logs -f` follows such a process until it ends, as kubectl's stream does.
    public func mainProcessGoesOn(_ pod: Pod, container index: Int) -> Bool {
        guard let node = pod.spec.nodeName, let uid = pod.metadata.uid,
            let rp = kubelets[node]?.pods[uid], index < rp.containers.count
        else { return false }
        return rp.containers[index].process != nil
    }

    /// stsim's words on what it does not simulate in a container's command, if anything.
    public func simulationNote(_ pod: Pod, container name: String) -> String? {
        pod.metadata.uid.flatMap { apps.notes[$0]?[name] }
    }
}
