#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether output may carry ANSI colour: only on a terminal, and never when `NO_COLOR` is set to a
/// non-empty value (https://no-color.org: an empty `NO_COLOR` does not count as set).
public enum TerminalColour {
    /// The decision for this process's standard output.
    public static var enabled: Bool {
        let noColour = getenv("NO_COLOR").map { String(cString: $0) }
        return decide(outputIsTerminal: isatty(STDOUT_FILENO) == 1, noColour: noColour)
    }

    /// The rule itself, apart from the process state, so it can be tested.
    public static func decide(outputIsTerminal: Bool, noColour: String?) -> Bool {
        guard outputIsTerminal else { return false }
        return noColour?.isEmpty ?? true
    }
}
