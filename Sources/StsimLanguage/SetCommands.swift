import StsimEngine

/// `set settle-limit D`, `set watch-limit N`, `set max-objects N` and the other limits (the
/// session's settings) and `set image` (kubectl's, on a StatefulSet's pod template), each a
/// sub-command with its own arguments.
extension SessionCommands {
    static let set = CommandSpec(
        "set", group: .session,
        summary: "change a session setting (settle-limit, watch-limit, a limit), or a StatefulSet's image",
        examples: [
            "set settle-limit 30m", "set watch-limit 100", "set max-replicas 200000",
            "set image sts/web nginx=nginx:1.27",
        ],
        positionals: [.choices(settingNames)],
        subcommands: [settleLimit, watchLimit] + LimitSetting.allCases.map(limit) + [featureGate, image]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        // Reached only when the word after `set` is none of the sub-commands.
        let setting = try args.next("the setting (settle-limit, watch-limit or a limit)")
        let known = settingNames
        throw Diagnostic(
            at: setting.location,
            "the setting must be one of \(known.joined(separator: ", ")), not \"\(setting.text)\"",
            hint: Suggestion.hint(for: setting.text, in: known))
    }

    static let settleLimit = CommandSpec(
        "settle-limit", group: .session, summary: "how much virtual time one settle may run (default 10m)",
        examples: ["set settle-limit 30m"], arguments: "D"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let value = try args.next("VALUE")
        try args.finish()
        return .setting(.settleLimit(try ParsedArguments.duration(value)))
    }

    static let watchLimit = CommandSpec(
        "watch-limit", group: .session, summary: "how many change lines a settle prints before it sums up (default 40)",
        examples: ["set watch-limit 100"], arguments: "N"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        .setting(.watchLimit(try wholeNumber(&args, for: "watch-limit")))
    }

    static let settingNames =
        ["settle-limit", "watch-limit"] + LimitSetting.allCases.map(\.rawValue) + ["feature-gate", "image"]

    static let featureGate = CommandSpec(
        "feature-gate", group: .session,
        summary: "turn a Kubernetes feature gate on or off (only MaxUnavailableStatefulSet is modelled)",
        details: """
            As --feature-gates NAME=true does at startup. The API server applies a change to
            objects created or updated afterwards, as it would after a restart with the flag;
            the controllers follow it from their next sync. reset keeps the gates, save and load
            carry them. MaxUnavailableStatefulSet (alpha, off in 1.32) keeps a StatefulSet's
            spec.updateStrategy.rollingUpdate.maxUnavailable, so a rolling update replaces up to
            that many pods at a time.
            """,
        examples: ["set feature-gate MaxUnavailableStatefulSet=true"],
        positionals: [.choices(FeatureGates.knownNames.flatMap { ["\($0)=true", "\($0)=false"] })],
        arguments: "NAME=true|false"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let value = try args.next("NAME=true|false")
        try args.finish()
        switch FeatureGates.pair(Substring(value.text)) {
        case .success(let (gate, on)): return .setting(.featureGate(gate, on))
        case .failure(let e): throw Diagnostic(at: value.location, e.message, hint: e.hint)
        }
    }

    /// `set max-replicas N` and the other limits (docs/limits.md).
    static func limit(_ setting: LimitSetting) -> CommandSpec {
        CommandSpec(
            setting.rawValue, group: .session, summary: limitSummary(setting),
            details: """
                At the prompt any value above 0; in a script only a lower one than stsim started
                with (a script from a stranger cannot lift its own bounds: raise them with the flag
                --\(setting.rawValue) N). Limits are stsim's own, not Kubernetes': docs/limits.md.
                """,
            examples: ["set \(setting.rawValue) 1000"], arguments: "N"
        ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
            .setting(.limit(setting, try wholeNumber(&args, for: setting.rawValue)))
        }
    }

    private static func limitSummary(_ setting: LimitSetting) -> String {
        switch setting {
        case .maxObjects: "objects of one kind, and pods all sets ask for (default 1,000,000)"
        case .maxReplicas: "replicas of one StatefulSet or ReplicaSet (default 100,000)"
        case .maxLine: "bytes of one line of a script or standard input (default 1,048,576)"
        case .maxCommand: "bytes of one command with its here-document (default 16,777,216)"
        case .maxWord: "bytes of one word after ${NAME}, and of one variable (default 1,048,576)"
        case .maxEvents: "events one command of a script may run (default 10,000,000)"
        }
    }

    /// The one VALUE of a setting, a whole number above 0; `100,000` is how numbers are printed,
    /// so it is accepted back as written.
    private static func wholeNumber(_ args: inout ParsedArguments, for name: String) throws(Diagnostic) -> Int {
        let value = try args.next("VALUE")
        try args.finish()
        guard let n = Int(value.text.split(separator: ",", omittingEmptySubsequences: false).joined()), n > 0
        else {
            throw Diagnostic(at: value.location, "\(name) must be a whole number above 0")
        }
        return n
    }

    static let image = CommandSpec(
        "image", group: .session,
        summary: "set container C's image in a StatefulSet's pod template (* for every container)",
        details: """
            As kubectl set image does: a new revision, which the StatefulSet rolls out.
            """,
        examples: ["set image sts/web nginx=nginx:1.27", "set image statefulset/kubia kubia=luksa/kubia-pet-peers"],
        flags: [Common.namespace], positionals: [.kinds, .none], arguments: "sts/NAME C=IMG..."
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, names) = try ResourceCommands.kindAndNames(&args, what: "KIND/NAME (sts/web)")
        guard let name = names.first else {
            throw Diagnostic(
                at: args.endLocation, "set image: name the \(kind.singular)", hint: "usage: set image sts/NAME C=IMG")
        }
        let pairs = Array(names.dropFirst())
        guard !pairs.isEmpty else {
            throw Diagnostic(
                at: args.endLocation, "set image needs CONTAINER=IMAGE",
                hint: "for example: set image sts/\(name.text) nginx=nginx:1.27")
        }
        var images: [ContainerImage] = []
        for p in pairs { images.append(try ResourceCommands.containerImage(p)) }
        return .setImage(kind: kind, name: name, images: images, namespace: Common.namespace(args))
    }
}
