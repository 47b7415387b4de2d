import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interactive loop: read a command (over several lines while the host says it is
/// unfinished), run it, repeat until the host asks to quit or input ends.
public enum Repl {
    /// Prompt for the second and later lines of an unfinished command.
    public static let continuationPrompt = "> "

    /// Runs until `quit` (the host's `execute` returns false) or end of input (Ctrl-D); returns
    /// the process exit code, 0 for both. On a terminal this is libedit with history and
    /// completion; otherwise lines are read plainly with no prompt, so piped input stays clean.
    public static func run(host: ReplHost) -> Int32 {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        if interactive,
            let editor = LineEditor(
                historyPath: HistoryFile.path,
                completer: { [unowned host] in
                    // The container's shell completes nothing of stsim's.
                    host.nestedPrompt == nil ? host.completions(linePrefix: $0) : []
                })
        {
            InterruptSignal.install()
            defer { InterruptSignal.uninstall() }
            return loop(host: host) { prompt in
                editor.useNestedHistory(host.nestedPrompt != nil)
                let input = editor.readLine(prompt: prompt)
                switch input {
                case .line(let line):
                    editor.remember(line)
                case .interrupted, .endOfInput:
                    // The cursor is still on the abandoned line (after libedit's "^D" on EOF):
                    // the next prompt, or the shell's, starts on a fresh one.
                    fputs("\n", stsim_stdout())
                }
                return input
            }
        }
        return loop(host: host) { _ in
            Swift.readLine(strippingNewline: true).map(LineEditor.Input.line) ?? .endOfInput
        }
    }

    /// The loop proper, apart from where lines come from.
    static func loop(host: ReplHost, read: (String) -> LineEditor.Input) -> Int32 {
        var pending: String?  // an unfinished command, waiting for its next line
        while true {
            switch read(pending == nil ? host.nestedPrompt ?? host.prompt : continuationPrompt) {
            case .interrupted:
                // Ctrl-C abandons the whole command, continuation lines included, like bash.
                pending = nil
                InterruptSignal.clear()
            case .endOfInput where host.nestedPrompt != nil:
                // Ctrl-D ends the container's shell, not stsim.
                host.endNestedInput()
            case .endOfInput:
                // An unfinished command still goes to the host, which reports what is missing
                // (an unterminated quote, say) rather than the text vanishing silently.
                if let pending { _ = run(pending, on: host) }
                fflush(stsim_stdout())
                return 0
            case .line(let line):
                let text = pending.map { $0 + "\n" + line } ?? line
                if host.needsMoreInput(text) {
                    pending = text
                    continue
                }
                pending = nil
                if text.allSatisfy(\.isWhitespace), host.nestedPrompt == nil { continue }
                if !run(text, on: host) {
                    fflush(stsim_stdout())
                    return 0
                }
            }
        }
    }

    private static func run(_ text: String, on host: ReplHost) -> Bool {
        InterruptSignal.whileCommandRuns {
            host.execute(text, interrupted: { InterruptSignal.pending })
        }
    }
}
