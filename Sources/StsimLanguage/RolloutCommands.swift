import StsimEngine

/// `rollout status|history|undo|restart|pause|resume`: declared with kubectl's flags, so the
/// language, help and completion know them; the machinery is the next change to stsim.
extension ResourceCommands {
    /// Rolling updates run today (set image, patch); only these ways of steering them are missing.
    static let rolloutPlanned =
        "the next change to stsim; rolling updates themselves work: set image sts/NAME C=IMG, then get pods -w"

    static let rollout = CommandSpec(
        "rollout", group: .resources, summary: "follow or steer a template update",
        examples: ["rollout status sts web"],
        positionals: [.choices(["status", "history", "undo", "restart", "pause", "resume"])],
        subcommands: [
            rolloutSub(
                "status", summary: "wait until the rollout is done, printing its progress",
                flags: [
                    FlagSpec("revision", value: "N", help: "the revision to watch (default: the latest)"),
                    FlagSpec("timeout", value: "D", help: "stop waiting after D of virtual time"),
                    FlagSpec("watch", short: "w", value: nil, help: "follow the rollout until done (default true)"),
                ]),
            rolloutSub(
                "history", summary: "the revisions of the pod template",
                flags: [FlagSpec("revision", value: "N", help: "show this revision's template in full")]),
            rolloutSub(
                "undo", summary: "go back to the previous revision, or to --to-revision",
                flags: [FlagSpec("to-revision", value: "N", help: "the revision to go back to (default: previous)")]),
            rolloutSub("restart", summary: "replace every pod, one at a time, with the same template"),
            rolloutSub("pause", summary: "stop rolling out template changes (Deployments only in kubectl)"),
            rolloutSub("resume", summary: "go on rolling out template changes"),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let choices = ["status", "history", "undo", "restart", "pause", "resume"]
        guard let word = args.nextIfAny() else {
            throw Diagnostic(
                at: args.endLocation, "rollout needs one of \(choices.joined(separator: ", "))",
                hint: "for example: rollout status sts web")
        }
        throw Diagnostic(
            at: word.location, "rollout has no sub-command \"\(word.text)\"",
            hint: Suggestion.hint(for: word.text, in: choices) ?? "one of \(choices.joined(separator: ", "))")
    }

    private static func rolloutSub(_ word: String, summary: String, flags: [FlagSpec] = []) -> CommandSpec {
        CommandSpec(
            word, group: .resources, summary: summary, examples: ["rollout \(word) sts web"],
            flags: flags + [Common.namespace], positionals: [.kinds, .objectNames(kindArgument: 0)],
            arguments: "sts NAME", plannedWith: rolloutPlanned
        ) { (_: inout ParsedArguments) throws(Diagnostic) -> Command in
            .unavailable(name: "rollout \(word)", plannedWith: rolloutPlanned)
        }
    }
}
