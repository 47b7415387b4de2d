import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// libedit calls back through plain C function pointers, which cannot capture context, so the
// state they need lives in these globals. They are touched only from the thread running the line
// editor, and only one `LineEditor` exists at a time (it checks). They are not in `main.swift`,
// whose top-level variables are main-actor isolated and unusable from C callbacks.
nonisolated(unsafe) var callbackCompleter: ((String) -> [String])?
nonisolated(unsafe) var callbackPrompt: UnsafeMutablePointer<CChar>? = strdup("")

enum EditLineCallbacks {
    static func setPrompt(_ prompt: String) {
        let previous = callbackPrompt
        callbackPrompt = strdup(prompt)
        free(previous)
    }

    /// The prompt function libedit calls on every redraw.
    static let prompt: stsim_prompt_fn = { _ in callbackPrompt }

    /// Bound to Tab: asks the host for candidates for the text before the cursor and applies
    /// `Completion.action`.
    static let complete: stsim_command_fn = { editLine, _ in
        guard let editLine, let line = el_line(editLine)?.pointee, let completer = callbackCompleter else {
            return UInt8(CC_ERROR)
        }
        let length = line.cursor - line.buffer
        let prefix = line.buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        switch Completion.action(linePrefix: prefix, candidates: completer(prefix)) {
        case .nothing:
            return UInt8(CC_ERROR)
        case .edit(let deleting, let inserting):
            if deleting > 0 { el_deletestr(editLine, Int32(deleting)) }
            if !inserting.isEmpty, el_insertstr(editLine, inserting) != 0 { return UInt8(CC_ERROR) }
            return UInt8(CC_REFRESH)
        case .list(let candidates):
            let columns = Int(stsim_terminal_columns(STDOUT_FILENO))
            let rows = Completion.columns(candidates, width: columns > 0 ? columns : 80)
            fputs("\n" + rows.joined(separator: "\n") + "\n", stsim_stdout())
            fflush(stsim_stdout())
            return UInt8(CC_REDISPLAY)
        }
    }
}
