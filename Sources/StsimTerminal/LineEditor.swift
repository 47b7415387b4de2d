import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of interactive input through libedit's native histedit API: emacs key bindings,
/// in-memory history (Up/Down) persisted to a file, Tab bound to a completion function.
public final class LineEditor {
    public enum Input: Equatable, Sendable {
        /// A line as typed, without its newline.
        case line(String)
        /// Ctrl-C: the half-typed line was thrown away.
        case interrupted
        /// Ctrl-D on an empty line (or the terminal went away).
        case endOfInput
    }

    /// libedit keeps its callbacks' state in globals (see EditLineCallbacks.swift), so two
    /// editors at once would share a completer and prompt.
    nonisolated(unsafe) private static var exists = false

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    /// The lines typed at a container's shell (`exec -it POD -- sh`): kept apart from stsim's
    /// commands, for this run only.
    private var nestedHistory: OpaquePointer?
    private var inNested = false
    private let historyPath: String?
    private var event = HistEvent()

    /// Returns nil when libedit cannot start (no usable terminal); read lines plainly then.
    /// `completer` gets the line up to the cursor and returns full replacements of its last word.
    public init?(programName: String = "stsim", historyPath: String?, completer: @escaping (String) -> [String]) {
        precondition(!LineEditor.exists, "only one LineEditor at a time: libedit's callbacks share global state")
        Self.useUTF8Locale()
        guard let editLine = stsim_el_init(programName) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        LineEditor.exists = true
        callbackCompleter = completer

        stsim_history_setsize(history, &event, 1000)
        // Pressing Enter on the same command again and again should not fill the history with it.
        stsim_history_setunique(history, &event, 1)
        if let historyPath { stsim_history_load(history, &event, historyPath) }  // missing file: fine

        stsim_el_set_editor(editLine, "emacs")
        // libedit's own handlers restore the terminal and redraw on SIGINT/SIGWINCH, then call
        // ours (InterruptSignal); without them Ctrl-C would leave the terminal in raw mode.
        stsim_el_set_signal(editLine, 1)
        stsim_el_set_prompt(editLine, EditLineCallbacks.prompt)
        stsim_el_set_hist(editLine, history)
        stsim_el_addfn(editLine, "stsim-complete", "Complete the word before the cursor", EditLineCallbacks.complete)
        stsim_el_bind(editLine, "^I", "stsim-complete")
        // The user's ~/.editrc (or $EDITRC) last, so personal bindings win over ours.
        stsim_el_source_default(editLine)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        if let nestedHistory { history_end(nestedHistory) }
        callbackCompleter = nil
        LineEditor.exists = false
    }

    /// Shows `prompt` and reads one line.
    public func readLine(prompt: String) -> Input {
        EditLineCallbacks.setPrompt(prompt)
        fflush(stsim_stdout())  // host output written without a final newline must show first
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            // el_gets tells the two apart by count: -1 when a signal (Ctrl-C) interrupted the read,
            // 0 at end of input. errno alone could be stale from an earlier interrupt.
            if count < 0 {
                el_reset(editLine)  // drop the half-typed line and the raw-mode state
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Switches Up/Down between stsim's history and the container shell's.
    public func useNestedHistory(_ nested: Bool) {
        guard nested != inNested else { return }
        if nested, nestedHistory == nil, let h = history_init() {
            stsim_history_setsize(h, &event, 1000)
            stsim_history_setunique(h, &event, 1)
            nestedHistory = h
        }
        guard let target = nested ? nestedHistory : history else { return }
        stsim_el_set_hist(editLine, target)
        inNested = nested
    }

    /// Adds a line to the history and saves the file. The trailing space a completion leaves is
    /// dropped, so recalled lines are exactly what the user meant; blank lines are not kept.
    public func remember(_ line: String) {
        var entry = Substring(line)
        while entry.last == " " || entry.last == "\t" { entry.removeLast() }
        guard !entry.isEmpty else { return }
        if inNested, let nestedHistory {
            stsim_history_enter(nestedHistory, &event, String(entry))
            return
        }
        stsim_history_enter(history, &event, String(entry))
        if let historyPath { stsim_history_save(history, &event, historyPath) }
    }

    /// libedit decodes input with the C library's multibyte functions, which only know UTF-8 under
    /// a UTF-8 locale: in the default "C" locale Chinese text is dropped or mangled. Take the
    /// user's locale when it is UTF-8, else fall back to C.UTF-8 (stsim reads and writes UTF-8
    /// regardless). Only LC_CTYPE: number formats and messages stay as they were.
    static func useUTF8Locale() {
        if setlocale(LC_CTYPE, "") != nil, isUTF8(nl_langinfo(Int32(CODESET))) { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    private static func isUTF8(_ codeset: UnsafePointer<CChar>?) -> Bool {
        guard let codeset else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
