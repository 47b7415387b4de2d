import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    /// `rollout status|history|undo|restart|pause|resume`: kubectl's client-side logic over the
    /// simulated API (kubectl's pkg/cmd/rollout and pkg/polymorphichelpers).
    func rollout(_ r: RolloutCommand) throws {
        let live = try cluster.get(r.kind, namespace: r.namespace, name: r.name.text).get()
        if case .daemonSet(let ds) = live, case .status = r.action { return try rolloutStatus(ds) }
        guard case .statefulSet(let set) = live else { throw SessionError(Self.noRollout(r)) }
        switch r.action {
        case .status(let watch, let timeout, let revision):
            if let revision, revision < 0 { throw SessionError("revision must be a positive integer: \(revision)") }
            if revision != nil {
                printer.line("note: kubectl reads --revision for Deployments only; a StatefulSet's status ignores it")
            }
            try rolloutStatus(set, watch: watch, timeout: timeout)
        case .history(let revision): try rolloutHistory(set, revision: revision)
        case .undo(let revision): try rolloutUndo(set, to: revision)
        case .restart: try rolloutRestart(set)
        case .pause, .resume: throw SessionError(Self.noRollout(r))
        }
    }

    /// What kubectl says for a kind it has no such helper for, or for pause/resume of a set.
    static func noRollout(_ r: RolloutCommand) -> String {
        let k = r.kind
        let groupKind = k.group.isEmpty ? k.kind : "\(k.kind).\(k.group)"
        switch r.action {
        case .status: return "no status viewer has been implemented for \(groupKind)"
        case .history: return "no history viewer has been implemented for \"\(groupKind)\""
        case .undo: return "no rollbacker has been implemented for \"\(groupKind)\""
        case .restart: return "\(k.qualifiedResource) \"\(r.name.text)\" restarting is not supported"
        case .pause: return "\(k.qualifiedResource) \"\(r.name.text)\" pausing is not supported"
        case .resume: return "\(k.qualifiedResource) \"\(r.name.text)\" resuming is not supported"
        }
    }

    private func rolloutHistory(_ set: StatefulSet, revision: Int?) throws {
        let revisions = cluster.controllerRevisions(of: set)
        guard let revision else {
            printer.block(RolloutHistory.table(set, revisions: revisions))
            return
        }
        guard let r = revisions.first(where: { $0.revision == revision }) else {
            throw SessionError("unable to find the specified revision")
        }
        printer.block(RolloutHistory.revision(set, r))
    }

    /// kubectl's `StatefulSetRollbacker`: the chosen revision's template patched back onto the set;
    /// the controller then renumbers that revision as the newest.
    private func rolloutUndo(_ set: StatefulSet, to revision: Int) throws {
        let history = cluster.controllerRevisions(of: set)
        if revision < 0 { throw SessionError("unable to find specified revision \(revision) in history") }
        if revision == 0 && history.count <= 1 { throw SessionError("no last revision to roll back to") }
        let target = revision == 0 ? history[history.count - 2] : history.first { $0.revision == revision }
        guard let target else { throw SessionError("unable to find specified revision \(revision) in history") }
        let name = "statefulset.apps/\(set.metadata.name)"
        if target.data == set.spec.template {
            printer.line("\(name) skipped rollback (current template already matches revision \(revision))")
            return
        }
        var changed = set
        changed.spec.template = target.data
        _ = try cluster.update(.statefulSet(changed)).get()
        printer.line("\(name) rolled back")
        autoSettle()
    }

    /// kubectl's `defaultObjectRestarter`: the template annotation `restartedAt`, to the second, so a
    /// second restart within one (virtual) second changes nothing and is refused.
    private func rolloutRestart(_ set: StatefulSet) throws {
        let key = "kubectl.kubernetes.io/restartedAt"
        let stamp = Session.timestamps.format(cluster.now)
        if set.spec.template.metadata.annotations[key] == stamp {
            throw SessionError(
                "failed to create patch for \(set.metadata.name): if restart has already been triggered within the past second, please wait before attempting to trigger another"
            )
        }
        var changed = set
        changed.spec.template.metadata.annotations[key] = stamp
        _ = try cluster.update(.statefulSet(changed)).get()
        printer.line("statefulset.apps/\(set.metadata.name) restarted")
        autoSettle()
    }
}
