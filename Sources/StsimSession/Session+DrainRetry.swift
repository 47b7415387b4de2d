import StsimEngine
import StsimLanguage

/// The part of `drain` that runs when a PodDisruptionBudget refused an eviction: kubectl's
/// goroutines, one per pod, replayed in virtual time.
extension Session {
    func retryEvictions(_ node: String, _ run: inout DrainRun) throws {
        // kubectl retries for ever without --timeout; stsim stops at the settle limit.
        let bound = cluster.now.clampedAdding(settleLimit)
        while !run.waiting.isEmpty || !run.retries.isEmpty {
            var stopAt = run.retries.map(\.at).min() ?? .end
            if !run.waiting.isEmpty, let deadline = run.deadline { stopAt = min(stopAt, deadline) }
            if run.deadline == nil { stopAt = min(stopAt, bound) }
            let waiting = run.waiting
            let result = cluster.run(
                until: { c in waiting.contains { Self.isGone($0, in: c) } },
                timeout: max(stopAt - cluster.now, .zero), shouldStop: interrupted)
            for pod in run.waiting where Self.isGone(pod, in: cluster) {
                printer.line("pod/\(pod.metadata.name) evicted")
            }
            run.waiting.removeAll { Self.isGone($0, in: cluster) }
            if result.reason == .interrupted { throw SessionError("drain interrupted") }
            if let deadline = run.deadline, let timeout = run.timeout, cluster.now >= deadline {
                for pod in run.waiting {
                    run.errors.append(
                        "error when waiting for pod \"\(pod.metadata.name)\" in namespace \"\(pod.metadata.namespace)\" to terminate: global timeout reached: \(timeout.goString)"
                    )
                }
                run.waiting = []
            }
            let due = run.retries.filter { $0.at <= cluster.now }
            run.retries.removeAll { $0.at <= cluster.now }
            for retry in due { attemptEviction(retry.pod, &run) }
            if run.deadline == nil, cluster.now >= bound, !run.retries.isEmpty || !run.waiting.isEmpty {
                let names = (run.retries.map(\.pod) + run.waiting).map(\.metadata.name).sorted()
                throw SessionError(
                    "drain did not complete within \(DurationText.format(settleLimit)): \(names.joined(separator: ", ")) still there",
                    hint:
                        "kubectl would go on retrying: a PodDisruptionBudget refuses the evictions; scale the set up, or pass --timeout"
                )
            }
        }
        if !run.errors.isEmpty { try drainFailed(node, errors: run.errors) }
    }

    /// kubectl's lines when a node's drain ends in errors (RunDrain and deleteOrEvictPodsSimple).
    private func drainFailed(_ node: String, errors: [String]) throws -> Never {
        let err = errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
        let pending = drainablePods(node).map(\.metadata.name)
        if !pending.isEmpty {
            printer.errorLine("There are pending pods in node \"\(node)\" when an error occurred: \(err)")
            for name in pending { printer.errorLine("pod/\(name)") }
        }
        printer.errorLine("error: unable to drain node \"\(node)\" due to error: \(err), continuing command...")
        printer.errorLine("There are pending nodes to be drained:")
        printer.errorLine(" \(node)")
        // What happened while kubectl retried (the cordon, the evictions that went through).
        autoSettle()
        throw SessionError(errors.joined(separator: "\n"))
    }
}
