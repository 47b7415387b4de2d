import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    /// The namespace commands use without -n (`stsim serve` writes it into its kubeconfig).
    public var currentNamespace: String { cluster.currentNamespace }

    /// Runs a command in the namespace its `-n` names: every lookup and every create without a
    /// namespace of its own uses the cluster's current namespace, so setting it for the length
    /// of the command is what makes no command able to ignore `-n`.
    func inNamespace<T>(_ namespace: String?, _ body: () throws -> T) rethrows -> T {
        guard let namespace else { return try body() }
        let c = cluster
        let saved = (c.currentNamespace, explicitNamespace)
        c.currentNamespace = namespace
        explicitNamespace = namespace
        defer {
            // A command that replaced the cluster (load, undo) leaves the new one as it is.
            if c === cluster { c.currentNamespace = saved.0 }
            explicitNamespace = saved.1
        }
        return try body()
    }
}

extension Session {
    /// What a settle, save or undo sums up: the pods and claims of every namespace, since a
    /// manifest may have put them anywhere. The counts come from tallies kept across commands,
    /// which recount only the objects written since the last summary.
    func summaryState(nodes: [Node] = []) -> String {
        SettleSummary.state(
            podCounts: podTally.counts(in: cluster.store), claimCounts: claimTally.counts(in: cluster.store),
            nodes: nodes)
    }
}
