import StsimEngine

/// kubectl's describe `PrefixWriter` over a tabwriter (min width 0, padding 2): lines are written
/// at an indent level with `\t` between key and value, exactly as describe.go writes them, and
/// the tab writer aligns each run of lines that share a column (11.7). `flush()` lays out what
/// was written so far on its own, as describe.go's `w.Flush()` before the events table does.
struct DescribeWriter {
    private var done = ""
    private var pending = ""
    let now: VirtualTime
    let calendar: VirtualCalendar
    /// False for kubectl's output that bypasses the tabwriter (`rollout history --revision`).
    let aligned: Bool
    /// stsim's words on containers it does not fully simulate, by container name (`Simulated:`).
    var notes: [String: String] = [:]

    init(now: VirtualTime, calendar: VirtualCalendar, aligned: Bool = true) {
        self.now = now
        self.calendar = calendar
        self.aligned = aligned
    }

    /// `LEVEL_0` .. `LEVEL_3`: two spaces per level.
    mutating func write(_ level: Int, _ text: String) {
        pending += String(repeating: "  ", count: level) + text
    }

    mutating func line(_ level: Int, _ text: String) { write(level, text + "\n") }

    mutating func flush() {
        done += aligned ? TabWriter.describe.format(pending) : pending
        pending = ""
    }

    mutating func finish() -> String {
        flush()
        return done
    }

    func date(_ t: VirtualTime?) -> String { t.map(calendar.rfc1123Z) ?? "<unset>" }
    func age(_ t: VirtualTime?) -> String { HumanDuration.age(of: t, now: now) }

    /// `printLabelsMultilineWithIndent`: the first `k=v` on the title line, the rest below it,
    /// sorted by key; `<none>` when empty.
    mutating func labels(_ title: String, _ labels: [String: String], indent: String = "") {
        list(title, Formatting.sortedPairs(labels).map { "\($0.key)=\($0.value)" }, indent: indent)
    }

    /// A title and a list of values, one a line, aligned under the first; `<none>` when empty.
    mutating func list(_ title: String, _ values: [String], indent: String = "") {
        write(0, "\(indent)\(title):\t")
        guard !values.isEmpty else {
            write(0, "<none>\n")
            return
        }
        for (i, v) in values.enumerated() {
            if i > 0 { write(0, "\(indent)\t") }
            write(0, v + "\n")
        }
    }

    /// `printAnnotationsMultiline`: `key: value`; long or multi-line values go on their own lines,
    /// shortened to 140 characters as kubectl does.
    mutating func annotations(_ all: [String: String], indent: String = "") {
        // describe.go skips the last-applied configuration everywhere (skipAnnotations).
        let annotations = all.filter { $0.key != "kubectl.kubernetes.io/last-applied-configuration" }
        write(0, "\(indent)Annotations:\t")
        guard !annotations.isEmpty else {
            write(0, "<none>\n")
            return
        }
        let maxLength = 140
        for (i, (key, raw)) in Formatting.sortedPairs(annotations).enumerated() {
            if i > 0 { write(0, "\(indent)\t") }
            let value = raw.hasSuffix("\n") ? String(raw.dropLast()) : raw
            if value.count + key.count + 2 > maxLength || value.contains("\n") {
                write(0, "\(key):\n")
                for part in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    let s = part.count > maxLength - 2 ? part.prefix(maxLength - 5) + "..." : part
                    write(0, "\(indent)\t  \(s)\n")
                }
            } else {
                write(0, "\(key): \(value)\n")
            }
        }
    }

    /// `DescribeEvents`: sorted by last time seen, ages as `<last> (x<count> over <first>)`.
    mutating func events(_ events: [Event]) {
        guard !events.isEmpty else {
            line(0, "Events:\t<none>")
            return
        }
        flush()
        let ordered = events.enumerated().sorted { a, b in
            a.element.lastTimestamp != b.element.lastTimestamp
                ? a.element.lastTimestamp < b.element.lastTimestamp : a.offset < b.offset
        }.map(\.element)
        line(0, "Events:")
        line(1, "Type\tReason\tAge\tFrom\tMessage")
        line(1, "----\t------\t----\t----\t-------")
        for e in ordered {
            // describe shows the first-seen age for a single event, `kubectl events` the last;
            // they are the same instant when count is 1.
            let age = e.count > 1 ? EventAge.text(e, now: now) : self.age(e.firstTimestamp)
            line(1, "\(e.type.rawValue)\t\(e.reason)\t\(age)\t\(e.sourceComponent)\t\(Columns.trimmed(e.message))")
        }
    }
}
