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

/// The flags parsed, or the process ends: 0 after `--help`, 2 on a usage error.
func parsed<C: ParsableCommand>(_ type: C.Type, _ arguments: [String], name: String) -> C {
    do {
        return try C.parse(arguments)
    } catch {
        let message = C.fullMessage(for: error)
        if C.exitCode(for: error) == .success {
            print(message)
            exit(0)
        }
        printError("\(name): \(message)")
        exit(2)
    }
}

if arguments.first == "serve" {
    exit(
        Serve(
            command: parsed(
                ServeCommand.self, ServeCommand.withRealtimeDefault(Array(arguments.dropFirst())), name: "stsim serve")
        ).run())
}
if arguments.first == "export" {
    exit(Export(command: parsed(ExportCommand.self, Array(arguments.dropFirst()), name: "stsim export")).run())
}
let command = parsed(StsimCommand.self, arguments, name: "stsim")

var options = Session.Options()
command.cluster.apply(to: &options)
options.echo = command.echo
options.keepGoing = command.keepGoing
options.colour = TerminalColour.enabled
options.terminalWidth = TerminalSize.columns

exit(Launch(command: command, options: options).run())
