/// Words and here-documents as bash reads them back: what the exported script must say exactly.
enum BashText {
    /// Characters that need no quoting in a bash word (the ones kubectl's own examples leave bare).
    private static let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@%+")

    /// One word: bare when it is safe, else single-quoted (a `'` inside becomes `'\''`).
    static func word(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy(plain.contains), !text.hasPrefix("=") { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func words(_ texts: [String]) -> String { texts.map(word).joined(separator: " ") }

    /// A quoted here-document body and its closing line; the delimiter is one the text never
    /// holds on a line of its own (`EOF`, else `EOF1`, ...), and quoting it keeps bash from
    /// expanding `$` in manifests.
    static func hereDocument(_ text: String) -> (delimiter: String, lines: [String]) {
        var body = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if body.last == "" { body.removeLast() }
        var delimiter = "EOF"
        var n = 0
        while body.contains(delimiter) {
            n += 1
            delimiter = "EOF\(n)"
        }
        return (delimiter, body + [delimiter])
    }

    /// A `# ...` comment per line of `text`.
    static func comment(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "#" : "# \($0)" }
    }

    /// Seconds for `sleep` and `--timeout` (`1500ms` is `2s`: kubectl's timeouts take whole units
    /// well, and a wait is never shorter than asked).
    static func seconds(_ milliseconds: Int64) -> String {
        "\((milliseconds + 999) / 1000)s"
    }
}
