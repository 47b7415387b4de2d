import StsimEngine
import StsimLanguage
import StsimManifests
import StsimRender

extension Session {
    func delete(_ command: DeleteCommand, at location: SourceLocation) throws {
        var options = try deleteOptions(command, at: location)
        if let warning = command.cascadeDeprecated { printer.errorLine(warning) }
        options.propagation =
            switch command.cascade {
            case .background: .background
            case .foreground: .foreground
            case .orphan: .orphan
            }
        var (targets, documentLocations, referenceErrors) = try deleteTargets(command, at: location)
        if options.force, options.gracePeriodSeconds == 0, !targets.isEmpty {
            // kubectl prints this once, on stderr, before deleting anything (reference 9.6).
            printer.errorLine(
                "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely."
            )
        }
        var failure: APIError?
        for (index, (kind, name, namespace)) in targets.enumerated() {
            switch cluster.delete(kind, name, namespace: namespace ?? command.namespace, options: options) {
            case .success:
                let forced = options.force && options.gracePeriodSeconds == 0
                printer.line("\(kind.qualifiedSingular) \"\(name)\" \(forced ? "force deleted" : "deleted")")
            case .failure(let error):
                if command.ignoreNotFound, error.reason == .notFound { continue }
                if case .manifests(let source) = command.target, index < documentLocations.count {
                    // As kubectl: each document's error in file order, naming the file.
                    let at = documentLocations[index]
                    let file = if case .inline = source { "STDIN" } else { at.file }
                    let text =
                        "Error from server (\(error.reason.rawValue)): error when deleting \"\(file)\": \(error.message)"
                    printer.errorLine(located(text, at: at))
                    referenceErrors = true
                    continue
                }
                if let previous = failure { report(previous, at: location) }
                failure = error
            }
        }
        autoSettle()
        if let failure { throw failure }
        if referenceErrors { throw AlreadyReported() }
    }

    /// What a delete names, each with its namespace (nil unless a file names one: then it wins
    /// over -n, as in kubectl); for `delete -f`, where each target is written (kubectl's
    /// per-document error lines) and whether a document failed already.
    private func deleteTargets(_ command: DeleteCommand, at location: SourceLocation) throws -> (
        [(ResourceKind, String, String?)], [SourceLocation], Bool
    ) {
        switch command.target {
        case .objects(let groups):
            return (groups.flatMap { g in g.names.map { (g.kind, $0.text, String?.none) } }, [], false)
        case .selector(let kinds, let text):
            let selector = try SelectorText.parse(text, at: location)
            return (listedTargets(kinds, command, selector: selector), [], false)
        case .all(let kinds):
            return (listedTargets(kinds, command, selector: nil), [], false)
        case .manifests(let source):
            var (references, failed) = try manifestReferences(source)
            references = references.filter { r in
                // kubectl refuses a file whose objects name another namespace than -n.
                guard let text = namespaceMismatch(r.kind, r.namespace) else { return true }
                printer.errorLine(interactive ? "error: \(text)" : located(text, at: r.location))
                failed = true
                return false
            }
            return (
                references.map { ($0.kind, $0.name, $0.namespace.isEmpty ? nil : $0.namespace) },
                references.map(\.location), failed
            )
        }
    }

    /// `-l` and `--all`: what the list finds, each in its own namespace (`-A` lists them all).
    private func listedTargets(_ kinds: [ResourceKind], _ command: DeleteCommand, selector: LabelSelector?) -> [(
        ResourceKind, String, String?
    )] {
        let objects = kinds.flatMap { kind in
            cluster.list(kind, namespace: command.namespace, allNamespaces: command.allNamespaces, selector: selector)
        }
        if objects.isEmpty {
            printer.line(
                command.allNamespaces
                    ? GetOutput.noResources(namespaced: false, namespace: "")
                    : noResources(kinds[0], namespace: command.namespace))
        }
        return objects.map { ($0.kind, $0.name, $0.namespace.isEmpty ? nil : $0.namespace) }
    }

    /// kubectl's rules (reference 9.6): `--grace-period=0` alone becomes 1; `--now` is 1;
    /// `--force` with no grace period, or 0, is an immediate removal.
    private func deleteOptions(_ command: DeleteCommand, at location: SourceLocation) throws -> DeleteOptions {
        var grace = command.gracePeriodSeconds
        if command.now {
            if grace != nil {
                throw SessionError("--now and --grace-period cannot be given together")
            }
            grace = 1
        }
        if let g = grace, g < 0 { grace = nil }
        if command.force {
            if grace == nil || grace == 0 { return DeleteOptions(gracePeriodSeconds: 0, force: true) }
            return DeleteOptions(gracePeriodSeconds: grace)
        }
        if grace == 0 { grace = 1 }
        return DeleteOptions(gracePeriodSeconds: grace)
    }

    func noResources(_ kind: ResourceKind, namespace: String?) -> String {
        GetOutput.noResources(namespaced: kind.isNamespaced, namespace: namespace ?? cluster.config.namespace)
    }
}
