import Foundation
import StsimEngine
import StsimLanguage
import StsimManifests

/// What happened to one document of a `-f` file.
enum DocumentOutcome {
    /// kubectl's confirmation line (`statefulset.apps/web created`).
    case done(String)
    /// The object itself, as `-o yaml|json` prints it (or, for diff, its changes).
    case printed(String)
    /// Nothing to print (diff of an object that would not change).
    case quiet
    /// The API refused it; `verb` is kubectl's word for the request (`creating`, `patching`);
    /// `hint` is stsim's advice on top of kubectl's words.
    case apiError(APIError, verb: String, hint: String? = nil)
    /// Refused with a message already in kubectl's words.
    case failed(String)
}

extension Session {
    /// How the session loads manifests: dates on the session's calendar, and objects as written,
    /// since the engine applies the API server's defaults itself when it accepts them.
    static let loaderOptions = ManifestLoader.Options(timestamps: Session.timestamps, applyDefaults: false)

    /// One manifest text: what findings call it, the line it starts on, and kubectl's name for it.
    struct ManifestText {
        var text: String
        var file: String
        var firstLine: Int
        var kubectlName: String
    }

    /// The texts of a manifest source: each `-f` file, each manifest in a `-f` folder (with `-R`,
    /// in its subfolders too), or the text carried by the command (`STDIN` to kubectl).
    func manifestTexts(_ source: ManifestSource) throws -> [ManifestText] {
        switch source {
        case .files(let paths, let recursive):
            return try paths.flatMap { try manifestFiles($0, recursive: recursive) }.map { path in
                let text = try readFile(path)
                remember(source: text, as: path.text, firstLine: 1)
                return ManifestText(text: text, file: path.text, firstLine: 1, kubectlName: path.text)
            }
        case .inline(let body, let name, let line):
            return [ManifestText(text: body, file: name, firstLine: line, kubectlName: "STDIN")]
        }
    }

    /// The text of a source that is one text (a here-document).
    func manifestText(_ source: ManifestSource) throws -> (text: String, file: String, firstLine: Int) {
        guard let first = try manifestTexts(source).first else { throw SessionError("the manifest is empty") }
        return (first.text, first.file, first.firstLine)
    }

    /// A file, or the manifests of a folder as kubectl's visitor takes them: `.json`, `.yaml` and
    /// `.yml` files in name order, subfolders only with `-R`.
    private func manifestFiles(_ path: Argument, recursive: Bool) throws -> [Argument] {
        let confined = try confine(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: confined.text, isDirectory: &isDirectory), isDirectory.boolValue
        else { return [path] }
        // Resolved first: a folder reached through a link is walked like the folder itself.
        let real = URL(fileURLWithPath: confined.text).resolvingSymlinksInPath().path
        let names =
            recursive
            ? (FileManager.default.subpaths(atPath: real) ?? [])
            : ((try? FileManager.default.contentsOfDirectory(atPath: real)) ?? [])
        let manifests = names.filter { [".json", ".yaml", ".yml"].contains(where: $0.hasSuffix) }.sorted()
        if manifests.isEmpty {
            throw Diagnostic(
                at: path.location, "error reading \(path.text): recognized file extensions are [.json .yaml .yml]")
        }
        let folder = path.text.hasSuffix("/") ? path.text : path.text + "/"
        return manifests.map { Argument(folder + $0, at: path.location) }
    }

    /// `create -f` and `apply -f` as kubectl does them: every valid document is sent, in file order,
    /// and each refused one gets kubectl's own line. stsim's located findings (with the line and a
    /// caret) come first, so the learner sees where and why before what kubectl would say. The
    /// command fails when any document did.
    func forEachManifestDocument(_ source: ManifestSource, _ act: (LoadedObject) -> DocumentOutcome) throws {
        var failed = false
        var changed = false
        for text in try manifestTexts(source) {
            let (f, c) = forEachDocument(text, act)
            failed = failed || f
            changed = changed || c
        }
        if failed {
            // What was sent is in the cluster, so it runs as after any change.
            if changed { autoSettle() }
            throw AlreadyReported()
        }
    }

    /// One text's documents, in file order; whether any failed and whether any was written.
    private func forEachDocument(_ source: ManifestText, _ act: (LoadedObject) -> DocumentOutcome) -> (Bool, Bool) {
        let result = ManifestLoader.load(
            text: source.text, file: source.file, firstLine: source.firstLine, options: Session.loaderOptions)
        for d in result.diagnostics { report(d) }
        let kubectlFile = source.kubectlName
        enum Document {
            case object(LoadedObject)
            case rejection(ManifestRejection)
            var line: Int {
                switch self {
                case .object(let o): o.location.line
                case .rejection(let r): r.location.line
                }
            }
        }
        let documents = (result.objects.map(Document.object) + result.rejections.map(Document.rejection))
            .enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        var failed = result.objects.isEmpty && result.rejections.isEmpty && result.hasErrors
        var changed = false
        for document in documents {
            switch document {
            case .rejection(let r):
                failed = true
                printer.errorLine(r.kubectlMessage(file: kubectlFile))
            case .object(let loaded):
                if let mismatch = namespaceMismatch(loaded.object) {
                    failed = true
                    printer.errorLine(interactive ? "error: \(mismatch)" : located(mismatch, at: loaded.location))
                    continue
                }
                switch act(loaded) {
                case .done(let line):
                    changed = true
                    printer.line(line)
                case .printed(let text):
                    changed = true
                    printer.block(text)
                case .quiet: break
                case .failed(let text):
                    failed = true
                    printer.errorLine(located(text, at: loaded.location))
                case .apiError(let error, let verb, let hint):
                    failed = true
                    var text = error.kubectlMessage
                    if error.reason != .invalid && error.reason != .limitExceeded {
                        text =
                            "Error from server (\(error.reason.rawValue)): error when \(verb) \"\(kubectlFile)\": \(error.message)"
                    }
                    printer.errorLine(located(text, at: loaded.location))
                    if let hint = hint ?? limitHint(error) { printer.errorLine("  hint: \(hint)") }
                }
                for note in documentNotes { report(note) }
                documentNotes = []
            }
        }
        return (failed, changed)
    }

    /// The objects a file names, for `delete -f`: like kubectl, only kind and name matter, so a
    /// file with invalid fields still deletes what it created. Findings about documents that name
    /// nothing are reported; the caller fails the command after deleting the rest.
    func manifestReferences(_ source: ManifestSource) throws -> (targets: [ManifestReference], hadErrors: Bool) {
        var targets: [ManifestReference] = []
        var hadErrors = false
        for t in try manifestTexts(source) {
            let (references, diagnostics) = ManifestLoader.references(
                text: t.text, file: t.file, firstLine: t.firstLine)
            for d in diagnostics { report(d) }
            targets += references
            hadErrors = hadErrors || diagnostics.contains { $0.severity == .error }
        }
        return (targets, hadErrors)
    }

    /// A script's error names where it comes from; at the prompt kubectl's words are enough.
    /// A per-document failure in a script: located, and `error: ` added only when kubectl's own
    /// framing (`Error from server (Reason): ...`) does not already say it is one.
    func located(_ text: String, at location: SourceLocation) -> String {
        if interactive { return text }
        return text.hasPrefix("Error from server") ? "\(location): \(text)" : "\(location): error: \(text)"
    }
}

extension Session {
    /// kubectl's refusal of an object whose `metadata.namespace` is not the `-n` given (only an
    /// explicit `-n` is compared; without one the object's own namespace is used).
    func namespaceMismatch(_ object: KubeObject) -> String? {
        namespaceMismatch(object.kind, object.namespace)
    }

    func namespaceMismatch(_ kind: ResourceKind, _ namespace: String) -> String? {
        guard let explicit = explicitNamespace, kind.isNamespaced, !namespace.isEmpty, namespace != explicit else {
            return nil
        }
        return
            "the namespace from the provided object \"\(namespace)\" does not match the namespace \"\(explicit)\". You must pass '--namespace=\(namespace)' to perform this operation."
    }

    /// stsim's advice for an update the API refused (`to change serviceName, delete the set with
    /// --cascade=orphan ...`), from the manifests' own update validation; nil when it has none.
    func updateHint(old: KubeObject, new: KubeObject) -> String? {
        var defaulted = new
        APIDefaults.apply(to: &defaulted, defaultStorageClass: nil)
        let hints = Validator.validateUpdate(old: old, new: defaulted).compactMap(\.hint)
        return hints.isEmpty ? nil : hints.joined(separator: "; ")
    }
}
