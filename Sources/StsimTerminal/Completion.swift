/// What one Tab press does to the line, decided from the text before the cursor and the host's
/// candidates. Kept apart from libedit so the readline-like rules are unit-tested.
public enum CompletionAction: Equatable, Sendable {
    /// No candidate (or nothing left to add): libedit beeps.
    case nothing
    /// Delete `deleting` characters (Unicode scalars, libedit's wide characters) before the
    /// cursor, then insert `inserting`.
    case edit(deleting: Int, inserting: String)
    /// Several candidates and nothing more to insert: show them, sorted, and redraw the line.
    case list([String])
}

public enum Completion {
    /// The bash/readline rules: one candidate is completed and followed by a space (unless it
    /// ends in `/` or `=`, where the user goes on typing the same word); several extend the word
    /// to their longest common prefix, and once that adds nothing a Tab lists them.
    public static func action(linePrefix: String, candidates: [String]) -> CompletionAction {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return .nothing }
        let word = String(currentWord(of: linePrefix))
        let typed = Array(word.unicodeScalars)

        if unique.count == 1 {
            let candidate = unique[0]
            let separator = candidate.hasSuffix("/") || candidate.hasSuffix("=") ? "" : " "
            let edit = replacing(typed, with: candidate, append: separator)
            return edit == .edit(deleting: 0, inserting: "") ? .nothing : edit
        }

        let common = Array(longestCommonPrefix(unique).unicodeScalars)
        if common.count > typed.count, common.starts(with: typed) {
            return .edit(deleting: 0, inserting: String(String.UnicodeScalarView(common[typed.count...])))
        }
        return .list(unique.sorted())
    }

    /// The word being completed: the text after the last space that is not inside quotes or
    /// escaped by a backslash, the same split the command language's lexer makes.
    public static func currentWord(of linePrefix: String) -> Substring {
        var start = linePrefix.startIndex
        var quote: Character?
        var escaped = false
        var index = linePrefix.startIndex
        while index < linePrefix.endIndex {
            let character = linePrefix[index]
            linePrefix.formIndex(after: &index)
            if escaped {
                escaped = false
            } else if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true }
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " || character == "\t" {
                start = index
            }
        }
        return linePrefix[start...]
    }

    /// Longest prefix, in whole characters, that every string shares.
    public static func longestCommonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = first[...]
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix { $0 == $1 }.count
            prefix = prefix.prefix(shared)
        }
        return String(prefix)
    }

    /// Lays the candidates out like readline: sorted down the columns, each column as wide as the
    /// widest candidate plus two spaces, as many columns as fit in `width`.
    public static func columns(_ items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let widths = items.map(displayWidth)
        let columnWidth = (widths.max() ?? 0) + 2
        let columnCount = max(1, (max(width, 1) + 2) / columnWidth)
        let rowCount = (items.count + columnCount - 1) / columnCount
        return (0..<rowCount).map { row in
            var line = ""
            var column = 0
            while row + column * rowCount < items.count {
                let index = row + column * rowCount
                if column > 0 { line += String(repeating: " ", count: columnWidth - widths[index - rowCount]) }
                line += items[index]
                column += 1
            }
            return line
        }
    }

    /// Terminal cells a string takes: East Asian wide characters (CJK, Hangul, full-width forms,
    /// most emoji) take two, combining marks none. Enough for laying out candidate columns.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || value == 0x200D { return total }
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
                || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
            return total + (wide ? 2 : 1)
        }
    }

    private static func replacing(_ typed: [Unicode.Scalar], with candidate: String, append separator: String)
        -> CompletionAction
    {
        let scalars = Array(candidate.unicodeScalars)
        if scalars.starts(with: typed) {
            return .edit(deleting: 0, inserting: String(String.UnicodeScalarView(scalars[typed.count...])) + separator)
        }
        return .edit(deleting: typed.count, inserting: candidate + separator)
    }
}
