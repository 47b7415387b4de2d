import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    /// `rollout status`: kubectl's viewer on every change of the set (kubectl's
    /// pkg/cmd/rollout/rollout_status.go watches it and prints each message, repeats included),
    /// in virtual time. Only kubectl's lines are printed; the cluster's changes meanwhile are not.
    func rolloutStatus(_ set: StatefulSet, watch: Bool, timeout: VirtualDuration?) throws {
        if !watch {
            switch RolloutStatus.evaluate(set) {
            case .waiting(let m), .done(let m): printer.line(m)
            case .error(let m): throw SessionError(m)
            }
            return
        }
        let name = set.metadata.name
        let namespace = set.metadata.namespace
        var seen = -1
        var finished: Result<Void, SessionError>?
        let look = { (c: Cluster) -> Bool in
            guard let s = c.get(StatefulSet.self, name, namespace: namespace) else {
                finished = .failure(SessionError("object has been deleted"))
                return true
            }
            guard s.metadata.resourceVersion != seen else { return false }
            seen = s.metadata.resourceVersion
            switch RolloutStatus.evaluate(s) {
            case .waiting(let m): self.printer.line(m)
            case .done(let m):
                self.printer.line(m)
                finished = .success(())
            case .error(let m): finished = .failure(SessionError(m))
            }
            return finished != nil
        }
        // kubectl's default is no limit; stsim stops at the settle limit, or sooner when nothing
        // more will happen on its own, and says so rather than spin through virtual time.
        let result = withProgress("rollout status") {
            cluster.run(
                until: { look($0) || (timeout == nil && !$0.hasPendingWork) }, timeout: timeout ?? settleLimit,
                shouldStop: $0)
        }
        _ = discardChanges()
        if let finished { return try finished.get() }
        try rolloutStatusUnfinished(name, result: result, limited: timeout != nil)
    }

    private func rolloutStatusUnfinished(_ name: String, result: RunResult, limited: Bool) throws {
        if result.reason == .interrupted { throw SessionError("interrupted at \(cluster.now)") }
        if limited { throw SessionError("timed out waiting for the condition") }
        let waited = DurationText.format(result.stoppedAt - result.startedAt)
        let why =
            result.reason == .limit
            ? "the rollout is not done after \(waited) (the settle limit)"
            : "nothing more will happen on its own"
        throw SessionError(
            "stsim stopped waiting at \(cluster.now): \(why); kubectl would go on waiting until Ctrl-C",
            hint: "describe sts \(name) says why; rollout status --timeout D waits a set time")
    }
}
