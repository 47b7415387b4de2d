import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// `apply -f`: kubectl's client-side apply. An absent object is created with the
    /// last-applied-configuration annotation; an existing one gets the three-way merge of that
    /// annotation, the manifest and the live object (ManifestUpdate.applied).
    func apply(_ source: ManifestSource, _ options: WriteOptions, at location: SourceLocation) throws {
        var writer = ObjectWriter(options)
        try forEachManifestDocument(source) { loaded in applyOne(loaded, &writer) }
        if options.dryRun == .none { autoSettle() }
    }

    private func applyOne(_ loaded: LoadedObject, _ writer: inout ObjectWriter) -> DocumentOutcome {
        var key = loaded.object.key
        if key.kind.isNamespaced, key.namespace.isEmpty { key.namespace = cluster.config.namespace }
        var annotated = ManifestUpdate.created(loaded)
        if annotated.kind.isNamespaced, annotated.metadata.namespace.isEmpty {
            annotated.metadata.namespace = key.namespace
        }
        guard let live = cluster.get(key) else {
            // kubectl's client dry run sends nothing: what it prints is the object it would send.
            if writer.options.dryRun == .client { return writer.written(annotated, "created") }
            switch cluster.create(annotated, dryRun: writer.options.dryRun == .server) {
            case .success(let created):
                noteDroppedFields(loaded, created)
                return writer.written(created, "created")
            case .failure(let error): return .apiError(error, verb: "creating")
            }
        }
        // apply.go computes nothing against the server for a client dry run, and says `configured`.
        if writer.options.dryRun == .client { return writer.written(annotated, "configured") }
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
            switch cluster.update(object, dryRun: writer.options.dryRun == .server) {
            case .success(let updated):
                noteDroppedFields(loaded, updated)
                let same = updated.metadata.resourceVersion == live.metadata.resourceVersion && updated == live
                return writer.written(updated, same ? "unchanged" : "configured")
            case .failure(let error):
                return .apiError(error, verb: "patching", hint: updateHint(old: live, new: object))
            }
        }
    }

    /// `replace -f`: each object replaces the live one whole (a PUT); it must exist.
    func replace(_ source: ManifestSource, _ options: WriteOptions) throws {
        var writer = ObjectWriter(options)
        try forEachManifestDocument(source) { loaded in
            var object = loaded.object
            if object.kind.isNamespaced, object.metadata.namespace.isEmpty {
                object.metadata.namespace = cluster.config.namespace
            }
            guard let live = cluster.get(object.key) else {
                return .apiError(.notFound(object.kind, object.name), verb: "replacing")
            }
            if options.dryRun == .client { return writer.written(object, "replaced") }
            switch cluster.update(object, dryRun: options.dryRun == .server) {
            case .success(let updated): return writer.written(updated, "replaced")
            case .failure(let error):
                return .apiError(error, verb: "replacing", hint: updateHint(old: live, new: object))
            }
        }
        if options.dryRun == .none { autoSettle() }
    }
}

/// What `create -f`, `apply` and `replace` print for each object: kubectl's line with its
/// dry-run suffix, or the object itself with `-o` (YAML documents separated by `---`, as
/// kubectl's YAML printer does from the second object on).
struct ObjectWriter {
    let options: WriteOptions
    private var printed = 0

    init(_ options: WriteOptions) { self.options = options }

    /// `create --dry-run=client -o yaml|json`: kubectl prints the object as it read it (an
    /// unstructured map, keys sorted, with the namespace it filled in), without the defaults and
    /// empty fields the typed object would show.
    mutating func writtenAsRead(_ loaded: LoadedObject, _ object: KubeObject, _ verb: String) -> DocumentOutcome {
        let namespace = object.kind.isNamespaced ? object.metadata.namespace : nil
        guard options.output == .yaml || options.output == .json, let tree = loaded.asRead(namespace: namespace) else {
            return written(object, verb)
        }
        printed += 1
        if options.output == .json { return .printed(ManifestWriter.json(value: tree, sortingKeys: true)) }
        return .printed((printed > 1 ? "---\n" : "") + ManifestWriter.yaml(value: tree))
    }

    mutating func written(_ object: KubeObject, _ verb: String) -> DocumentOutcome {
        let t = Session.timestamps
        printed += 1
        switch options.output {
        case .yaml?: return .printed((printed > 1 ? "---\n" : "") + ManifestWriter.yaml(object, timestamps: t))
        case .json?: return .printed(ManifestWriter.json(object, timestamps: t))
        case .name?: return .done("\(object.kind.qualifiedSingular)/\(object.name)")
        case .table?, .wide?, nil:
            let suffix =
                switch options.dryRun {
                case .none: ""
                case .client: " (dry run)"
                case .server: " (server dry run)"
                }
            return .done("\(object.kind.qualifiedSingular)/\(object.name) \(verb)\(suffix)")
        }
    }
}
