/// The rows of `kubectl get -w`: the list's table, then one row per watch event, through a tab
/// writer that remembers column widths across flushes (kubectl's liggitt/tabwriter with
/// RememberWidths). A column only grows: a row with a longer cell (`ContainerCreating`) widens
/// its column for itself and every row after it; shorter cells keep the widths seen so far.
public struct WatchTable: Sendable {
    private var widths: [Int] = []
    private let writer = TabWriter.table

    public init() {}

    /// Whether anything was printed yet (kubectl prints the header with the first row).
    public var started: Bool { !widths.isEmpty }

    /// The header and rows printed together, as the list before the watch.
    public mutating func block(_ table: Table) -> String {
        lines([table.headers] + table.rows)
    }

    /// One event's row.
    public mutating func row(_ cells: [String]) -> String { lines([cells]) }

    private mutating func lines(_ rows: [[String]]) -> String {
        for row in rows {
            for (i, cell) in row.enumerated().dropLast() {
                let w = max(writer.minWidth, cell.unicodeScalars.count + writer.padding)
                if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
            }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.unicodeScalars.count) }
            }
            return String(Table.trimTrailingSpaces(line[...])) + "\n"
        }.joined()
    }
}
