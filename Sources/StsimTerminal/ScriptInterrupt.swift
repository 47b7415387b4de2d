import CEditLine

/// SIGINT while a script runs: the prompt's handler (a flag, no `SA_RESTART`), so Ctrl-C stops
/// the script at a consistent point, with its summary, instead of killing the process.
public enum ScriptInterrupt {
    public static func install() {
        InterruptSignal.install()
    }

    public static var pending: Bool { InterruptSignal.pending }
}
