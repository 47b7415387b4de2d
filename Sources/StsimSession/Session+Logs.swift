import StsimEngine
import StsimLanguage

extension Session {
    /// `logs POD`: what the container's program printed, through the kubelet (so a cut-off node's
    /// logs time out, as a real API server's proxy to it does).
    func logs(_ l: LogsCommand) throws {
        let name = try logsPod(l.pod)
        guard let api = cluster.get(Pod.self, name.text) else { throw APIError.notFound(.pod, name.text) }
        let index = try containerIndex(api, l.container)
        let pod = api.asRun
        let c = pod.spec.containers[index]
        if !l.previous, let status = pod.status.containerStatuses.first(where: { $0.name == c.name }),
            case .waiting(let reason, _) = status.state, status.lastState == nil
        {
            throw APIError(
                reason: .badRequest,
                message:
                    "container \"\(c.name)\" in pod \"\(pod.metadata.name)\" is waiting to start: \(reason ?? "ContainerCreating")"
            )
        }
        if pod.status.containerStatuses.isEmpty {
            throw APIError(
                reason: .badRequest,
                message:
                    "container \"\(c.name)\" in pod \"\(pod.metadata.name)\" is waiting to start: ContainerCreating")
        }
        if let kubelet = unreachableKubelet(pod) {
            let url = "https://\(kubelet)/containerLogs/\(pod.metadata.namespace)/\(pod.metadata.name)/\(c.name)"
            printer.errorLine("Error from server: Get \"\(url)\": dial tcp \(kubelet): i/o timeout")
            throw AlreadyReported()
        }
        guard let lines = cluster.logs(of: pod, container: index, previous: l.previous) else {
            throw APIError(
                reason: .badRequest,
                message: "previous terminated container \"\(c.name)\" in pod \"\(pod.metadata.name)\" not found")
        }
        for line in lines.suffix(l.tail ?? lines.count) { printer.line(line) }
        if l.follow, !l.previous {
            var again = "logs -f \(name.text)" + (l.container.map { " -c \($0)" } ?? "")
            if let ns = explicitNamespace { again += " -n \(ns)" }
            follow(pod, container: index, from: lines.count, again: again + " --tail=0")
        }
    }

    /// `logs -f`: the run goes on in virtual time and each new line is printed as it is written,
    /// until this run of the container ends (kubectl then returns), the pod goes, or the time
    /// limit (settle-limit) passes. A container whose main process still runs (a shell loop that
    /// sleeps) is followed to its end however steady settle counts it; one that only serves
    /// (nginx) stops where the cluster settles, as `get -w` does, since only retries and probes
    /// would write more. The cluster's other changes are not printed: kubectl's stream carries
    /// only the log.
    private func follow(_ pod: Pod, container index: Int, from start: Int, again: String) {
        defer { _ = discardChanges() }
        let name = pod.metadata.name
        let uid = pod.metadata.uid
        let restarts = Self.restartCount(pod, index)
        var printed = start
        var settled = false
        let result = cluster.run(
            until: { c in
                guard let now = c.get(Pod.self, name)?.asRun, now.metadata.uid == uid else { return true }
                // After a restart the run followed is the previous one: its last lines, then stop.
                let restarted = Self.restartCount(now, index) != restarts
                let lines = c.logs(of: now, container: index, previous: restarted) ?? []
                for line in lines.dropFirst(printed) { self.printer.line(line) }
                printed = max(printed, lines.count)
                if restarted || !Self.isRunning(now, index) { return true }
                if c.mainProcessGoesOn(now, container: index) { return false }
                settled = !c.hasPendingWork
                return settled
            }, timeout: settleLimit, shouldStop: interrupted)
        switch result.reason {
        case .satisfied where settled:
            printer.errorLine(
                cluster.nextEventTime == nil
                    ? "stsim: stopped following at \(cluster.now): nothing more will happen without another command"
                    : "stsim: stopped following at \(cluster.now), where the cluster settles; only retries and probes are left (tick runs them)"
            )
        case .limit:
            printer.errorLine(
                "stsim: stopped following at \(cluster.now), the settle limit (\(DurationText.format(settleLimit))), "
                    + "while the container still runs; \(again) goes on from here, "
                    + "set settle-limit to follow longer")
        case .interrupted: printer.errorLine("interrupted at \(cluster.now)")
        default: break
        }
    }

    private static func restartCount(_ pod: Pod, _ index: Int) -> Int {
        let name = pod.spec.containers[index].name
        return pod.status.containerStatuses.first { $0.name == name }?.restartCount ?? 0
    }

    private static func isRunning(_ pod: Pod, _ index: Int) -> Bool {
        let name = pod.spec.containers[index].name
        guard let status = pod.status.containerStatuses.first(where: { $0.name == name }) else { return false }
        if case .running = status.state { return true }
        return false
    }
}
