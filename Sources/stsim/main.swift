import ArgumentParser
import StsimSession
import StsimTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Thin by design: flags in, a Session out, and the REPL or a script to drive it.
let arguments = Array(CommandLine.arguments.dropFirst())
let command: StsimCommand
do {
    command = try StsimCommand.parse(arguments)
} catch {
    let code = StsimCommand.exitCode(for: error)
    let message = StsimCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    printError("stsim: \(message)")
    exit(2)
}

var options = Session.Options()
options.seed = command.seed
options.echo = command.echo
options.keepGoing = command.keepGoing
options.workerCount = command.nodes
options.colour = TerminalColour.enabled
command.limits.apply(to: &options.limits)
options.allowHostFiles = command.allowHostFiles

exit(Launch(command: command, options: options).run())
