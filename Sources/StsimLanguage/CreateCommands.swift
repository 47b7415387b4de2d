import StsimEngine

/// `create -f FILE`, and the imperative shortcuts `create sts|svc|pv|node`, each a sub-command
/// with only the flags it reads.
extension ResourceCommands {
    static let create = CommandSpec(
        "create", group: .resources, usage: ["create -f FILE"],
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
            "create pdb web-pdb --selector app=web --min-available 2",
            "create configmap app-config --from-literal color=blue",
            "create secret generic db --from-literal password=s3cret",
            "create serviceaccount builder",
        ],
        flags: [Common.filename, Common.recursive, Common.namespace] + Common.writeFlags,
        positionals: [.choices(createWords), .none],
        subcommands: [
            createStatefulSet, createService, createVolume, createNode, createNamespace, createDisruptionBudget,
            createConfigMap, createSecret, createServiceAccount,
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if let source = try Common.manifestSource(args) {
            let options = try Common.writeOptions(args)
            try args.finish()
            return .create(.manifests(source, options))
        }
        guard let what = args.nextIfAny() else {
            throw Diagnostic(
                at: args.commandWord.location, "create needs -f FILE or what to create",
                hint: "try: create -f FILE, create sts NAME --image IMG, help create")
        }
        throw Diagnostic(
            at: what.location,
            "create makes sts, svc, pv, node, namespace, pdb, configmap, secret or serviceaccount, not \"\(what.text)\"",
            hint: Suggestion.hint(for: what.text, in: createWords)
                ?? "for other kinds write a manifest: create -f FILE")
    }

    static let createWords = ["sts", "svc", "pv", "node", "namespace", "pdb", "configmap", "secret", "serviceaccount"]

    static let createStatefulSet = CommandSpec(
        "sts", aliases: ["statefulset", "statefulsets"], group: .resources,
        summary: "a StatefulSet with one container", examples: ["create sts web --image nginx --replicas 3"],
        flags: [
            FlagSpec("image", value: "IMG", help: "container image", required: true),
            FlagSpec("replicas", value: "N", help: "number of replicas (default 1)"),
            FlagSpec("service", value: "SVC", help: "governing service name"),
            FlagSpec("storage", value: "SIZE", help: "a claim template of this size, named data"),
            FlagSpec(
                "policy", value: "POLICY", help: "pod management policy",
                completion: .choices(["OrderedReady", "Parallel"])),
            Common.namespace,
        ],
        positionals: [.none], arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
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
                at: s.location, "--storage \"\(s.text)\" is not a quantity", hint: "write it like 1Mi, 10Gi or 500M")
        }
        try args.finish()
        return .create(
            .statefulSet(
                name: name, image: image.text, replicas: replicas,
                service: args.flag("service")?.text, storage: args.flag("storage")?.text, policy: policy))
    }

    static let createService = CommandSpec(
        "svc", aliases: ["service", "services"], group: .resources,
        summary: "a headless Service, or kubectl's create service clusterip",
        examples: [
            "create svc headless nginx --selector app=web --port 80", "create service clusterip my-svc --tcp=80:8080",
            "create service clusterip my-svc --tcp=80:80 --dry-run=client -o yaml",
        ],
        flags: [
            FlagSpec("selector", value: "k=v", help: "(headless) the pods it selects"),
            FlagSpec("port", value: "PORT", help: "(headless) port (default 80)"),
            FlagSpec("tcp", value: "PORT:TARGET", help: "(clusterip) a port and its target port; repeat it for more"),
            FlagSpec("clusterip", value: "IP", help: "(clusterip) the cluster IP; None makes it headless"),
            Common.namespace,
        ] + Common.writeFlags,
        positionals: [.choices(["headless", "clusterip"]), .none], arguments: "headless|clusterip NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let type = try args.next("the service type (headless or clusterip)")
        guard type.text == "headless" || type.text == "clusterip" else {
            throw Diagnostic(
                at: type.location, "create svc makes headless and clusterip services: create svc headless NAME",
                hint: Suggestion.hint(for: type.text, in: ["headless", "clusterip"]))
        }
        let name = try args.next("NAME")
        if type.text == "clusterip" { return try clusterIPService(name, &args) }
        for flag in ["tcp", "clusterip", "dry-run", "output"] {
            if let f = args.flag(flag) {
                throw Diagnostic(
                    at: f.location, "--\(flag) belongs to create service clusterip",
                    hint: "create service clusterip \(name.text) --tcp=80:80")
            }
        }
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
    }

    /// kubectl's create service clusterip: `--tcp PORT:TARGET` (at least one, unless
    /// `--clusterip=None`), the name as the `app` label and selector.
    private static func clusterIPService(_ name: Argument, _ args: inout ParsedArguments) throws(Diagnostic) -> Command
    {
        for flag in ["selector", "port"] {
            if let f = args.flag(flag) {
                throw Diagnostic(
                    at: f.location, "create service clusterip has no --\(flag)",
                    hint: "it selects app=\(name.text); ports are --tcp=PORT:TARGET")
            }
        }
        var ports: [(port: Int, target: String)] = []
        for tcp in args.all("tcp") {
            let parts = tcp.text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard let port = Int(parts[0]), parts.count <= 2 else {
                throw Diagnostic(at: tcp.location, "invalid port \"\(tcp.text)\": PORT or PORT:TARGET")
            }
            ports.append((port, parts.count == 2 ? parts[1] : parts[0]))
        }
        let clusterIP = args.flag("clusterip")?.text
        if ports.isEmpty, clusterIP != "None" {
            throw Diagnostic(
                at: name.location, "at least one tcp port specifier must be provided",
                hint: "create service clusterip \(name.text) --tcp=80:80")
        }
        let options = try Common.writeOptions(args)
        try args.finish()
        return .create(
            .clusterIPService(
                name: name, ports: ports.map { [$0.port: $0.target] }, clusterIP: clusterIP,
                namespace: Common.namespace(args), options: options))
    }

    static let createVolume = CommandSpec(
        "pv", aliases: ["persistentvolume", "persistentvolumes"], group: .resources,
        summary: "a PersistentVolume", examples: ["create pv pv-a --capacity 1Mi --reclaim Recycle"],
        flags: [
            FlagSpec("capacity", value: "SIZE", help: "capacity", required: true),
            FlagSpec(
                "access", value: "MODES", help: "access modes, e.g. RWO or RWO,ROX (default RWO)",
                completion: .choices(["RWO", "ROX", "RWX", "RWOP"])),
            FlagSpec(
                "reclaim", value: "POLICY", help: "reclaim policy (default Retain)",
                completion: .choices(["Retain", "Delete", "Recycle"])),
            FlagSpec("class", value: "CLASS", help: "storage class name"),
        ],
        positionals: [.none], arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
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
                name: name, capacity: capacity.text, accessModes: access, reclaimPolicy: reclaim,
                storageClass: args.flag("class")?.text))
    }

    static let createNode = CommandSpec(
        "node", aliases: ["no", "nodes"], group: .resources,
        summary: "a Node that joins the cluster Ready", examples: ["create node node-4 --zone zone-b"],
        flags: [FlagSpec("zone", value: "ZONE", help: "topology.kubernetes.io/zone label")],
        positionals: [.none], arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = try args.next("NAME")
        try args.finish()
        return .create(.node(name: name, zone: args.flag("zone")?.text))
    }

    static let createNamespace = CommandSpec(
        "namespace", aliases: ["ns"], group: .resources,
        summary: "a Namespace (kubectl create namespace NAME)",
        examples: ["create namespace shop", "create ns shop", "create ns demo --dry-run=client -o yaml"],
        flags: Common.writeFlags,
        positionals: [.none], arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = try args.next("NAME")
        try args.finish()
        return .create(.namespace(name: name, options: try Common.writeOptions(args)))
    }

    static let createServiceAccount = CommandSpec(
        "serviceaccount", aliases: ["sa"], group: .resources,
        summary: "a ServiceAccount (kubectl create serviceaccount NAME)",
        examples: ["create serviceaccount builder", "create sa builder -n shop"],
        flags: [Common.namespace] + Common.writeFlags,
        positionals: [.none], arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = try args.next("NAME")
        let options = try Common.writeOptions(args)
        try args.finish()
        return .create(.serviceAccount(name: name, namespace: Common.namespace(args), options: options))
    }
}
