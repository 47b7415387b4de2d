/// Go's `text/tabwriter` with space padding, as kubectl uses it: kubectl tables (min width 6,
/// padding 3, 11.1) and `describe` (min width 0, padding 2, 11.7) are both this algorithm over
/// tab-separated lines, so reproducing it once gives both layouts byte for byte.
///
/// Rules (from the Go source): a cell is text terminated by a tab; the text after a line's last
/// tab is not a cell and is never padded. A *column block* is a run of consecutive lines that all
/// have a cell in column k; its width is `max(minWidth, widest cell + padding)`. A line without
/// a cell in column k ends the block, which is why `describe` realigns after lines like `IPs:`.
/// Widths count Unicode scalars (Go counts runes).
public struct TabWriter: Sendable {
    public var minWidth: Int
    public var padding: Int

    public init(minWidth: Int, padding: Int) {
        self.minWidth = minWidth
        self.padding = padding
    }

    /// kubectl's table printer: `tabwriter.NewWriter(out, 6, 4, 3, ' ', 0)`.
    public static let table = TabWriter(minWidth: 6, padding: 3)
    /// kubectl describe: `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`.
    public static let describe = TabWriter(minWidth: 0, padding: 2)

    /// Lays out `text` (lines separated by `\n`, cells by `\t`). A final newline is kept.
    public func format(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        let widths = lines.map { $0.map { $0.unicodeScalars.count } }
        var out = Array(repeating: [String](), count: lines.count)
        var columnWidths: [Int] = []
        layout(lines, widths, 0, lines.count, &columnWidths, &out)
        let joined = out.map { $0.joined() }.joined(separator: "\n")
        return endsWithNewline ? joined + "\n" : joined
    }

    /// `Writer.format`: finds the column blocks of column `widths.count` within lines
    /// `[start, end)`, recursing into each block for the next column.
    private func layout(
        _ lines: [[String]], _ cellWidths: [[Int]], _ start: Int, _ end: Int,
        _ widths: inout [Int], _ out: inout [[String]]
    ) {
        let column = widths.count
        var pending = start
        var this = start
        while this < end {
            if column >= lines[this].count - 1 {
                this += 1
                continue
            }
            emit(lines, cellWidths, pending, this, widths, &out)
            let blockStart = this
            var width = minWidth
            while this < end, column < lines[this].count - 1 {
                width = max(width, cellWidths[this][column] + padding)
                this += 1
            }
            widths.append(width)
            layout(lines, cellWidths, blockStart, this, &widths, &out)
            widths.removeLast()
            pending = this
        }
        emit(lines, cellWidths, pending, end, widths, &out)
    }

    /// `Writer.writeLines`: cells in a known column are padded to its width; the rest are copied.
    private func emit(
        _ lines: [[String]], _ cellWidths: [[Int]], _ start: Int, _ end: Int,
        _ widths: [Int], _ out: inout [[String]]
    ) {
        guard start < end else { return }
        for i in start..<end {
            var parts: [String] = []
            for (j, cell) in lines[i].enumerated() {
                parts.append(cell)
                if j < widths.count {
                    parts.append(String(repeating: " ", count: max(0, widths[j] - cellWidths[i][j])))
                }
            }
            out[i] = parts
        }
    }
}
