import StsimEngine

/// `set settle-limit D`, `set watch-limit N` (the session's settings) and `set image` (kubectl's,
/// on a StatefulSet's pod template), each a sub-command with its own arguments.
extension SessionCommands {
    static let set = CommandSpec(
        "set", group: .session,
        summary: "change a session setting (settle-limit, watch-limit), or a StatefulSet's image",
        examples: ["set settle-limit 30m", "set watch-limit 100", "set image sts/web nginx=nginx:1.27"],
        positionals: [.choices(["settle-limit", "watch-limit", "image"])],
        subcommands: [settleLimit, watchLimit, image]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        // Reached only when the word after `set` is none of the sub-commands.
        let setting = try args.next("the setting (settle-limit or watch-limit)")
        let known = ["settle-limit", "watch-limit", "image"]
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
        let value = try args.next("VALUE")
        try args.finish()
        // 100,000 is how the limit is printed, so it is accepted back as written.
        guard let n = Int(value.text.split(separator: ",", omittingEmptySubsequences: false).joined()), n > 0
        else {
            throw Diagnostic(at: value.location, "watch-limit must be a whole number above 0")
        }
        return .setting(.watchLimit(n))
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
