import StsimEngine

/// Changing objects: apply, scale, delete, edit and patch.
extension ResourceCommands {
    static let apply = CommandSpec(
        "apply", group: .resources,
        usage: ["apply -f FILE", "apply <<EOF ... EOF"],
        summary: "create or update objects from a manifest",
        examples: [
            "apply -f web.yaml", "apply <<EOF\napiVersion: v1\nkind: Service\n...\nEOF",
            "apply -f web.yaml --dry-run=server -o yaml",
        ],
        flags: [Common.filename, Common.recursive, Common.namespace] + Common.writeFlags
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (source, options) = try Common.manifestWrite(&args, example: "apply -f web.yaml")
        return .apply(source, options)
    }

    static let scale = CommandSpec(
        "scale", group: .resources,
        usage: ["scale sts NAME N", "scale sts NAME --replicas=N", "scale sts N"],
        summary: "change the number of replicas of a StatefulSet or ReplicaSet",
        details: "`scale sts N` works when exactly one StatefulSet exists.",
        examples: ["scale sts web 3", "scale sts web --replicas=1", "kubectl scale sts kubia --replicas=3"],
        flags: [FlagSpec("replicas", value: "N", help: "the new number of replicas"), Common.namespace],
        positionals: [.choices(["sts", "rs"]), .objectNames(kindArgument: 0), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let kindWord = args.peek() ?? args.commandWord
        let (kind, names) = try kindAndNames(&args, what: "KIND (sts or rs)")
        guard kind == .statefulSet || kind == .replicaSet else {
            throw Diagnostic(at: kindWord.location, "scale works on sts and rs, not \(kind.plural)")
        }
        var rest = names
        var replicas: Argument?
        if let r = args.flag("replicas") { replicas = r }
        if replicas == nil, let last = rest.last, Int(last.text) != nil {
            replicas = rest.removeLast()
        }
        if replicas == nil, rest.count == 2 {
            // `scale sts web three`: the count is there, but not a number.
            _ = try ParsedArguments.integer(rest[1], what: "the number of replicas")
        }
        guard let replicas else {
            throw Diagnostic(
                at: args.endLocation, "scale: missing the number of replicas",
                hint: "usage: scale sts NAME N, or scale sts NAME --replicas=N")
        }
        if rest.count > 1 {
            throw Diagnostic(
                at: rest[1].location, "scale: unexpected argument \"\(rest[1].text)\"",
                hint: "usage: scale sts NAME N")
        }
        let n = try ParsedArguments.replicaCount(replicas, what: "the number of replicas")
        if n < 0 {
            throw Diagnostic(
                at: replicas.location,
                "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        return .scale(ScaleCommand(kind: kind, name: rest.first, replicas: n, replicasLocation: replicas.location))
    }

    static let delete = CommandSpec(
        "delete", group: .resources,
        usage: [
            "delete KIND NAME... [--force] [--grace-period S] [--wait=false]", "delete KIND -l SELECTOR",
            "delete KIND NAME --cascade=background|foreground|orphan",
            "delete -f FILE",
        ],
        summary: "delete objects (pods gracefully, unless --force --grace-period 0)",
        details: """
            Like kubectl, a pod delete waits until the pod is gone (the clock runs meanwhile);
            --wait=false returns at once. --force --grace-period 0 removes the object immediately,
            without waiting for its container to stop: the container may still be running.
            --cascade says what becomes of the objects it owns: background (the default) removes
            the owner at once and lets the garbage collector delete them; foreground keeps the
            owner, with a foregroundDeletion finalizer, until they are gone; orphan leaves them,
            without the owner reference.
            """,
        examples: [
            "delete pod web-0", "delete pod web-0 --force --grace-period 0", "delete pvc -l app=web",
            "delete sts web", "delete sts web --cascade=orphan",
        ],
        flags: [
            Common.filename, Common.recursive, Common.selector,
            FlagSpec("all", help: "every object of the kind"),
            FlagSpec("force", help: "remove the object at once, without confirmation the container stopped"),
            FlagSpec("grace-period", value: "SECONDS", help: "seconds to let the container stop"),
            FlagSpec("now", help: "same as --grace-period=1"),
            FlagSpec("ignore-not-found", help: "an object that is not there is not an error"),
            FlagSpec("wait", value: nil, help: "wait for the object to be gone (default true; --wait=false)"),
            FlagSpec(
                "cascade", value: nil, help: "background (default), foreground or orphan: what becomes of owned objects"
            ),
            Common.namespace, Common.allNamespaces,
        ],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        var grace: Int?
        if let g = args.flag("grace-period") {
            grace = try ParsedArguments.integer(g, what: "--grace-period")
        }
        let force = try args.bool("force")
        let wait = try args.bool("wait", default: true)
        let now = try args.bool("now")
        let target: DeleteCommand.Target
        if let source = try Common.manifestSource(args) {
            try args.finish()
            target = .manifests(source)
        } else {
            let groups = try objectGroups(&args, what: "KIND", commaKinds: true)
            let kinds = groups.map(\.kind)
            let names = groups.flatMap(\.names)
            try refuseNamesInEveryNamespace(args, names)
            if let name = names.first, args.flag("selector") != nil || args.has("all") {
                throw Diagnostic(at: name.location, "name cannot be provided when a selector is specified")
            }
            if let sel = args.flag("selector") {
                target = .selector(kinds, sel.text)
            } else if try args.bool("all") {
                target = .all(kinds)
            } else {
                guard !names.isEmpty else {
                    // kubectl's resource builder, for a kind with neither names nor a selector.
                    throw Diagnostic(
                        at: args.endLocation, "resource(s) were provided, but no name was specified",
                        hint: "name the \(kinds[0].singular) to delete, or use -l SELECTOR or --all")
                }
                target = .objects(groups)
            }
        }
        var command = DeleteCommand(
            target: target, force: force, gracePeriodSeconds: grace, wait: wait, now: now,
            namespace: Common.namespace(args))
        command.allNamespaces = try args.bool("all-namespaces")
        command.ignoreNotFound = try args.bool("ignore-not-found")
        try cascade(args, into: &command)
        return .delete(command)
    }

    /// kubectl's GetCascadingStrategy: the boolean forms still work, with a deprecation warning.
    private static func cascade(_ args: ParsedArguments, into command: inout DeleteCommand) throws(Diagnostic) {
        guard let a = args.flag("cascade") else { return }
        switch a.text.lowercased() {
        case "", "background": command.cascade = .background
        case "foreground": command.cascade = .foreground
        case "orphan": command.cascade = .orphan
        case "true":
            command.cascadeDeprecated =
                "warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background."
        case "false":
            command.cascade = .orphan
            command.cascadeDeprecated =
                "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan."
        default:
            throw Diagnostic(
                at: a.location,
                "invalid cascade value (\(a.text)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
    }

    static let edit = CommandSpec(
        "edit", group: .resources, usage: ["edit KIND NAME", "edit KIND NAME <<EOF ... EOF"],
        summary: "edit an object's YAML in $EDITOR (in a script: the edited YAML as a here-document)",
        details: """
            Opens $EDITOR (vi when unset) on the object as YAML. On saving, the object is checked as
            the API server would; if it is refused, the file opens again with the errors as comments
            at the top. Saving it unchanged cancels the edit. A script has no editor: the object as
            edited follows as a here-document (get it with get KIND NAME -o yaml, change it, paste
            it), and a refused edit fails with the reasons.
            """,
        examples: ["edit sts web", "edit sts web <<EOF\napiVersion: apps/v1\nkind: StatefulSet\n...\nEOF"],
        flags: [Common.namespace],
        positionals: [.kinds, .objectNames(kindArgument: 0)],
        readsHereDocument: true
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, name) = try oneObject(&args, command: "edit")
        let replacement = args.hereDocument.map {
            ManifestSource.inline(text: $0.text, name: args.file, firstLine: $0.firstLine)
        }
        return .edit(kind: kind, name: name, namespace: Common.namespace(args), replacement: replacement)
    }

    static let patch = CommandSpec(
        "patch", group: .resources,
        usage: [
            "patch KIND NAME -p '{json patch}' [--type strategic|merge]", "patch sts NAME --replicas N",
            "patch sts NAME --image C=IMG",
        ],
        summary: "change fields of an object",
        details: """
            -p takes a patch in JSON (or YAML). The default --type strategic merges lists of
            containers, ports, env and volumes by their names, as kubectl does; --type merge is
            RFC 7386, where a list replaces the whole list. null removes a field.
            """,
        examples: [
            "patch sts web -p '{\"spec\":{\"replicas\":2}}'", "patch sts web --replicas 3",
            "patch sts web --image nginx=nginx:1.27",
            "patch sts web --type merge -p '{\"metadata\":{\"labels\":{\"tier\":null}}}'",
            "patch sts web --type json -p '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]'",
            "patch sts web --subresource scale -p '{\"spec\":{\"replicas\":2}}'",
        ],
        flags: [
            FlagSpec("patch", short: "p", value: "JSON", help: "the patch"),
            FlagSpec(
                "type", value: "TYPE", help: "strategic (the default), merge (RFC 7386) or json (RFC 6902)",
                completion: .choices(PatchFormat.allCases.map(\.rawValue))),
            FlagSpec("replicas", value: "N", help: "shortcut: set spec.replicas"),
            FlagSpec("image", value: "C=IMG", help: "shortcut: set container C's image in the pod template"),
            FlagSpec(
                "subresource", value: "NAME", help: "patch the object's scale or status subresource (with -p)",
                completion: .choices(["scale", "status"])),
            Common.namespace,
        ],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, name) = try oneObject(&args, command: "patch")
        let subresource = try patchSubresource(args)
        var changes: [PatchChange] = []
        var format = PatchFormat.strategic
        if let t = args.flag("type") { format = try args.choice(t, of: PatchFormat.allCases, what: "--type") }
        if let p = args.flag("patch") {
            changes.append(
                subresource.map { .subresource($0, p.text, type: format) } ?? .document(p.text, type: format))
        }
        if let r = args.flag("replicas") {
            let n = try ParsedArguments.replicaCount(r, what: "--replicas")
            changes.append(.replicas(n))
        }
        if let i = args.flag("image") { changes.append(.image(try containerImage(i))) }
        guard changes.count == 1 else {
            throw Diagnostic(
                at: args.endLocation,
                changes.isEmpty
                    ? "patch needs -p PATCH, --replicas N or --image C=IMG"
                    : "patch takes one of -p, --replicas and --image at a time",
                hint:
                    "for example: patch \(kind == .statefulSet ? "sts" : kind.singular) \(name.text) -p '{\"spec\":{\"replicas\":2}}'"
            )
        }
        return .patch(kind: kind, name: name, change: changes[0], namespace: Common.namespace(args))
    }

    /// `--subresource scale|status`, kubectl's two; only with -p.
    private static func patchSubresource(_ args: ParsedArguments) throws(Diagnostic) -> PatchSubresource? {
        guard let sub = args.flag("subresource") else { return nil }
        guard let s = PatchSubresource(rawValue: sub.text) else {
            throw Diagnostic(
                at: sub.location, "invalid subresource value: \"\(sub.text)\". Must be one of [status scale]")
        }
        guard args.flag("replicas") == nil, args.flag("image") == nil else {
            throw Diagnostic(at: sub.location, "--subresource goes with -p PATCH, not with --replicas or --image")
        }
        return s
    }
}
