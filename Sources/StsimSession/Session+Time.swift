import StsimEngine
import StsimLanguage

extension Session {
    /// In auto mode every command that changes the cluster is followed by a settle.
    /// `since`: when the command began, if time already passed before the settle (`run` waits for
    /// its pod to start), so the summary's `(+D)` counts the whole command.
    /// While `serve --realtime` lets time follow the wall clock, a write does not settle (a real
    /// cluster does not jump ahead): its immediate changes print, and time moves with the clock.
    func autoSettle(since: VirtualTime? = nil) {
        guard autoMode else { return }
        if realtimeFactor != nil {
            printChanges(only: nil)
            return
        }
        settle(limit: settleLimit, quiet: false, announceQuiet: false, since: since)
    }

    func tick(_ duration: VirtualDuration) {
        let result = withProgress("tick") { cluster.advance(by: duration, shouldStop: $0) }
        printChanges(only: nil)
        if result.reason == .interrupted {
            printer.line("interrupted at \(cluster.now)")
        }
    }

    /// `serve --realtime`: the wall clock's share of virtual time, advanced as `tick` does (the
    /// clock itself lives in StsimAPI; the session only moves when called).
    public func advanceRealtime(by duration: VirtualDuration) {
        cluster.advance(by: duration, shouldStop: { false })
        printChanges(only: nil)
    }

    func settle(
        limit: VirtualDuration, quiet: Bool, only kinds: Set<ResourceKind>? = nil,
        announceQuiet: Bool = true, since: VirtualTime? = nil
    ) {
        var result = withProgress("settle") { cluster.settle(limit: limit, shouldStop: $0) }
        if let since { result.startedAt = since }
        let printed = quiet ? discardChanges() : printChanges(only: kinds)
        let blocked = blockedStatefulSets()
        if printed == 0 && result.reason == .idle && !announceQuiet && blocked.isEmpty { return }
        printer.line(settleSummary(result))
        // When progress stops short, say why in one line per StatefulSet.
        for line in blocked { printer.line("  \(line)") }
        if result.reason == .limit {
            printer.line(
                "  the settle stopped after \(DurationText.format(limit)) of virtual time with work still scheduled: run settle to go on, or raise the limit (set settle-limit 1h)"
            )
        }
    }

    /// Why progress stopped: StatefulSets' blockers, then claims no one will provision.
    func blockedStatefulSets() -> [String] {
        cluster.list(StatefulSet.self).flatMap { set in
            cluster.blockers(statefulSet: set.metadata.name).map { "sts/\(set.metadata.name): \($0)" }
        } + cluster.unprovisionableClaims().map { "pvc/\($0.name): \($0.reason)" }
    }

    func wait(_ kind: ResourceKind, name: Argument, condition: WaitCondition, timeout: VirtualDuration) throws {
        let check = try waitCheck(kind, name: name.text, condition: condition)
        if check(cluster) {
            printer.line("\(kind.singular)/\(name.text) is already \(condition.word)")
            return
        }
        let result = withProgress("wait") {
            cluster.run(until: check, timeout: timeout, fastForward: true, shouldStop: $0)
        }
        printChanges(only: nil)
        switch result.reason {
        case .satisfied:
            printer.line(
                "\(kind.singular)/\(name.text) is \(condition.word) at \(cluster.now) (after \(DurationText.format(result.stoppedAt - result.startedAt)))"
            )
        case .interrupted:
            throw SessionError(
                "interrupted at \(cluster.now) before \(kind.singular)/\(name.text) was \(condition.word)")
        default:
            throw SessionError(
                "timed out at \(cluster.now): \(kind.singular)/\(name.text) is not \(condition.word) after \(DurationText.format(result.stoppedAt - result.startedAt))",
                hint: result.reason == .limit
                    ? "wait longer with --timeout" : "nothing more is going to happen on its own")
        }
    }

    private func waitCheck(_ kind: ResourceKind, name: String, condition: WaitCondition) throws -> (Cluster) -> Bool {
        switch (kind, condition) {
        case (_, .deleted):
            return { $0.get(kind, name: name).isFailure }
        case (.pod, .ready):
            return { ($0.get(Pod.self, name)?.isReady) ?? false }
        case (.pod, .running):
            return { $0.get(Pod.self, name)?.status.phase == .running }
        case (.statefulSet, .ready):
            return { c in
                guard let s = c.get(StatefulSet.self, name) else { return false }
                return s.status.readyReplicas == (s.spec.replicas ?? 1) && s.status.replicas == (s.spec.replicas ?? 1)
            }
        case (.persistentVolumeClaim, .bound):
            return { $0.get(PersistentVolumeClaim.self, name)?.status.phase == .bound }
        default:
            throw SessionError(
                "wait \(kind.singular) NAME \(condition.word) is not something stsim can wait for",
                hint: "wait pod NAME Ready|Running|Deleted, wait sts NAME ready, wait pvc NAME Bound")
        }
    }
}

extension WaitCondition {
    var word: String {
        switch self {
        case .ready: "Ready"
        case .running: "Running"
        case .deleted: "Deleted"
        case .bound: "Bound"
        }
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

extension Session {
    /// `clock`: the virtual time, and how long the cluster has run.
    func printClock() {
        printer.line("\(cluster.now) (\(DurationText.format(cluster.now - .zero)) since the cluster started)")
    }
}
