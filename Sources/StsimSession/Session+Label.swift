import StsimEngine
import StsimLanguage
import StsimManifests
import StsimRender

extension Session {
    /// `label` and `annotate`, as kubectl's label.go and annotate.go: a merge patch of
    /// `metadata.labels|annotations` per object, refused for a key that has a value unless
    /// `--overwrite`, and `labeled`, `unlabeled`, `not labeled` or `annotated` per object.
    func changeMetadata(_ c: MetadataChangeCommand) throws {
        var targets: [KubeObject] = []
        var failure: APIError?
        if c.names.isEmpty {
            let selector = try c.selector.map { try SelectorText.parse($0.text, at: $0.location) }
            targets = ([c.kind] + c.moreKinds).flatMap { kind in
                cluster.list(kind, namespace: c.namespace, allNamespaces: c.allNamespaces, selector: selector)
            }
            let verb = c.field == .labels ? "label" : "annotate"
            if targets.isEmpty { throw Diagnostic(at: c.location, "no objects passed to \(verb)") }
        }
        for kind in [c.kind] + c.moreKinds {
            for name in c.names {
                switch cluster.get(kind, namespace: c.namespace, name: name.text) {
                case .success(let o): targets.append(o)
                case .failure(let e):
                    if let previous = failure { printer.errorLine(previous.kubectlMessage) }
                    failure = e
                }
            }
        }
        for live in targets { try changeMetadata(of: live, c) }
        autoSettle()
        if let failure { throw failure }
    }

    private func changeMetadata(of live: KubeObject, _ c: MetadataChangeCommand) throws {
        let current = c.field == .labels ? live.metadata.labels : live.metadata.annotations
        if !c.overwrite, let key = c.set.map(\.key).first(where: { current[$0] != nil }) {
            throw Diagnostic(
                at: c.location, "'\(key)' already has a value (\(current[key]!)), and --overwrite is false")
        }
        for key in c.remove where current[key] == nil && c.field == .labels {
            printer.line("label \(JSONEmitter.string(key)) not found.")
        }
        var entries = c.remove.map { "\(JSONEmitter.string($0)):null" }
        entries += c.set.map { "\(JSONEmitter.string($0.key)):\(JSONEmitter.string($0.value))" }
        let patch = "{\"metadata\":{\"\(c.field.rawValue)\":{\(entries.joined(separator: ","))}}}"
        let changed = try ManifestUpdate.patched(live, patch: patch, type: .merge, timestamps: Session.timestamps).get()
        let after = c.field == .labels ? changed.metadata.labels : changed.metadata.annotations
        if after != current { _ = try cluster.update(changed).get() }
        let name = GetOutput.qualifiedName(live)
        guard c.field == .labels else {
            printer.line("\(name) annotated")
            return
        }
        let message =
            after == current ? "not labeled" : (!c.overwrite && after.count < current.count ? "unlabeled" : "labeled")
        printer.line("\(name) \(message)")
    }
}
