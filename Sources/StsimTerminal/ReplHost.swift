/// What the interactive loop needs from the program behind it. The session conforms to this; the
/// terminal layer knows nothing about commands, clocks or objects.
public protocol ReplHost: AnyObject {
    /// Shown before each line, e.g. "stsim 00:01:30> " (the virtual clock).
    var prompt: String { get }
    /// True while the text typed so far is an unfinished command (open quote, trailing `\`,
    /// here-document without its terminator): the loop reads another line with a "> " prompt
    /// and joins them with "\n".
    func needsMoreInput(_ text: String) -> Bool
    /// Runs the text; `interrupted` turns true once Ctrl-C was pressed during the run (a long
    /// settle polls it and stops). Returns false when the user asked to quit.
    func execute(_ text: String, interrupted: @escaping () -> Bool) -> Bool
    /// Candidates for the word being typed: `linePrefix` is the line up to the cursor; each
    /// candidate is a full replacement for the last word of it (the text after the last
    /// unquoted space).
    func completions(linePrefix: String) -> [String]
    /// While a shell inside a container reads the lines typed (`exec -it POD -- sh`), its
    /// prompt (`/ # `); nil at stsim's own prompt. Inside, lines have their own history and no
    /// completion, as in the container's shell.
    var nestedPrompt: String? { get }
    /// Ctrl-D at the nested prompt: the container's shell ends, and stsim's prompt returns.
    func endNestedInput()
}

extension ReplHost {
    public var nestedPrompt: String? { nil }
    public func endNestedInput() {}
}
