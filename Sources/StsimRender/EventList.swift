import StsimEngine

/// The `events` command, shaped like `kubectl events`: the `get events` columns, oldest first,
/// and a repeated event's LAST SEEN as `<last> (x<count> over <first>)`.
public enum EventList {
    /// Sorted by last time seen; ties keep the order given (the session passes events in the order
    /// they were recorded, which is the order a reader expects).
    /// `namespace` nil: every namespace's events (`-A`), each row led by its namespace as kubectl's
    /// event printer does.
    public static func render(_ events: [Event], namespace: String?, now: VirtualTime) -> RenderedText {
        guard !events.isEmpty else {
            let text = namespace.map { "No events found in \($0) namespace.\n" } ?? "No events found.\n"
            return RenderedText(text, stream: .standardError)
        }
        let ordered = events.enumerated().sorted { a, b in
            if a.element.lastTimestamp != b.element.lastTimestamp {
                return a.element.lastTimestamp < b.element.lastTimestamp
            }
            return a.offset < b.offset
        }.map(\.element)
        let lead = namespace == nil ? ["NAMESPACE"] : []
        let table = Table(
            headers: lead + Columns.eventHeaders(wide: false),
            rows: ordered.map { e in
                (namespace == nil ? [e.metadata.namespace] : [])
                    + Columns.eventRow(e, now: now, wide: false, lastSeen: EventAge.text(e, now: now))
            })
        return RenderedText(table.render())
    }
}

/// An event's age in the form `kubectl events` and `describe` print it.
enum EventAge {
    /// `12s`, or `4m23s (x17 over 9m51s)` for an event seen more than once (6.3 deduplication).
    static func text(_ e: Event, now: VirtualTime) -> String {
        let last = HumanDuration.age(of: e.lastTimestamp, now: now)
        guard e.count > 1 else { return last }
        return "\(last) (x\(e.count) over \(HumanDuration.age(of: e.firstTimestamp, now: now)))"
    }
}
