import StsimEngine

/// The one printer for every `Diagnostic` (lexer, parser, manifest loader, executor), in the
/// compiler shape editors and terminals recognise:
///
///     web.sts:3:7: error: unknown command "scael"
///       scael sts web 3
///       ^
///       hint: did you mean "scale"?
public enum DiagnosticPrinter {
    /// For scripts and files. The source line comes from the diagnostic or, failing that, from
    /// `sourceLine` (the session's lookup of the file's text); without one the caret is left out.
    public static func render(
        _ d: Diagnostic, sourceLine lookup: (SourceLocation) -> String? = { _ in nil }
    ) -> String {
        var out = ""
        if let location = d.location { out += "\(location): " }
        out += "\(d.severity.rawValue): \(d.message)\n"
        if let location = d.location, let line = d.sourceLine ?? lookup(location) {
            let text = Self.stripNewline(line)
            out += "  \(text)\n"
            out += "  \(caretLine(text, column: location.column))\n"
        }
        if let hint = d.hint { out += "  hint: \(hint)\n" }
        return out
    }

    /// For a line typed at the prompt, which is still on screen just above: no file position and
    /// no copy of the line, only a caret under the offending column (after a prompt of
    /// `promptWidth` columns), then the message.
    ///
    ///     stsim> scael sts web 3
    ///            ^
    ///     error: unknown command "scael"
    public static func renderAtPrompt(_ d: Diagnostic, promptWidth: Int) -> String {
        var out = ""
        if let location = d.location {
            let typed = d.sourceLine.map(Self.stripNewline) ?? ""
            out += String(repeating: " ", count: promptWidth) + caretLine(typed, column: location.column) + "\n"
        }
        out += "\(d.severity.rawValue): \(d.message)\n"
        if let hint = d.hint { out += "  hint: \(hint)\n" }
        return out
    }

    /// Blanks as wide as the text before `column` (1-based, in characters), then `^`. Tabs are
    /// copied so the caret lands where the terminal put the character; East Asian wide
    /// characters and emoji take two cells.
    static func caretLine(_ line: String, column: Int) -> String {
        var prefix = ""
        for c in line.prefix(max(0, column - 1)) {
            prefix += c == "\t" ? "\t" : String(repeating: " ", count: displayWidth(c))
        }
        // A column past the end (an error at end of line) still gets a caret, after the text.
        let missing = max(0, column - 1 - line.count)
        return prefix + String(repeating: " ", count: missing) + "^"
    }

    /// Terminal cells of one character: 2 for wide and emoji code points, else 1 (combining
    /// marks are inside the `Character` already).
    static func displayWidth(_ c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value else { return 1 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    private static func stripNewline(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last == "\n" || last == "\r" || last == "\r\n" { t = t.dropLast() }
        return String(t)
    }
}
