import StsimEngine
import StsimLanguage

/// Commands that write objects: manifests inlined as here-documents, stsim's shortcuts as the
/// manifest or kubectl command they stand for.
extension Translator {
    /// `create|apply|replace|delete|diff -f FILE` (or a here-document): each manifest inlined,
    /// `kubectl VERB -f - <<'EOF'`, so the script needs no other file. A file that cannot be
    /// read here keeps its `-f PATH`.
    /// `verb` and `flags` replace the command's own (edit's replacement is kubectl replace).
    func manifests(
        _ source: ManifestSource, verb: String? = nil, flags: [String]? = nil, suffix: String = ""
    ) -> Translation {
        var rest: [String] = []
        var recursive: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            i += 1
            if w == "-f" || w == "--filename" {
                i += 1
            } else if w.hasPrefix("--filename=") || (w.hasPrefix("-f") && !w.hasPrefix("--")) {
                continue
            } else if w == "-R" || w == "--recursive" || w.hasPrefix("--recursive=") {
                recursive.append(w)
            } else {
                rest.append(w)
            }
        }
        let verb = verb ?? rest.first ?? "apply"
        let flags = flags ?? Array(rest.dropFirst())
        var lines: [String] = []
        var notes: [String] = []
        var last = 0  // where the last command starts: `expect output` reads what it printed
        func inline(_ text: String) {
            last = lines.count
            let doc = BashText.hereDocument(text)
            lines.append(
                "kubectl " + BashText.words([verb, "-f", "-"] + flags) + " <<'\(doc.delimiter)'" + suffix)
            lines += doc.lines
        }
        switch source {
        case .inline(let text, _, _): inline(text)
        case .files(let paths, _):
            for path in paths {
                if path.text == "-" {
                    inline(hereDocument ?? "")
                } else if let text = read(path.text) {
                    notes.append("\(path.text), inlined")
                    inline(text)
                } else {
                    notes.append(
                        path.text.contains("://")
                            ? "kubectl downloads \(path.text) itself"
                            : "\(path.text) is read when the script runs, from the directory it runs in")
                    last = lines.count
                    lines.append("kubectl " + BashText.words([verb, "-f", path.text] + recursive + flags) + suffix)
                }
            }
        }
        var t = Translation.command(lines, changesCluster: !["diff", "get", "describe"].contains(verb), notes: notes)
        t.single = source.commandCount == 1
        t.outputLine = last
        return t
    }

    func create(_ c: CreateCommand) -> Translation {
        switch c {
        case .manifests(let source, _): return manifests(source)
        case .statefulSet(let name, let image, let replicas, let service, let storage, let policy):
            return created(
                ShortcutManifest.yaml(
                    name: name.text, image: image, replicas: replicas, service: service, storage: storage,
                    policy: policy),
                note: "create sts is stsim's shortcut; kubectl has no create statefulset, so here is its manifest")
        case .headlessService(let name, let selector, let port):
            return created(
                ShortcutManifest.headlessService(name: name.text, selector: selector, port: port),
                note: "create svc headless is stsim's shortcut for this manifest")
        case .persistentVolume(let name, let capacity, let modes, let reclaim, let storageClass):
            return created(
                ShortcutManifest.persistentVolume(
                    name: name.text, capacity: capacity, accessModes: modes, reclaimPolicy: reclaim,
                    storageClass: storageClass),
                note: "create pv is stsim's shortcut for this manifest (a hostPath volume, as stsim makes)")
        case .node:
            return .skip(
                whereText, written,
                how: options.cluster == .kind
                    ? "a node joins by its kubelet: add a worker to the kind config (kind create cluster --config)"
                    : "a node joins by its kubelet (kubeadm join), not by kubectl")
        case .configData: return configData()
        case .namespace, .podDisruptionBudget, .serviceAccount, .clusterIPService:
            return asWritten(changesCluster: true)
        }
    }

    private func created(_ yaml: String, note: String) -> Translation {
        let doc = BashText.hereDocument(yaml)
        return .command(
            ["kubectl " + BashText.words(["create"] + namespaceFlag + ["-f", "-"]) + " <<'\(doc.delimiter)'"]
                + doc.lines,
            changesCluster: true, notes: [note])
    }

    /// `scale sts web 3` and `scale sts 3` (the only one) in kubectl's words.
    func scale(_ s: ScaleCommand) -> Translation {
        let target = s.name.map { [KindWord.of(s.kind), $0.text] } ?? [KindWord.of(s.kind), "--all"]
        return .command(
            ["kubectl " + BashText.words(["scale"] + target + namespaceFlag + ["--replicas=\(s.replicas)"])],
            changesCluster: true)
    }

    func patch(_ kind: ResourceKind, _ name: String, _ change: PatchChange) -> Translation {
        switch change {
        case .document, .subresource: return asWritten(changesCluster: true)
        case .replicas(let n):
            return .command(
                [
                    "kubectl "
                        + BashText.words(
                            ["patch", KindWord.of(kind), name] + namespaceFlag + [
                                "-p", "{\"spec\":{\"replicas\":\(n)}}",
                            ])
                ], changesCluster: true, notes: ["patch --replicas is stsim's shortcut for this patch"])
        case .image(let image):
            return .command(
                [
                    "kubectl "
                        + BashText.words(
                            ["set", "image", "\(KindWord.of(kind))/\(name)"] + namespaceFlag
                                + ["\(image.container)=\(image.image)"])
                ], changesCluster: true, notes: ["patch --image is stsim's shortcut for set image"])
        }
    }

    /// A script has no editor: stsim's `edit` takes the edited object from a here-document,
    /// which is kubectl replace.
    func edit(_ kind: ResourceKind, _ name: String, _ replacement: ManifestSource?) -> Translation {
        guard let replacement else {
            return .skip(whereText, written, how: "kubectl edit \(KindWord.of(kind)) \(name) opens an editor")
        }
        var t = manifests(replacement, verb: "replace", flags: namespaceFlag)
        t.notes.append("edit with the new object in a here-document is kubectl replace")
        return t
    }

    func rollout(_ r: RolloutCommand) -> Translation {
        switch r.action {
        case .status, .history, .pause, .resume: asWritten()
        case .undo, .restart: asWritten(changesCluster: true)
        }
    }

    func config(_ action: ConfigAction) -> Translation {
        if case .useContext = action {
            return .skip(
                whereText, written, how: "the context is the cluster's own (kubectl config use-context kind-kind)")
        }
        return asWritten()
    }

    /// `events`: kubectl events has no `--since`; the rest are its flags.
    func events(_ e: EventsCommand) -> Translation {
        var args = ["events"] + namespaceFlag
        if let r = e.regarding { args += ["--for", "\(KindWord.of(r.kind))/\(r.name)"] }
        if !e.types.isEmpty { args += ["--types", e.types.joined(separator: ",")] }
        if e.allNamespaces { args.append("-A") }
        let notes = e.since == nil ? [] : ["kubectl events has no --since: every event is listed"]
        return .command(["kubectl " + BashText.words(args)], notes: notes)
    }
}

/// The kind as kubectl reads it in commands: its lowercase name (`statefulset`, `pod`).
enum KindWord {
    static func of(_ kind: ResourceKind) -> String { kind.kind.lowercased() }
}

extension ManifestSource {
    /// How many kubectl commands the source becomes (one per file).
    var commandCount: Int {
        switch self {
        case .inline: 1
        case .files(let paths, _): paths.count
        }
    }
}
