extension Cluster {
    /// A StatefulSet's history as `kubectl rollout history` and `undo` read it (kubectl's
    /// pkg/polymorphichelpers/history.go, `controlledHistory`): the ControllerRevisions that match
    /// the set's selector and are controlled by it, lowest revision number first.
    public func controllerRevisions(of set: StatefulSet) -> [ControllerRevision] {
        guard let selector = set.spec.selector else { return [] }
        return list(ControllerRevision.self, namespace: set.metadata.namespace, selector: selector)
            .filter { $0.metadata.controllerRef?.uid == set.metadata.uid }
            .sorted { $0.revision < $1.revision }
    }
}
