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

    /// The text of a manifest source, its name in findings, and the line it starts on.
    func manifestText(_ source: ManifestSource) throws -> (text: String, file: String, firstLine: Int) {
        switch source {
        case .file(let path):
            let text = try readFile(path)
            remember(source: text, as: path.text, firstLine: 1)
            return (text, path.text, 1)
        case .inline(let body, let name, let line):
            return (body, name, line)
        }
    }

    /// The file name kubectl's messages use: the path, or `STDIN` for text carried by the command.
    func kubectlFileName(_ source: ManifestSource) -> String {
        if case .file(let path) = source { return path.text }
        return "STDIN"
    }

    /// `create -f` and `apply -f` as kubectl does them: every valid document is sent, in file order,
    /// and each refused one gets kubectl's own line. stsim's located findings (with the line and a
    /// caret) come first, so the learner sees where and why before what kubectl would say. The
    /// command fails when any document did.
    func forEachManifestDocument(_ source: ManifestSource, _ act: (LoadedObject) -> DocumentOutcome) throws {
        let (text, file, firstLine) = try manifestText(source)
        let result = ManifestLoader.load(text: text, file: file, firstLine: firstLine, options: Session.loaderOptions)
        for d in result.diagnostics { report(d) }
        let kubectlFile = kubectlFileName(source)
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
            }
        }
        if failed {
            // What was sent is in the cluster, so it runs as after any change.
            if changed { autoSettle() }
            throw AlreadyReported()
        }
    }

    /// The objects a file names, for `delete -f`: like kubectl, only kind and name matter, so a
    /// file with invalid fields still deletes what it created. Findings about documents that name
    /// nothing are reported; the caller fails the command after deleting the rest.
    func manifestReferences(_ source: ManifestSource) throws -> (targets: [ManifestReference], hadErrors: Bool) {
        let (text, file, firstLine) = try manifestText(source)
        let (references, diagnostics) = ManifestLoader.references(text: text, file: file, firstLine: firstLine)
        for d in diagnostics { report(d) }
        return (references, diagnostics.contains { $0.severity == .error })
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
    /// stsim's advice for an update the API refused (`to change serviceName, delete the set with
    /// --cascade=orphan ...`), from the manifests' own update validation; nil when it has none.
    func updateHint(old: KubeObject, new: KubeObject) -> String? {
        var defaulted = new
        APIDefaults.apply(to: &defaulted, defaultStorageClass: nil)
        let hints = Validator.validateUpdate(old: old, new: defaulted).compactMap(\.hint)
        return hints.isEmpty ? nil : hints.joined(separator: "; ")
    }
}
