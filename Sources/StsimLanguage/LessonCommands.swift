import StsimEngine

/// What `lesson ...` (and its short forms `hint`, `solution`, `skip`, `restart`) asks for.
public enum LessonAction: Hashable, Sendable {
    /// `lesson` alone: the current step, or the first unfinished lesson.
    case overview
    case list
    case start(Argument)
    case hint, solution, skip, restart, stop
}

/// Guided exercises at the prompt: tasks, checks after every command, hints and progress.
enum LessonCommands {
    static let specs: [CommandSpec] =
        [lesson, short("hint", .hint, "show the current step's next hint")]
        + [
            short("solution", .solution, "show the current step's solution"),
            short("skip", .skip, "skip the current step"),
        ]
    // `restart` alone (start the lesson over) is the fault command's word without arguments:
    // `FaultCommands.restart`.
    static let actions = ["list", "start", "hint", "solution", "skip", "restart", "stop"]

    static let lesson = CommandSpec(
        "lesson", group: .checks,
        usage: ["lesson [list | start NAME | hint | solution | skip | restart | stop]"],
        summary: "guided exercises: a task, checks after each command, hints, progress",
        details:
            "lesson alone shows the current task, or suggests the first unfinished lesson. After each command the current step's checks run; a met step prints a pass line and the next task.",
        examples: ["lesson", "lesson list", "lesson start node-failure", "lesson hint"],
        positionals: [.choices(actions), .none]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        guard let word = args.nextIfAny() else { return .lesson(.overview) }
        let action: LessonAction
        switch try args.choice(word, of: actions, what: "the lesson action") {
        case "list": action = .list
        case "start": action = .start(try args.next("the lesson NAME"))
        case "hint": action = .hint
        case "solution": action = .solution
        case "skip": action = .skip
        case "restart": action = .restart
        default: action = .stop
        }
        try args.finish()
        return .lesson(action)
    }

    static func short(_ name: String, _ action: LessonAction, _ summary: String) -> CommandSpec {
        CommandSpec(name, group: .checks, usage: [name], summary: "(in a lesson) " + summary, examples: [name]) {
            (args: inout ParsedArguments) throws(Diagnostic) -> Command in
            try args.finish()
            return .lesson(action)
        }
    }
}
