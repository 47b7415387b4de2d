import StsimEngine

/// What Tab offers for a word.
public enum CompletionSource: Hashable, Sendable {
    case none
    case commands
    case kinds
    /// Names of objects of the kind given by the positional argument at this index.
    case objectNames(kindArgument: Int)
    case objectNamesOf(ResourceKind)
    case nodes
    case choices([String])
    case files
}

public struct FlagSpec: Hashable, Sendable {
    public var long: String
    public var short: Character?
    /// The value's placeholder (`N`, `FILE`); nil for a switch such as `--force`.
    public var value: String?
    public var help: String
    public var completion: CompletionSource
    /// Shown without brackets in a generated usage line (`create sts NAME --image IMG`).
    public var required: Bool

    public init(
        _ long: String, short: Character? = nil, value: String? = nil, help: String,
        completion: CompletionSource = .none, required: Bool = false
    ) {
        self.long = long
        self.short = short
        self.value = value
        self.help = help
        self.completion = completion
        self.required = required
    }

    /// The flag as a usage line shows it: `--image IMG`, `[--policy OrderedReady|Parallel]`.
    public var usage: String {
        var text = "--\(long)"
        if case .choices(let choices) = completion {
            text += " " + choices.joined(separator: "|")
        } else if let value {
            text += " \(value)"
        }
        return required ? text : "[\(text)]"
    }

    public var display: String {
        let s = short.map { "-\($0), " } ?? ""
        return s + "--\(long)" + (value.map { " \($0)" } ?? "")
    }
}

public enum CommandGroup: String, CaseIterable, Sendable {
    case resources = "Cluster and resources"
    case faults = "Faults"
    case time = "Time"
    case inside = "Inside the cluster"
    case whole = "Looking at the whole"
    case checks = "Checks"
    case session = "Session"
}

/// One command, declared once: parsing, `help`, `help COMMAND` and completion all come from here.
/// A command may hold sub-commands (`create sts`, `rollout status`), each a `CommandSpec` of its
/// own with its own flags, examples, completion and availability.
public struct CommandSpec: Sendable {
    /// The whole name: `create`, or `create sts` for a sub-command.
    public var name: String
    /// The word that selects a sub-command after its parent (`sts`); the name for a command.
    public var word: String
    public var aliases: [String]
    public var group: CommandGroup
    public var usage: [String]
    public var summary: String
    public var details: String?
    public var examples: [String]
    public var flags: [FlagSpec]
    /// Completion for positional arguments by index; the last entry repeats.
    public var positionals: [CompletionSource]
    /// The positional words of a sub-command's generated usage line (`NAME`, `headless NAME`).
    public var arguments: String
    public var subcommands: [CommandSpec]
    public var build: @Sendable (inout ParsedArguments) throws(Diagnostic) -> Command
    /// Set when the command is part of the language but its machinery is still to come.
    public var plannedWith: String?
    /// Reads a here-document as its input (beside the commands that take `-f`).
    public var readsHereDocument: Bool
    /// When the first positional is this word, the words after it are taken as they are (no
    /// flag parsing): `expect error delete pod x --force` carries another command.
    public var verbatimAfter: String?

    public init(
        _ name: String, aliases: [String] = [], group: CommandGroup, usage: [String] = [], summary: String,
        details: String? = nil, examples: [String], flags: [FlagSpec] = [],
        positionals: [CompletionSource] = [], arguments: String = "", subcommands: [CommandSpec] = [],
        verbatimAfter: String? = nil, plannedWith: String? = nil, readsHereDocument: Bool = false,
        build: @escaping @Sendable (inout ParsedArguments) throws(Diagnostic) -> Command
    ) {
        self.name = name
        self.word = name
        self.aliases = aliases
        self.group = group
        self.usage = usage
        self.summary = summary
        self.details = details
        self.examples = examples
        self.flags = flags
        self.positionals = positionals
        self.arguments = arguments
        self.plannedWith = plannedWith
        self.readsHereDocument = readsHereDocument
        self.verbatimAfter = verbatimAfter
        self.build = build
        self.subcommands = subcommands.map { $0.nested(under: name, group: group) }
        self.usage += self.subcommands.flatMap(\.usage)
    }

    /// A sub-command takes its parent's name and group; its usage line is made from its
    /// declaration (arguments, then flags), so it cannot disagree with what the parser takes.
    private func nested(under parent: String, group: CommandGroup) -> CommandSpec {
        var child = self
        child.name = "\(parent) \(word)"
        child.group = group
        // -n applies to every command that names objects; repeating it on each line hides the rest.
        let flagUsage = flags.filter { $0.long != "namespace" }.map(\.usage)
        child.usage = [([child.name] + (arguments.isEmpty ? [] : [arguments]) + flagUsage).joined(separator: " ")]
        return child
    }

    public func flag(named long: String) -> FlagSpec? { flags.first { $0.long == long } }
    public func flag(short: Character) -> FlagSpec? { flags.first { $0.short == short } }

    /// The sub-command a word selects (`sts`, `statefulset`), if any.
    public func subcommand(_ word: String) -> CommandSpec? {
        subcommands.first { $0.word == word || $0.aliases.contains(word) }
    }

    /// False when the command, or every one of its sub-commands, is still to come.
    public var isPlanned: Bool {
        plannedWith != nil || (!subcommands.isEmpty && subcommands.allSatisfy { $0.plannedWith != nil })
    }
}
