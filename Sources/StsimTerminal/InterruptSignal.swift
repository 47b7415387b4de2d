#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Set by the SIGINT handler, read by the loop and by the host's `interrupted` poll. A plain global
// because a signal handler can reach nothing else; an aligned Int32 store is atomic on every
// platform Swift runs on, and it is only ever set to 1 by the handler and back to 0 by the loop.
nonisolated(unsafe) private var interruptReceived: Int32 = 0
// Set while the host runs a command. The terminal is in cooked mode then and echoes "^C" itself;
// a newline after it keeps the host's "interrupted" message off that line. (While libedit reads,
// it handles the display and the REPL loop starts the fresh line.)
nonisolated(unsafe) private var commandRunning: Int32 = 0
nonisolated(unsafe) private var previousAction = sigaction()

private func recordInterrupt(_: Int32) {
    interruptReceived = 1
    if commandRunning != 0 {
        _ = write(STDOUT_FILENO, "\n", 1)  // write(2), not stdio: async-signal-safe
    }
}

/// Ctrl-C handling: a SIGINT handler installed with `sigaction` and *without* `SA_RESTART`, so a
/// blocked `read` (inside `el_gets`, or a host's sleep) returns EINTR and the loop regains control
/// instead of the process dying (no handler) or the key doing nothing (`SA_RESTART`).
enum InterruptSignal {
    static func install() {
        // Touch the global before the handler can: a first access from inside a signal handler
        // would run Swift's lazy global initialisation there.
        interruptReceived = 0
        commandRunning = 0
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = recordInterrupt
        #else
        action.__sigaction_u.__sa_handler = recordInterrupt
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, &previousAction)
    }

    static func uninstall() {
        sigaction(SIGINT, &previousAction, nil)
    }

    static var pending: Bool { interruptReceived != 0 }

    static func clear() { interruptReceived = 0 }

    /// Runs `body` (the host's command) with the interrupt flag cleared first, so a Ctrl-C from
    /// before the command does not stop it.
    static func whileCommandRuns<T>(_ body: () -> T) -> T {
        interruptReceived = 0
        commandRunning = 1
        defer { commandRunning = 0 }
        return body()
    }
}
