import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    /// `get -w` as kubectl prints it (get.go's watch): after the list, one row per watch event of
    /// the objects asked for, in the list's columns (names prefixed when several kinds were
    /// asked for), AGE as it was at the event, widths remembered across rows. kubectl would watch
    /// for ever; stsim watches while the cluster runs to its settle point, then says where it
    /// stopped.
    static func checkWatchable(_ command: GetCommand) throws {
        guard command.output == .table || command.output == .wide, command.printing.template == nil else {
            throw SessionError(
                "stsim's get -w prints tables only", hint: "watch with the table (or -o wide), then get -o yaml")
        }
    }

    func watch(_ command: GetCommand, listed: [(ResourceKind, [KubeObject])], selector: LabelSelector?) throws {
        // The watch starts at the list: what happened before it is in the list already.
        _ = discardChanges()
        let options = tableOptions(command)
        let prefix = command.kinds.count > 1 || options.showKind
        var rows = WatchTable()
        for (kind, objects) in listed where !objects.isEmpty {
            _ = rows.block(
                GetOutput.table(objects, kind: kind, options: options, prefixNames: prefix, now: cluster.now))
        }
        let result = withProgress("settle") { cluster.settle(limit: settleLimit, shouldStop: $0) }
        let batch = cluster.drainChanges()
        changeObserver?(batch)
        let namespace = command.namespace ?? cluster.config.namespace
        let names = Set(command.names.map(\.text))
        var printed = 0
        var left = 0
        for change in Session.lastOfEachInstant(batch.changes) {
            let o = change.object
            guard command.kinds.contains(change.key.kind),
                command.allNamespaces || !change.key.kind.isNamespaced || change.key.namespace == namespace,
                names.isEmpty || names.contains(change.key.name),
                selector?.matches(o.metadata.labels) ?? true
            else { continue }
            guard printed < watchLimit else {
                left += 1
                continue
            }
            let table = GetOutput.table(
                [o], kind: change.key.kind, options: options, prefixNames: prefix, now: change.time)
            printer.block(rows.started ? rows.row(table.rows[0]) : rows.block(table))
            printed += 1
        }
        if left > 0 { printer.line("... \(left.groupedDigits) more rows (set watch-limit N to see more)") }
        printer.line("stsim: the watch ends where the cluster settles; \(settleSummary(result))")
    }
}
