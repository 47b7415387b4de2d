import StsimEngine

/// Cluster and resources: create, apply, get, describe, scale, delete, and their kin.
enum ResourceCommands {
    static let specs: [CommandSpec] = [
        create, apply, get, describe, scale, delete, edit, patch, rollout,
        cordon, uncordon, drain, taint,
    ]

    /// `KIND/NAME` or `KIND NAME...`: splits the first form, leaves the second to the caller.
    static func kindAndNames(_ args: inout ParsedArguments, what: String) throws(Diagnostic)
        -> (ResourceKind, [Argument])
    {
        let first = try args.next(what)
        if let slash = first.text.firstIndex(of: "/") {
            let kindText = String(first.text[..<slash])
            let kind = try ParsedArguments.kind(Argument(kindText, at: first.location))
            var nameLocation = first.location
            nameLocation.column += kindText.count + 1
            var names = [Argument(String(first.text[first.text.index(after: slash)...]), at: nameLocation)]
            // kubectl also takes several KIND/NAME words; stsim keeps them to one kind.
            while let more = args.peek(), more.text.contains("/") {
                _ = args.nextIfAny()
                let parts = more.text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                    .map(String.init)
                let k = try ParsedArguments.kind(Argument(parts[0], at: more.location))
                guard k == kind else {
                    throw Diagnostic(at: more.location, "\(args.spec.name) takes one kind at a time here")
                }
                var l = more.location
                l.column += parts[0].count + 1
                names.append(Argument(parts.count > 1 ? parts[1] : "", at: l))
            }
            // Words after the KIND/NAME words are the command's (`wait pod/web-0 Ready`, `scale sts/web 3`).
            return (kind, names + args.rest())
        }
        return (try ParsedArguments.kind(first), args.rest())
    }

    static let create = CommandSpec(
        "create", group: .resources,
        usage: [
            "create -f FILE",
            "create sts NAME --image IMG [--replicas N] [--service SVC] [--storage 1Mi] [--policy OrderedReady|Parallel]",
            "create svc headless NAME --selector k=v --port 80",
            "create pv NAME --capacity 1Mi [--access RWO] [--reclaim Retain|Delete|Recycle] [--class C]",
            "create node NAME [--zone Z]",
        ],
        summary: "create objects from a manifest, or with a shortcut",
        details: """
            With -f, every document in the file is created (YAML or JSON, `---` separated, or a List);
            an object that already exists is an error, as with kubectl. A here-document carries the
            manifest inside a script: create <<EOF ... EOF.
            """,
        examples: [
            "create -f kubia-statefulset.yaml",
            "create sts web --image nginx --replicas 3 --service nginx --storage 1Mi",
            "create svc headless nginx --selector app=web --port 80",
            "create pv pv-a --capacity 1Mi --reclaim Recycle",
        ],
        flags: [
            Common.filename, FlagSpec("image", value: "IMG", help: "container image (sts)"),
            FlagSpec("replicas", value: "N", help: "number of replicas (sts, default 1)"),
            FlagSpec("service", value: "SVC", help: "governing service name (sts)"),
            FlagSpec("storage", value: "SIZE", help: "a claim template of this size, named data (sts)"),
            FlagSpec(
                "policy", value: "POLICY", help: "pod management policy (sts)",
                completion: .choices(["OrderedReady", "Parallel"])),
            FlagSpec("selector", value: "k=v", help: "selector (svc)"),
            FlagSpec("port", value: "PORT", help: "port (svc)"),
            FlagSpec("capacity", value: "SIZE", help: "capacity (pv)"),
            FlagSpec(
                "access", value: "MODES", help: "access modes, e.g. RWO or RWO,ROX (pv)",
                completion: .choices(["RWO", "ROX", "RWX", "RWOP"])),
            FlagSpec(
                "reclaim", value: "POLICY", help: "reclaim policy (pv)",
                completion: .choices(["Retain", "Delete", "Recycle"])),
            FlagSpec("class", value: "CLASS", help: "storage class name (pv)"),
            FlagSpec("zone", value: "ZONE", help: "topology.kubernetes.io/zone label (node)"),
            Common.namespace,
        ],
        positionals: [.choices(["sts", "svc", "pv", "node"]), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if let source = try Common.manifestSource(args) {
            try args.finish()
            return .create(.manifests(source))
        }
        guard let what = args.nextIfAny() else {
            throw Diagnostic(
                at: args.commandWord.location, "create needs -f FILE or what to create",
                hint: "try: create -f FILE, create sts NAME --image IMG, help create")
        }
        let kind = ResourceKind(name: what.text)
        switch kind {
        case .statefulSet:
            let name = try args.next("NAME")
            guard let image = args.flag("image") else {
                throw Diagnostic(
                    at: name.location, "create sts needs --image IMG",
                    hint: "for example: create sts \(name.text) --image nginx")
            }
            let replicas =
                try args.flag("replicas").map { (r) throws(Diagnostic) in
                    try ParsedArguments.replicaCount(r, what: "--replicas")
                } ?? 1
            if replicas < 0, let r = args.flag("replicas") {
                throw Diagnostic(at: r.location, "--replicas must be 0 or more")
            }
            var policy: String?
            if let p = args.flag("policy") {
                policy = try args.choice(p, of: ["OrderedReady", "Parallel"], what: "--policy")
            }
            // Checked here: the claim template would otherwise get no size at all.
            if let s = args.flag("storage"), Quantity(s.text) == nil {
                throw Diagnostic(
                    at: s.location, "--storage \"\(s.text)\" is not a quantity",
                    hint: "write it like 1Mi, 10Gi or 500M")
            }
            try args.finish()
            return .create(
                .statefulSet(
                    name: name, image: image.text, replicas: replicas,
                    service: args.flag("service")?.text, storage: args.flag("storage")?.text,
                    policy: policy))
        case .service:
            let type = try args.next("the service type (headless)")
            guard type.text == "headless" || type.text == "clusterip" else {
                throw Diagnostic(
                    at: type.location, "create svc makes headless services: create svc headless NAME",
                    hint: Suggestion.hint(for: type.text, in: ["headless"]))
            }
            let name = try args.next("NAME")
            guard let sel = args.flag("selector") else {
                throw Diagnostic(at: name.location, "create svc headless needs --selector k=v")
            }
            var selector: [String: String] = [:]
            for pair in sel.text.split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, !kv[0].isEmpty else {
                    throw Diagnostic(at: sel.location, "--selector takes k=v pairs separated by commas")
                }
                selector[kv[0]] = kv[1]
            }
            let port = try args.int("port") ?? 80
            try args.finish()
            return .create(.headlessService(name: name, selector: selector, port: port))
        case .persistentVolume:
            let name = try args.next("NAME")
            guard let capacity = args.flag("capacity") else {
                throw Diagnostic(at: name.location, "create pv needs --capacity SIZE, e.g. --capacity 1Mi")
            }
            let access = (args.flag("access")?.text ?? "RWO").split(separator: ",").map(String.init)
            var reclaim = "Retain"
            if let r = args.flag("reclaim") {
                reclaim = try args.choice(r, of: ["Retain", "Delete", "Recycle"], what: "--reclaim")
            }
            try args.finish()
            return .create(
                .persistentVolume(
                    name: name, capacity: capacity.text, accessModes: access,
                    reclaimPolicy: reclaim, storageClass: args.flag("class")?.text))
        case .node:
            let name = try args.next("NAME")
            try args.finish()
            return .create(.node(name: name, zone: args.flag("zone")?.text))
        default:
            throw Diagnostic(
                at: what.location, "create makes sts, svc, pv or node, not \"\(what.text)\"",
                hint: Suggestion.hint(for: what.text, in: ["sts", "svc", "pv", "node"])
                    ?? "for other kinds write a manifest: create -f FILE")
        }
    }

    static let apply = CommandSpec(
        "apply", group: .resources,
        usage: ["apply -f FILE", "apply <<EOF ... EOF"],
        summary: "create or update objects from a manifest",
        examples: ["apply -f web.yaml", "apply <<EOF\napiVersion: v1\nkind: Service\n...\nEOF"],
        flags: [Common.filename, Common.namespace]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        guard let source = try Common.manifestSource(args) else {
            throw Diagnostic(
                at: args.commandWord.location, "apply needs -f FILE or a here-document",
                hint: "for example: apply -f web.yaml")
        }
        try args.finish()
        return .apply(source)
    }

    static let get = CommandSpec(
        "get", group: .resources,
        usage: ["get KIND[,KIND...] [NAME...] [-o wide|yaml|json|name] [-l SELECTOR] [-w]", "get all"],
        summary: "list objects in kubectl's columns",
        examples: [
            "get pods", "get sts,pvc", "get pods -o wide", "get pod web-0 -o yaml", "get pods -l app=web",
            "get all",
        ],
        flags: [
            FlagSpec(
                "output", short: "o", value: "FORMAT", help: "wide, yaml, json or name",
                completion: .choices(["wide", "yaml", "json", "name"])),
            Common.selector,
            FlagSpec("watch", short: "w", help: "after the list, follow changes until the cluster settles"),
            FlagSpec("all-namespaces", short: "A", help: "every namespace"),
            FlagSpec("show-labels", help: "add a LABELS column"),
            Common.namespace,
        ],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let first = try args.next("KIND")
        var kinds: [ResourceKind] = []
        var names: [Argument] = []
        if first.text == "all" {
            kinds = [.pod, .service, .replicaSet, .statefulSet]
        } else if first.text.contains("/") {
            args.pushBack(first)
            let (k, n) = try kindAndNames(&args, what: "KIND")
            kinds = [k]
            names = n
        } else {
            var column = first.location.column
            for part in first.text.split(separator: ",", omittingEmptySubsequences: false) {
                var l = first.location
                l.column = column
                kinds.append(try ParsedArguments.kind(Argument(String(part), at: l)))
                column += part.count + 1
            }
        }
        names += args.rest()
        var output = OutputFormat.table
        if let o = args.flag("output") {
            let text = try args.choice(o, of: ["wide", "yaml", "json", "name"], what: "-o")
            output = OutputFormat(rawValue: text) ?? .table
        }
        return .get(
            GetCommand(
                kinds: kinds, names: names, output: output, selector: args.flag("selector")?.text,
                watch: try args.bool("watch"), allNamespaces: try args.bool("all-namespaces"),
                showLabels: try args.bool("show-labels"), namespace: Common.namespace(args)))
    }

    static let describe = CommandSpec(
        "describe", group: .resources,
        usage: ["describe KIND [NAME...]", "describe KIND/NAME"],
        summary: "show one object in detail, with its events (and why a StatefulSet is stuck)",
        examples: ["describe sts web", "describe pod web-0", "describe pvc data-web-0"],
        flags: [Common.selector, Common.namespace],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, names) = try kindAndNames(&args, what: "KIND")
        return .describe(kind: kind, names: names, selector: args.flag("selector")?.text)
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
            throw Diagnostic(at: replicas.location, "the number of replicas must be 0 or more")
        }
        return .scale(ScaleCommand(kind: kind, name: rest.first, replicas: n, replicasLocation: replicas.location))
    }

    static let delete = CommandSpec(
        "delete", group: .resources,
        usage: [
            "delete KIND NAME... [--force] [--grace-period S] [--wait=false]", "delete KIND -l SELECTOR",
            "delete -f FILE",
        ],
        summary: "delete objects (pods gracefully, unless --force --grace-period 0)",
        details: """
            Like kubectl, a pod delete waits until the pod is gone (the clock runs meanwhile);
            --wait=false returns at once. --force --grace-period 0 removes the object immediately,
            without waiting for its container to stop: the container may still be running.
            """,
        examples: [
            "delete pod web-0", "delete pod web-0 --force --grace-period 0", "delete pvc -l app=web",
            "delete sts web",
        ],
        flags: [
            Common.filename, Common.selector,
            FlagSpec("all", help: "every object of the kind"),
            FlagSpec("force", help: "remove the object at once, without confirmation the container stopped"),
            FlagSpec("grace-period", value: "SECONDS", help: "seconds to let the container stop"),
            FlagSpec("now", help: "same as --grace-period=1"),
            FlagSpec("wait", value: nil, help: "wait for the object to be gone (default true; --wait=false)"),
            Common.namespace,
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
            let (kind, names) = try kindAndNames(&args, what: "KIND")
            if let sel = args.flag("selector") {
                target = .selector(kind, sel.text)
            } else if try args.bool("all") {
                target = .all(kind)
            } else {
                guard !names.isEmpty else {
                    throw Diagnostic(
                        at: args.endLocation, "delete: name the \(kind.singular) to delete",
                        hint: "or use -l SELECTOR or --all")
                }
                target = .objects(kind, names)
            }
        }
        return .delete(
            DeleteCommand(
                target: target, force: force, gracePeriodSeconds: grace, wait: wait, now: now,
                namespace: Common.namespace(args)))
    }

    static let edit = CommandSpec(
        "edit", group: .resources, usage: ["edit KIND NAME"],
        summary: "edit an object's YAML in $EDITOR (at the prompt; scripts use patch)",
        details: """
            Opens $EDITOR (vi when unset) on the object as YAML. On saving, the object is checked as
            the API server would; if it is refused, the file opens again with the errors as comments
            at the top. Saving it unchanged cancels the edit.
            """,
        examples: ["edit sts web"],
        flags: [Common.namespace],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, name) = try oneObject(&args, command: "edit")
        return .edit(kind: kind, name: name, namespace: Common.namespace(args))
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
        ],
        flags: [
            FlagSpec("patch", short: "p", value: "JSON", help: "the patch"),
            FlagSpec(
                "type", value: "TYPE", help: "strategic (the default) or merge",
                completion: .choices(["strategic", "merge"])),
            FlagSpec("replicas", value: "N", help: "shortcut: set spec.replicas"),
            FlagSpec("image", value: "C=IMG", help: "shortcut: set container C's image in the pod template"),
            Common.namespace,
        ],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, name) = try oneObject(&args, command: "patch")
        var changes: [PatchChange] = []
        var strategic = true
        if let t = args.flag("type") {
            if t.text == "json" {
                throw Diagnostic(
                    at: t.location, "patch --type json (RFC 6902) is not supported by stsim",
                    hint: "write the change as a merge patch: --type merge -p '{...}'")
            }
            strategic = try args.choice(t, of: ["strategic", "merge"], what: "--type") == "strategic"
        }
        if let p = args.flag("patch") { changes.append(.document(p.text, strategic: strategic)) }
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

    /// `KIND NAME` or `KIND/NAME`, exactly one object.
    static func oneObject(_ args: inout ParsedArguments, command: String) throws(Diagnostic) -> (ResourceKind, Argument)
    {
        let (kind, names) = try kindAndNames(&args, what: "KIND")
        guard let name = names.first else {
            throw Diagnostic(
                at: args.endLocation, "\(command): name the \(kind.singular)",
                hint: "usage: \(command) \(kind.singular) NAME")
        }
        if names.count > 1 {
            throw Diagnostic(at: names[1].location, "\(command) takes one object, not \"\(names[1].text)\" as well")
        }
        return (kind, name)
    }

    /// `C=IMG`.
    static func containerImage(_ a: Argument) throws(Diagnostic) -> ContainerImage {
        let parts = a.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw Diagnostic(
                at: a.location, "expected CONTAINER=IMAGE, not \"\(a.text)\"",
                hint: "for example: nginx=nginx:1.27 (the container's name, then the image; * for every container)")
        }
        return ContainerImage(container: parts[0], image: parts[1], location: a.location)
    }

    static let rollout = CommandSpec(
        "rollout", group: .resources, usage: ["rollout status|history|undo|restart sts NAME"],
        summary: "follow or steer a template update", examples: ["rollout status sts web"],
        positionals: [.choices(["status", "history", "undo", "restart"]), .kinds, .objectNames(kindArgument: 1)],
        plannedWith: "rolling updates"
    ) { (_: inout ParsedArguments) throws(Diagnostic) -> Command in .unavailable(name: "rollout", plannedWith: "") }

    static let cordon = CommandSpec(
        "cordon", group: .faults, usage: ["cordon NODE"], summary: "mark a node unschedulable",
        details: "New pods are no longer placed there; the pods it runs stay. get nodes says Ready,SchedulingDisabled.",
        examples: ["cordon node-1"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .cordon(node: try oneNode(&args), unschedulable: true)
    }

    static let uncordon = CommandSpec(
        "uncordon", group: .faults, usage: ["uncordon NODE"], summary: "mark a node schedulable again",
        examples: ["uncordon node-1"], positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .cordon(node: try oneNode(&args), unschedulable: false)
    }

    static let drain = CommandSpec(
        "drain", group: .faults, usage: ["drain NODE"], summary: "cordon a node and evict its pods",
        details: """
            Cordons the node, then evicts each of its pods through the Eviction API and waits until
            they are gone, as kubectl drain does. A StatefulSet recreates a pod with the same name
            elsewhere once the old one is gone; its claim goes with it.
            """,
        examples: ["drain node-1", "drain node-1 --ignore-daemonsets --delete-emptydir-data"],
        // Accepted as kubectl users type them; stsim runs no DaemonSets and no emptyDir data.
        flags: [
            FlagSpec("force", help: "also evict pods no controller will recreate"),
            FlagSpec("ignore-daemonsets", help: "accepted (stsim runs no DaemonSets)"),
            FlagSpec("delete-emptydir-data", help: "accepted (stsim pods have no emptyDir data)"),
        ],
        positionals: [.nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let force = try args.bool("force")
        return .drain(node: try oneNode(&args), force: force)
    }

    static let taint = CommandSpec(
        "taint", group: .faults, usage: ["taint node NODE KEY=VALUE:EFFECT", "taint node NODE KEY[:EFFECT]-"],
        summary: "add or remove a node taint",
        details: """
            EFFECT is NoSchedule, PreferNoSchedule or NoExecute. A NoExecute taint evicts the pods that
            do not tolerate it. The out-of-service taint on a NotReady node also lets the pods there
            be force-deleted and their volumes detached (non-graceful node shutdown).
            """,
        examples: [
            "taint node node-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute",
            "taint node node-1 node.kubernetes.io/out-of-service-",
        ],
        positionals: [.choices(["node"]), .nodes]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let kind = try args.next("node NODE")
        guard kind.text == "node" || kind.text == "nodes" || kind.text == "no" else {
            throw Diagnostic(
                at: kind.location, "taint works on nodes, not \"\(kind.text)\"", hint: "usage: \(args.spec.usage[0])")
        }
        let node = try args.next("NODE")
        let spec = try args.next("KEY=VALUE:EFFECT")
        try args.finish()
        return .taint(node: node, try TaintText.parse(spec))
    }

    static func oneNode(_ args: inout ParsedArguments) throws(Diagnostic) -> Argument {
        let node = try args.next("NODE")
        try args.finish()
        return node
    }
}
