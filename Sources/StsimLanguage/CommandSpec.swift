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

    public init(
        _ long: String, short: Character? = nil, value: String? = nil, help: String,
        completion: CompletionSource = .none
    ) {
        self.long = long
        self.short = short
        self.value = value
        self.help = help
        self.completion = completion
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
public struct CommandSpec: Sendable {
    public var name: String
    public var aliases: [String]
    public var group: CommandGroup
    public var usage: [String]
    public var summary: String
    public var details: String?
    public var examples: [String]
    public var flags: [FlagSpec]
    /// Completion for positional arguments by index; the last entry repeats.
    public var positionals: [CompletionSource]
    /// Words that may follow the command word as a sub-command (`create sts`, `mode auto`).
    public var build: @Sendable (inout ParsedArguments) throws(Diagnostic) -> Command
    /// Set when the command is part of the language but its machinery is still to come.
    public var plannedWith: String?
    /// When the first positional is this word, the words after it are taken as they are (no
    /// flag parsing): `expect error delete pod x --force` carries another command.
    public var verbatimAfter: String?

    public init(
        _ name: String, aliases: [String] = [], group: CommandGroup, usage: [String], summary: String,
        details: String? = nil, examples: [String], flags: [FlagSpec] = [],
        positionals: [CompletionSource] = [], verbatimAfter: String? = nil, plannedWith: String? = nil,
        build: @escaping @Sendable (inout ParsedArguments) throws(Diagnostic) -> Command
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.usage = usage
        self.summary = summary
        self.details = details
        self.examples = examples
        self.flags = flags
        self.positionals = positionals
        self.plannedWith = plannedWith
        self.verbatimAfter = verbatimAfter
        self.build = build
    }

    public func flag(named long: String) -> FlagSpec? { flags.first { $0.long == long } }
    public func flag(short: Character) -> FlagSpec? { flags.first { $0.short == short } }
}
