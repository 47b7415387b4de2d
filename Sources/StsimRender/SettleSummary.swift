import StsimEngine

/// The line after a settle (or tick, or wait): where the clock stopped, why, and what the world
/// looks like, e.g. `settled at 00:00:12 (+12s): 3 pods Running and Ready, 3 claims Bound`; then
/// one line per reason a StatefulSet is stuck, so that a settle that stops short says why
/// (`  sts/web: web-2 waits: web-0 is not Ready (OrderedReady)`).
public enum SettleSummary {
    /// `blocked` pairs each StatefulSet's name with the engine's reasons (`Cluster.blockers`), in
    /// the order to print them. `nodes`, when given, adds the nodes that are not Ready
    /// (`1 node NotReady`): a partition lesson reads the pods' state against it.
    public static func render(
        _ result: RunResult, pods: some Sequence<Pod>, claims: some Sequence<PersistentVolumeClaim>, nodes: [Node] = [],
        blocked: [(statefulSet: String, reasons: [String])] = []
    ) -> String {
        render(result, state: state(pods: pods, claims: claims, nodes: nodes), blocked: blocked)
    }

    /// The same, with the state line already made (`state(podCounts:claimCounts:nodes:)`).
    public static func render(
        _ result: RunResult, state: String, blocked: [(statefulSet: String, reasons: [String])] = []
    ) -> String {
        var text = headline(result, state: state)
        for (name, reasons) in blocked {
            for reason in reasons { text += "\n  sts/\(name): \(reason)" }
        }
        return text
    }

    private static func headline(_ result: RunResult, state: String) -> String {
        let elapsed = HumanDuration.format(result.stoppedAt - result.startedAt)
        let when = "\(result.stoppedAt) (+\(elapsed))"
        let head: String
        switch result.reason {
        case .idle: head = "settled at \(when)"
        case .onlyRetries: head = "settled at \(when), only retries left"
        case .limit: head = "stopped at \(when), time limit reached"
        case .interrupted: head = "interrupted at \(when)"
        case .satisfied: head = "done at \(when)"
        }
        return "\(head): \(state)"
    }

    /// `3 pods Running and Ready, 1 pod ContainerCreating, 3 claims Bound`: pods grouped by the
    /// word `get pods` would show (Running split by the Ready condition, which is what
    /// StatefulSets wait for), healthy first, then the rest by name; claims by phase; then the
    /// nodes whose STATUS is not plain `Ready`.
    /// `pods` and `claims` are any sequences so that callers can pass the store's objects lazily:
    /// an array of 100,000 pods copied out for counting was the biggest peak of a large settle.
    public static func state(pods: some Sequence<Pod>, claims: some Sequence<PersistentVolumeClaim>, nodes: [Node] = [])
        -> String
    {
        var podGroups: [String: Int] = [:]
        for p in pods { podGroups[podWord(p), default: 0] += 1 }
        var claimGroups: [String: Int] = [:]
        for c in claims { claimGroups[claimWord(c), default: 0] += 1 }
        return state(podCounts: podGroups, claimCounts: claimGroups, nodes: nodes)
    }

    /// The group a pod counts in: the STATUS word of `get pods`, Running split by readiness.
    /// The distribution's own pods (`Namespace.system`) are in no group ("").
    public static func podWord(_ p: Pod) -> String {
        guard !Namespace.system.contains(p.metadata.namespace) else { return "" }
        let status = PodPrinter(p).status
        return status == "Running" ? (p.isReady ? "Running and Ready" : "Running, not Ready") : status
    }

    /// The group a claim counts in: its phase, or Terminating.
    public static func claimWord(_ c: PersistentVolumeClaim) -> String {
        c.metadata.deletionTimestamp != nil ? "Terminating" : (c.status.phase?.rawValue ?? "Pending")
    }

    /// The same line from counts kept elsewhere (`ObjectTally` with `podWord` and `claimWord`).
    public static func state(
        podCounts podGroups: [String: Int], claimCounts claimGroups: [String: Int], nodes: [Node] = []
    )
        -> String
    {
        var parts = ordered(podGroups.filter { !$0.key.isEmpty }, first: "Running and Ready").map {
            "\(Formatting.count($0.value, "pod")) \($0.key)"
        }
        parts += ordered(claimGroups, first: "Bound").map { "\(Formatting.count($0.value, "claim")) \($0.key)" }
        var nodeGroups: [String: Int] = [:]
        for n in nodes {
            let status = Columns.nodeStatus(n)
            if status != "Ready" { nodeGroups[status, default: 0] += 1 }
        }
        parts += ordered(nodeGroups, first: "").map { "\(Formatting.count($0.value, "node")) \($0.key)" }
        return parts.isEmpty ? "no pods" : parts.joined(separator: ", ")
    }

    private static func ordered(_ groups: [String: Int], first: String) -> [(key: String, value: Int)] {
        groups.sorted { a, b in
            if (a.key == first) != (b.key == first) { return a.key == first }
            return ByteOrder.less(a.key, b.key)
        }
    }
}
