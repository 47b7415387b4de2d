import StsimEngine

/// What `rollout` does to the set it names.
public enum RolloutAction: Hashable, Sendable {
    /// `timeout` nil: kubectl's default, no limit. `revision` is accepted as kubectl accepts it.
    case status(watch: Bool, timeout: VirtualDuration?, revision: Int?)
    case history(revision: Int?)
    /// 0: the revision before the current one, as kubectl's default.
    case undo(toRevision: Int)
    case restart
    case pause
    case resume
}

public struct RolloutCommand: Hashable, Sendable {
    public var kind: ResourceKind
    public var name: Argument
    public var namespace: String?
    public var action: RolloutAction
}

/// `rollout status|history|undo|restart|pause|resume`, with kubectl's flags. Every sub-command
/// takes any kind, as kubectl does: the session answers a kind that has no rollout with kubectl's
/// own refusal (`no status viewer has been implemented for ReplicaSet.apps`).
extension ResourceCommands {
    static let rolloutWords = ["status", "history", "undo", "restart", "pause", "resume"]

    static let rollout = CommandSpec(
        "rollout", group: .resources, summary: "follow or steer a template update",
        examples: ["rollout status sts web", "rollout history sts/web", "rollout undo sts web --to-revision 1"],
        positionals: [.choices(rolloutWords)],
        subcommands: [
            rolloutSub(
                "status", summary: "wait until the rollout is done, printing its progress",
                flags: [
                    FlagSpec("revision", value: "N", help: "Deployments only: kubectl ignores it for a StatefulSet"),
                    FlagSpec("timeout", value: "D", help: "stop waiting after D of virtual time (0: no limit)"),
                    FlagSpec("watch", short: "w", value: nil, help: "follow the rollout until done (default true)"),
                ]
            ) { (args: ParsedArguments) throws(Diagnostic) -> RolloutAction in
                let timeout = try args.duration("timeout")
                return .status(
                    watch: try args.bool("watch", default: true), timeout: timeout == .zero ? nil : timeout,
                    revision: try args.int("revision"))
            },
            rolloutSub(
                "history", summary: "the revisions of the pod template",
                flags: [FlagSpec("revision", value: "N", help: "show this revision's template in full")]
            ) { (args: ParsedArguments) throws(Diagnostic) -> RolloutAction in
                .history(revision: try args.int("revision"))
            },
            rolloutSub(
                "undo", summary: "go back to the previous revision, or to --to-revision",
                flags: [FlagSpec("to-revision", value: "N", help: "the revision to go back to (default: previous)")]
            ) { (args: ParsedArguments) throws(Diagnostic) -> RolloutAction in
                .undo(toRevision: try args.int("to-revision") ?? 0)
            },
            rolloutSub("restart", summary: "replace every pod, one at a time, with the same template") { _ in
                .restart
            },
            rolloutSub("pause", summary: "refused for a StatefulSet, as kubectl refuses it (Deployments only)") { _ in
                .pause
            },
            rolloutSub("resume", summary: "refused for a StatefulSet, as kubectl refuses it (Deployments only)") { _ in
                .resume
            },
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        guard let word = args.nextIfAny() else {
            throw Diagnostic(
                at: args.endLocation, "rollout needs one of \(rolloutWords.joined(separator: ", "))",
                hint: "for example: rollout status sts web")
        }
        throw Diagnostic(
            at: word.location, "rollout has no sub-command \"\(word.text)\"",
            hint: Suggestion.hint(for: word.text, in: rolloutWords) ?? "one of \(rolloutWords.joined(separator: ", "))")
    }

    private static func rolloutSub(
        _ word: String, summary: String, flags: [FlagSpec] = [],
        action: @escaping @Sendable (ParsedArguments) throws(Diagnostic) -> RolloutAction
    ) -> CommandSpec {
        CommandSpec(
            word, group: .resources, summary: summary, examples: ["rollout \(word) sts web"],
            flags: flags + [Common.namespace], positionals: [.kinds, .objectNames(kindArgument: 0)],
            arguments: "sts NAME"
        ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
            let (kind, name) = try ResourceCommands.oneObject(&args, command: "rollout \(word)")
            return .rollout(
                RolloutCommand(kind: kind, name: name, namespace: Common.namespace(args), action: try action(args)))
        }
    }
}
