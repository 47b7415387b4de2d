import StsimEngine
import StsimLanguage

extension Session {
    /// `logs -f`: the run goes on in virtual time and each new line is printed as it is written,
    /// until each followed run of a container ends (kubectl then returns), its pod goes, or the
    /// time limit (settle-limit) passes. A container whose main process still runs (a shell loop
    /// that sleeps) is followed to its end however steady settle counts it; one that only serves
    /// (nginx) stops where the cluster settles, as `get -w` does, since only retries and probes
    /// would write more. The cluster's other changes are not printed: kubectl's stream carries
    /// only the log.
    func follow(_ streams: [LogStream], from start: [Int], _ l: LogsCommand) {
        defer { _ = discardChanges() }
        let restarts = streams.map { Self.restartCount($0.pod, $0.index) }
        var printed = start
        var done = streams.map { _ in false }
        var settled = false
        let result = cluster.run(
            until: { c in
                var goesOn = false
                for (k, s) in streams.enumerated() where !done[k] {
                    guard let now = c.get(Pod.self, s.pod.metadata.name)?.asRun, now.metadata.uid == s.pod.metadata.uid
                    else {
                        done[k] = true
                        continue
                    }
                    // After a restart the run followed is the previous one: its last lines, then stop.
                    let restarted = Self.restartCount(now, s.index) != restarts[k]
                    let lines = c.logs(of: now, container: s.index, previous: restarted) ?? []
                    for line in lines.dropFirst(printed[k]) {
                        let stamp = l.timestamps ? Self.rfc3339Nano(c.now) + " " : ""
                        self.printer.line((l.prefix ? s.prefix : "") + stamp + line)
                    }
                    printed[k] = max(printed[k], lines.count)
                    if restarted || !Self.isRunning(now, s.index) {
                        done[k] = true
                    } else if c.mainProcessGoesOn(now, container: s.index) {
                        goesOn = true
                    }
                }
                if done.allSatisfy({ $0 }) { return true }
                if goesOn { return false }
                settled = !c.hasPendingWork
                return settled
            }, timeout: settleLimit, shouldStop: interrupted)
        reportFollowEnd(result, settled: settled, again: followAgain(l, streams))
    }

    private func reportFollowEnd(_ result: RunResult, settled: Bool, again: String) {
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
                    + "while the container still runs; \(again) goes on from here, set settle-limit to follow longer")
        case .interrupted: printer.errorLine("interrupted at \(cluster.now)")
        default: break
        }
    }

    /// The command that goes on where a follow stopped.
    private func followAgain(_ l: LogsCommand, _ streams: [LogStream]) -> String {
        var again =
            l.selector.map { "logs -f -l \($0.text)" } ?? "logs -f \(streams.first?.pod.metadata.name ?? l.pod.text)"
        if let c = l.container { again += " -c \(c)" }
        if l.allContainers { again += " --all-containers" }
        if l.prefix { again += " --prefix" }
        if l.timestamps { again += " --timestamps" }
        if let ns = explicitNamespace { again += " -n \(ns)" }
        return again + " --tail=0"
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
