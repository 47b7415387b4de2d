import StsimSession

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output for the prompt while `serve` serves: what a kubectl request prints arrives
/// while the prompt waits for a line (requests never run during a command), so the prompt's
/// line is cleared first and the prompt drawn again after the request. What the user had typed
/// stays in the line editor (Enter still sends it) but is not shown again.
final class PromptOutput: OutputSink {
    private let base = StandardOutput()
    /// Set only for the interactive prompt on a terminal.
    var atPrompt = false
    private var inRequest = false
    private var wrote = false

    func write(_ text: String, toStandardError: Bool) {
        if inRequest && atPrompt && !wrote {
            // Carriage return, then erase to the end of the line: the prompt goes.
            base.write("\r\u{1b}[K", toStandardError: false)
            wrote = true
        }
        base.write(text, toStandardError: toStandardError)
    }

    func beginRequest() {
        inRequest = true
        wrote = false
    }

    /// After a request that printed: `prompt` drawn again, where the user types on.
    func endRequest(prompt: String) {
        inRequest = false
        if wrote { base.write(prompt, toStandardError: false) }
        wrote = false
    }
}
