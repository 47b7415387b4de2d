import CEditLine

// Only the loop's thread touches this, outside the handler.
nonisolated(unsafe) private var previousAction = sigaction()

/// Ctrl-C handling: a SIGINT handler installed with `sigaction` and *without* `SA_RESTART`, so a
/// blocked `read` (inside `el_gets`, or a host's sleep) returns EINTR and the loop regains control
/// instead of the process dying (no handler) or the key doing nothing (`SA_RESTART`). The handler
/// and its flag are C (`shim.h`): Swift code in a signal handler is not async-signal-safe.
enum InterruptSignal {
    static func install() {
        stsim_interrupt_clear()
        stsim_set_command_running(0)
        _ = stsim_install_sigint(&previousAction)
    }

    static func uninstall() {
        _ = stsim_restore_sigint(&previousAction)
    }

    static var pending: Bool { stsim_interrupt_pending() != 0 }

    static func clear() { stsim_interrupt_clear() }

    /// Runs `body` (the host's command) with the interrupt flag cleared first, so a Ctrl-C from
    /// before the command does not stop it.
    static func whileCommandRuns<T>(_ body: () -> T) -> T {
        stsim_interrupt_clear()
        stsim_set_command_running(1)
        defer { stsim_set_command_running(0) }
        return body()
    }
}
