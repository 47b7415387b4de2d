import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// kubectl's `wait --for=...` (kubectl's pkg/cmd/wait/wait.go): the objects one after another
    /// under one deadline, `KIND/NAME condition met` for each, kubectl's errors otherwise. Only
    /// kubectl's lines are printed; the cluster's changes meanwhile are not.
    func kubectlWait(_ w: KubectlWaitCommand) throws {
        defer { _ = discardChanges() }
        let targets = try waitTargets(w)
        let deadline = cluster.now.clampedAdding(w.timeout)
        for (namespace, name) in targets {
            guard let object = try? cluster.get(w.kind, namespace: namespace, name: name).get() else {
                // kubectl ignores NotFound for --for=delete: the object is already gone.
                if w.condition == .delete { continue }
                throw APIError.notFound(w.kind, name)
            }
            let check = try waitCheck(w, namespace: namespace, name: name, uid: object.metadata.uid)
            let objectName = "\(w.kind.plural)/\(name)"
            if w.timeout == .zero {
                guard try check(cluster) else { throw SessionError("condition not met for \(objectName)") }
            } else {
                var failure: Error?
                let result = cluster.run(
                    until: { c in
                        do { return try check(c) } catch {
                            failure = error
                            return true
                        }
                    }, timeout: max(deadline - cluster.now, .zero), shouldStop: interrupted)
                if let failure { throw failure }
                if result.reason == StopReason.interrupted { throw SessionError("interrupted at \(cluster.now)") }
                if result.reason != StopReason.satisfied {
                    throw SessionError("timed out waiting for the condition on \(objectName)")
                }
            }
            printer.line("\(w.kind.qualifiedSingular)/\(name) condition met")
        }
    }

    /// Each object with its namespace (nil: the command's), as `-A` finds them in several.
    private func waitTargets(_ w: KubectlWaitCommand) throws -> [(String?, String)] {
        let found: [KubeObject]
        switch w.targets {
        case .names(let args): return args.map { (w.namespace, $0.text) }
        case .selector(let text):
            let selector = try SelectorText.parse(text, at: SourceLocation(file: "", line: 0, column: 0))
            found = cluster.list(w.kind, namespace: w.namespace, allNamespaces: w.allNamespaces, selector: selector)
        case .all: found = cluster.list(w.kind, namespace: w.namespace, allNamespaces: w.allNamespaces)
        }
        if found.isEmpty && w.condition != .delete { throw SessionError("no matching resources found") }
        return found.map { ($0.namespace.isEmpty ? w.namespace : $0.namespace, $0.metadata.name) }
    }

    /// The check for one object. A delete is seen when the object is gone or replaced by a new one
    /// of the same name (a StatefulSet pod comes back at once): the watch saw the deletion.
    private func waitCheck(_ w: KubectlWaitCommand, namespace: String?, name: String, uid: UID?) throws -> (
        Cluster
    ) throws -> Bool {
        let kind = w.kind
        switch w.condition {
        case .delete:
            return { c in
                guard let o = try? c.get(kind, namespace: namespace, name: name).get() else { return true }
                return o.metadata.uid != uid
            }
        case .condition(let type, let status):
            return { c in
                guard let o = try? c.get(kind, namespace: namespace, name: name).get() else { return false }
                return ObjectQuery.conditionHolds(o, type: type, status: status)
            }
        case .jsonPath(let path, let expected):
            return { c in
                guard let o = try? c.get(kind, namespace: namespace, name: name).get() else { return false }
                switch ObjectQuery.value(o, at: path) {
                case nil: return false
                case .nested?: throw SessionError("jsonpath leads to a nested object or list which is not supported")
                case .scalar(let v)?: return expected.map { $0 == v } ?? true
                }
            }
        }
    }
}
