import StsimEngine

/// In a script, `exec -it POD -- sh` (or `run -it --image=busybox NAME`) is followed by the lines
/// the shell reads, up to `exit`, as a learner would type them at its prompt.
extension Lexer {
    /// Whether the command opens a shell that reads from a terminal: `-i`, no here-document,
    /// and a lone shell after `--` (exec), or no command or a lone shell for a BusyBox image (run).
    static func opensShell(_ command: CommandText) -> Bool {
        guard command.hereDocument == nil else { return false }
        var words = command.words.map { word in
            word.parts.map { part in
                if case .text(let s) = part { return s }
                return "$"
            }.joined()
        }
        if words.first == "kubectl" { words.removeFirst() }
        words = GlobalFlags.hoisted(words) { $0 }
        guard let head = words.first else { return false }
        let end = words.firstIndex(of: "--") ?? words.count
        guard end >= 1 else { return false }
        let flags = words[1..<end]
        let stdin = flags.contains { word in
            ["--stdin", "--stdin=true", "--interactive", "--it"].contains(word)
                || (word.count > 1 && word.first == "-" && word.dropFirst().allSatisfy { $0 == "i" || $0 == "t" }
                    && word.contains("i"))
        }
        guard stdin else { return false }
        switch head {
        case "exec":
            return end == words.count - 2 && Cluster.interactiveShells.contains(words[end + 1])
        case "run":
            // No command, or a lone shell (`-- sh`), which reads the terminal as BusyBox's own does.
            let loneShell = end == words.count - 2 && Cluster.interactiveShells.contains(words[end + 1])
            guard end == words.count || loneShell, let image = imageFlag(Array(flags)) else { return false }
            return ProgramCatalog.kind(ofImage: image) == .toolbox
        default:
            return false
        }
    }

    private static func imageFlag(_ flags: [String]) -> String? {
        for (i, word) in flags.enumerated() {
            if word.hasPrefix("--image=") { return String(word.dropFirst("--image=".count)) }
            if word == "--image", i + 1 < flags.count { return flags[i + 1] }
        }
        return nil
    }

    /// The lines after the command, up to and with the first line whose command is `exit`.
    mutating func readShellLines(_ command: CommandText) throws(Failure) -> [ShellLine] {
        guard pos == 0 || chars[pos - 1] == "\n" || pos == chars.count else {
            throw Failure(
                diagnostic: error(
                    at: command.location, "in a script, the shell reads the lines after this command: end its line here"
                ),
                incomplete: false)
        }
        var lines: [ShellLine] = []
        while true {
            guard pos < chars.count else {
                throw Failure(
                    diagnostic: error(
                        at: command.location, "the shell reads the lines after it up to exit; the input ended first",
                        hint: "end the shell's lines with a line: exit"),
                    incomplete: true)
            }
            let location = here
            var text = ""
            while pos < chars.count, chars[pos] != "\n" {
                text.append(chars[pos])
                advance()
            }
            if pos < chars.count { advance() }
            if text.last == "\r" { text.removeLast() }
            lines.append(ShellLine(text: text, location: location))
            let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" }).first
            if first == "exit" { return lines }
        }
    }
}
