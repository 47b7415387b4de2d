import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// `apply -f`: kubectl's client-side apply. An absent object is created with the
    /// last-applied-configuration annotation; an existing one gets the three-way merge of that
    /// annotation, the manifest and the live object (ManifestUpdate.applied).
    func apply(_ source: ManifestSource, at location: SourceLocation) throws {
        try forEachManifestDocument(source) { loaded in applyOne(loaded) }
        autoSettle()
    }

    private func applyOne(_ loaded: LoadedObject) -> DocumentOutcome {
        var key = loaded.object.key
        if key.kind.isNamespaced, key.namespace.isEmpty { key.namespace = cluster.config.namespace }
        let line = { (object: KubeObject, word: String) in "\(object.kind.qualifiedSingular)/\(object.name) \(word)" }
        guard let live = cluster.get(key) else {
            switch cluster.create(ManifestUpdate.created(loaded)) {
            case .success(let created): return .done(line(created, "created"))
            case .failure(let error): return .apiError(error, verb: "creating")
            }
        }
        let (merged, hadLastApplied) = ManifestUpdate.applied(loaded, onto: live, timestamps: Session.timestamps)
        if !hadLastApplied {
            // kubectl's words (apply.go, warningNoLastAppliedConfigAnnotation), on stderr.
            printer.errorLine(
                "Warning: resource \(live.kind.plural)/\(live.name) is missing the \(LoadedObject.lastAppliedAnnotation) annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically."
            )
        }
        switch merged {
        case .failure(let failure): return .failed(failure.message)
        case .success(let object):
            switch cluster.update(object) {
            case .success(let updated):
                return .done(
                    line(
                        updated,
                        updated.metadata.resourceVersion == live.metadata.resourceVersion ? "unchanged" : "configured"))
            case .failure(let error):
                return .apiError(error, verb: "patching", hint: updateHint(old: live, new: object))
            }
        }
    }
}
