import StsimEngine
import StsimLanguage
import StsimRender

/// A `get -w`: what it follows (one kind, as kubectl watches one), and the rows printed so far,
/// whose widths later rows keep.
struct StandingWatch {
    let kind: ResourceKind
    let namespace: String?
    let names: Set<String>
    let selector: LabelSelector?
    let options: TableOptions
    var rows = WatchTable()

    func follows(_ change: Change) -> Bool {
        change.key.kind == kind && (namespace == nil || !kind.isNamespaced || change.key.namespace == namespace)
            && (names.isEmpty || names.contains(change.key.name))
            && (selector?.matches(change.object.metadata.labels) ?? true)
    }

    /// One watch event's row, AGE as it was at the event; the header comes with the first row.
    mutating func row(_ change: Change) -> String {
        let table = GetOutput.table(
            [change.object], kind: kind, options: options, prefixNames: options.showKind, now: change.time)
        return rows.started ? rows.row(table.rows[0]) : rows.block(table)
    }
}

extension Session {
    /// `get -w` as kubectl prints it (get.go's watch): after the list, one row per watch event of
    /// the objects asked for, in the list's columns, AGE as it was at the event, widths remembered
    /// across rows. kubectl watches one kind at a time and for ever. In mode step, stsim watches
    /// while the cluster runs to its settle point. In mode auto, where every command settles, the
    /// watch stays open as a second terminal would, until `unwatch` or the next `get -w`: the
    /// StatefulSet Basics tutorial starts its watch before the command whose pods it shows.
    static func checkWatchable(_ command: GetCommand) throws {
        guard command.output == .table || command.output == .wide, command.printing.template == nil else {
            throw SessionError(
                "stsim's get -w prints tables only", hint: "watch with the table (or -o wide), then get -o yaml")
        }
        guard command.kinds.count == 1 else {
            throw SessionError(
                "watch is only supported on individual resources and resource collections - more than 1 resource was found",
                hint: "watch one kind: get pods -w, then get sts -w")
        }
    }

    func watch(_ command: GetCommand, listed: [(ResourceKind, [KubeObject])], selector: LabelSelector?) throws {
        // The watch starts at the list: what happened before it is in the list already.
        standingWatch = nil
        _ = discardChanges()
        var watch = StandingWatch(
            kind: command.kinds[0],
            namespace: command.allNamespaces ? nil : command.namespace ?? cluster.config.namespace,
            names: Set(command.names.map(\.text)), selector: selector, options: tableOptions(command))
        for (kind, objects) in listed where !objects.isEmpty {
            _ = watch.rows.block(GetOutput.table(objects, kind: kind, options: watch.options, now: cluster.now))
        }
        standingWatch = watch
        let result = withProgress("settle") { cluster.settle(limit: settleLimit, shouldStop: $0) }
        let batch = cluster.drainChanges()
        changeObserver?(batch)
        printWatchRows(batch)
        if autoMode {
            printer.line(
                "stsim: the watch stays open, as in a second terminal: what the next commands change prints as its rows; unwatch ends it"
            )
        } else {
            standingWatch = nil
            printer.line("stsim: the watch ends where the cluster settles; \(settleSummary(result))")
        }
    }

    /// The rows of the open watch for a batch of changes, cut at the watch limit.
    @discardableResult
    func printWatchRows(_ batch: ChangeBatch) -> Int {
        guard var watch = standingWatch else { return 0 }
        var printed = 0
        var left = 0
        for change in Session.lastOfEachInstant(batch.changes) where watch.follows(change) {
            guard printed < watchLimit else {
                left += 1
                continue
            }
            printer.block(watch.row(change))
            printed += 1
        }
        standingWatch = watch
        if left > 0 { printer.line("... \(left.groupedDigits) more rows (set watch-limit N to see more)") }
        return printed
    }

    func unwatch() throws {
        guard standingWatch != nil else {
            throw SessionError("no watch is open", hint: "get pods -w opens one (in mode auto it stays open)")
        }
        standingWatch = nil
        printer.line("stsim: the watch ended")
    }
}
