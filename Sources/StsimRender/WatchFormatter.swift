import StsimEngine

/// The settle output: one `kubectl get -w`-like row per visible change, with the virtual time in
/// front (`00:00:03  pod/web-0   1/1   Running   0   node-2`).
///
/// A change is visible when it alters the row of a pod (READY, STATUS, RESTARTS, NODE), the
/// phase of a claim or volume, a StatefulSet's READY or a node's STATUS; the engine's feed also
/// carries changes nobody reads in a table (resourceVersion bumps, conditions, endpoint slices),
/// and printing those would bury the story. The formatter lives as long as the session and
/// remembers each object's last printed row, so a row repeats only when it changed.
///
/// Names use short kinds (`sts/web`, `pvc/www-web-0`): provisioned volumes are named
/// `pvc-<uid>`, and `persistentvolume/pvc-…` would push every row past 80 columns. Restarts
/// show the count without kubectl's `(31s ago)`, which the timestamp in front already says.
public struct WatchFormatter: Sendable, Codable {
    /// Chunked (`ChunkedDictionary`): every undo state keeps a formatter, and a plain dictionary
    /// was copied whole, a row per object, by the first settle after each.
    private var lastRows = ChunkedDictionary<ObjectKey, [String]>()

    public init() {}

    /// The lines for one batch of changes, columns aligned across the batch. At most `limit`
    /// rows are printed; the rest (plus `droppedCount` changes the engine's feed did not keep)
    /// are counted in a final `... 29,950 more changes` line. Rows past the limit still update
    /// the memory, so the next settle does not repeat them.
    public mutating func format(_ changes: [Change], droppedCount: Int = 0, limit: Int? = nil) -> WatchOutput {
        var rows: [[String]] = []
        var cut = 0
        for change in changes {
            guard let row = visibleRow(change) else { continue }
            // Past the limit only the count is kept: a settle of 100,000 pods prints a screen.
            if let limit, rows.count >= limit {
                cut += 1
                continue
            }
            rows.append([change.time.description] + row)
        }
        let more = cut + droppedCount
        var lines = Self.layout(rows)
        if more > 0 { lines.append("... \(Formatting.grouped(more)) more \(more == 1 ? "change" : "changes")") }
        return WatchOutput(lines: lines, moreChanges: more)
    }

    /// The lines for everything the engine's feed handed over since the last drain.
    public mutating func format(_ batch: ChangeBatch, limit: Int? = nil) -> WatchOutput {
        format(batch.changes, droppedCount: batch.droppedCount, limit: limit)
    }

    /// Forgets every remembered row (after `reset` or `load`, when the world was replaced).
    public mutating func reset() { lastRows = ChunkedDictionary() }

    /// The row for a change if it differs from the last one printed for that object.
    private mutating func visibleRow(_ change: Change) -> [String]? {
        // The distribution's own pods and their controllers keep to themselves (Namespace.system).
        guard !Namespace.system.contains(change.key.namespace), let cells = Self.cells(change.object) else {
            return nil
        }
        let key = change.key
        if change.type == .deleted {
            lastRows[key] = nil
            return [cells[0], "", "deleted"]
        }
        if lastRows[key] == cells { return nil }
        lastRows[key] = cells
        return cells
    }

    /// The short name and the watched cells of an object, nil for kinds the settle output skips.
    /// Every kind fills the same columns (NAME, READY, STATUS, RESTARTS, WHERE), so a column means
    /// one thing down the whole stream: a claim's phase sits under the pods' STATUS, its volume
    /// under their NODE.
    static func cells(_ object: KubeObject) -> [String]? {
        switch object {
        case .pod(let p):
            let printer = PodPrinter(p)
            return [
                "pod/\(p.metadata.name)", printer.ready, printer.status, "\(printer.restarts)",
                Columns.nonEmpty(p.spec.nodeName),
            ]
        case .persistentVolumeClaim(let c):
            let phase = c.metadata.deletionTimestamp != nil ? "Terminating" : (c.status.phase?.rawValue ?? "")
            return ["pvc/\(c.metadata.name)", "", phase, "", c.spec.volumeName ?? ""]
        case .persistentVolume(let v):
            let phase = v.metadata.deletionTimestamp != nil ? "Terminating" : (v.status.phase?.rawValue ?? "")
            return ["pv/\(v.metadata.name)", "", phase, "", Columns.claimRefText(v.spec.claimRef)]
        case .statefulSet(let s):
            return ["sts/\(s.metadata.name)", "\(s.status.readyReplicas)/\(s.spec.replicas ?? 1)", "", "", ""]
        case .node(let n):
            return ["node/\(n.metadata.name)", "", Columns.nodeStatus(n), "", ""]
        case .namespace(let n):
            return ["ns/\(n.metadata.name)", "", n.phase?.rawValue ?? "", "", ""]
        case .service, .replicaSet, .storageClass, .endpointSlice, .endpoints, .event, .controllerRevision,
            .podDisruptionBudget,
            .configMap, .secret, .serviceAccount, .daemonSet:
            return nil
        }
    }

    /// Names longer than this do not widen the NAME column for everyone: a provisioned volume's
    /// `pv/pvc-<uid>` would otherwise push every pod row 30 columns to the right.
    static let nameWidthCap = 32

    /// Time, two spaces, then each cell at its column's start (widest cell + 3), as the table
    /// writer would place it if each column were one block. A row whose cell overflows its column
    /// keeps a 3-space gap and falls back into line at the next column it can reach.
    static func layout(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated().dropFirst() {
                let w = cell.unicodeScalars.count
                if i == 1, w > nameWidthCap { continue }
                widths[i] = max(widths[i], w)
            }
        }
        var starts = Array(repeating: 0, count: columns)
        for i in 1..<max(1, columns) where i + 1 < columns { starts[i + 1] = starts[i] + widths[i] + 3 }
        return rows.map { row in
            var line = ""
            var cursor = 0
            // Empty cells take no room, so an overflowing row closes up instead of gaping.
            for (i, cell) in row.enumerated().dropFirst() where !cell.isEmpty {
                let target = i == 1 ? 0 : max(starts[i], cursor + 3)
                line += String(repeating: " ", count: target - cursor) + cell
                cursor = target + cell.unicodeScalars.count
            }
            return String(Table.trimTrailingSpaces("\(row[0])  \(line)"[...]))
        }
    }
}

/// What one settle prints before its summary.
public struct WatchOutput: Hashable, Sendable {
    /// The rows (and the `... N more changes` line when the stream was cut), without newlines.
    public var lines: [String]
    /// Changes not printed: past the limit, or not kept by the engine's feed.
    public var moreChanges: Int

    public var text: String { lines.map { $0 + "\n" }.joined() }
}
