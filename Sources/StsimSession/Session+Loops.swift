import StsimEngine
import StsimLanguage

/// `for NAME in WORDS; do COMMANDS; done`: expanded just before it runs (so `let` variables
/// in its list are current), then each command runs as if typed, errors located in the body.
extension Session {
    func runLoop(_ loop: ForLoop) -> Outcome {
        if let stop = scriptStopOutcome(at: loop.location) { return stop }
        if interactive { history.append(loop.text) }
        if options.echo { printer.line("\(prompt)\(loop.text)") }
        let commands: [CommandText]
        do {
            commands = try loop.commands(variables: variables)
        } catch {
            report(error, at: loop.location)
            return .failed
        }
        var failed = false
        runningLoop = true
        // `expect output contains` after a loop looks at what the whole loop printed.
        var printed = ""
        defer {
            runningLoop = false
            previousOutput = printed
        }
        for command in commands {
            if let stop = scriptStopOutcome(at: command.location) { return stop }
            // At the prompt the loop goes on after an error, as bash's does; a script stops
            // at its first error unless --keep-going.
            let outcome = runCommand(command)
            printed += printer.commandOutput
            switch outcome {
            case .ok: break
            case .failed: failed = true
            case .quit: return .quit
            case .interrupted: return .interrupted
            }
            if failed && !options.keepGoing && !interactive { return .failed }
            if interactive && interrupted() { return .interrupted }
        }
        if lessonRun != nil { lessonAfterCommand() }
        return failed ? .failed : .ok
    }
}
