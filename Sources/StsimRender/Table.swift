/// One kubectl table: upper-case headers and rows of cells, laid out by `TabWriter.table`.
public struct Table: Hashable, Sendable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]] = []) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as kubectl prints it: every column but the last padded to its widest cell + 3
    /// (at least 6), lines ending in `\n`. Trailing spaces (a padded cell followed by an empty
    /// last cell) are trimmed, so transcripts never carry invisible differences.
    public func render(headers showHeaders: Bool = true) -> String {
        var text = ""
        for line in (showHeaders ? [headers] : []) + rows {
            text += line.map(Self.clean).joined(separator: "\t") + "\n"
        }
        return TabWriter.table.format(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { Self.trimTrailingSpaces($0) }
            .joined(separator: "\n")
    }

    /// A cell must not contain the writer's separators (an event message could).
    private static func clean(_ cell: String) -> String {
        String(cell.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
    }

    static func trimTrailingSpaces(_ line: Substring) -> Substring {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return line[..<end]
    }
}

/// The `get` flags that change a table's shape.
public struct TableOptions: Hashable, Sendable {
    /// `-o wide`: the priority-1 columns.
    public var wide: Bool
    /// `--show-labels`: a final `LABELS` column.
    public var showLabels: Bool
    /// `-A`: a leading `NAMESPACE` column (namespaced kinds only).
    public var allNamespaces: Bool

    /// `-L KEY`: a column per label key, headed by the key's last segment in upper case.
    public var labelColumns: [String]
    /// `--sort-by`: the rows keep the order they were given in.
    public var keepOrder: Bool
    /// `--show-kind`: names carry their kind (`pod/web-0`) even for one kind.
    public var showKind: Bool
    /// `--no-headers`: rows only, laid out without the header line, no blank line between kinds.
    public var noHeaders = false

    public init(
        wide: Bool = false, showLabels: Bool = false, allNamespaces: Bool = false, labelColumns: [String] = [],
        keepOrder: Bool = false, showKind: Bool = false
    ) {
        self.wide = wide
        self.showLabels = showLabels
        self.allNamespaces = allNamespaces
        self.labelColumns = labelColumns
        self.keepOrder = keepOrder
        self.showKind = showKind
    }
}
