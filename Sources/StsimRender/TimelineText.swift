import StsimEngine

/// `timeline` in a terminal: a title with the window, a time axis, one row per lane fitted to
/// the width (each column a slice of virtual time showing the phase that filled most of it),
/// fault letters over the phases, and a legend of what appears. With colour the phases are
/// coloured cells; without it (NO_COLOR, not a terminal) each phase has its own character.
public enum TimelineText {
    public static let reset = "\u{1b}[0m"
    /// Every escape sequence this renderer writes, for the printer's list of its own colours.
    public static let sequences = TimelinePhase.allCases.map(\.terminalColour) + [markColour]
    static let markColour = "\u{1b}[1;97;41m"

    public static func render(_ t: Timeline, width: Int, colour: Bool) -> String {
        var out = "timeline \(t.since) to \(t.until)"
        guard !t.lanes.isEmpty else { return out + ": nothing happened in this window\n" }
        let labelWidth = min(t.lanes.map { $0.title.count }.max() ?? 0, max(12, width / 3)) + 2
        let columns = max(10, width - labelWidth)
        let step = max(1, (t.duration.milliseconds + Int64(columns) - 1) / Int64(columns))
        out += " (one column is \(DurationWords.text(step)))\n"
        if let cut = t.truncatedBefore {
            out += "(the history's limit dropped what happened before \(cut))\n"
        }
        out += axis(since: t.since, step: step, columns: columns, indent: labelWidth) + "\n"
        for lane in t.lanes {
            out += pad(String(lane.title.prefix(labelWidth - 2)), labelWidth)
            out += row(lane, since: t.since, step: step, columns: columns, colour: colour) + "\n"
        }
        if t.omitted > 0 {
            out += "... \(Formatting.count(t.omitted, "more pod")) (choose some with -l, or --html for all)\n"
        }
        return out + legend(t, colour: colour, width: width)
    }

    /// What a written picture holds, in a line: `12 lanes from 00:00:00 to 00:07:12`.
    public static func summary(_ t: Timeline) -> String {
        var text = "\(Formatting.count(t.lanes.count, "lane")) from \(t.since) to \(t.until)"
        if t.omitted > 0 { text += ", \(Formatting.count(t.omitted, "more pod")) left out" }
        return text
    }

    /// The cells of one lane: the phase covering most of each column, then the fault letters.
    static func row(_ lane: TimelineLane, since: VirtualTime, step: Int64, columns: Int, colour: Bool) -> String {
        var cover = [[TimelinePhase: Int64]](repeating: [:], count: columns)
        for s in lane.spans {
            var a = s.start.milliseconds - since.milliseconds
            let b = s.end.milliseconds - since.milliseconds
            while a < b {
                let c = Int(a / step)
                guard c < columns else { break }
                let cellEnd = Int64(c + 1) * step
                cover[c][s.phase, default: 0] += min(b, cellEnd) - a
                a = cellEnd
            }
        }
        // Ties go to the phase listed first: the order of TimelinePhase, so never Dictionary order.
        var cells: [(Character, TimelinePhase?)] = cover.map { c in
            let best = TimelinePhase.allCases.filter { c[$0] != nil }.max { c[$0]! < c[$1]! }
            return (best?.glyph ?? " ", best)
        }
        var marked = [Bool](repeating: false, count: columns)
        for m in lane.marks {
            guard let g = m.glyph else { continue }
            let c = min(columns - 1, Int((m.time.milliseconds - since.milliseconds) / step))
            cells[c].0 = g
            marked[c] = true
        }
        guard colour else { return String(cells.map(\.0)).trailingSpacesTrimmed }
        var out = ""
        for (i, cell) in cells.enumerated() {
            if marked[i] {
                out += markColour + String(cell.0) + reset
            } else if let p = cell.1 {
                out += p.terminalColour + " " + reset
            } else {
                out += " "
            }
        }
        return out.trailingSpacesTrimmed
    }

    /// Clock readings every ten or so columns, at round virtual times.
    static func axis(since: VirtualTime, step: Int64, columns: Int, indent: Int) -> String {
        let spacing = TimelineTicks.interval(step * 12)
        var line = [Character](repeating: " ", count: indent + columns + 8)
        var t = (since.milliseconds + spacing - 1) / spacing * spacing
        var lastEnd = -1
        while t < since.milliseconds + step * Int64(columns) {
            let column = indent + Int((t - since.milliseconds) / step)
            let label = Array("|" + VirtualTime(milliseconds: t).description)
            if column > lastEnd, column + label.count <= line.count {
                for (i, ch) in label.enumerated() { line[column + i] = ch }
                lastEnd = column + label.count
            }
            t += spacing
        }
        return String(line).trailingSpacesTrimmed
    }

    /// Only what appears in the picture, wrapped to the width.
    static func legend(_ t: Timeline, colour: Bool, width: Int) -> String {
        let shown = legendItems(t, colour: colour)
        // Measured without colour: a coloured cell is one column, as its plain character is.
        let plain = legendItems(t, colour: false)
        var out = "legend:"
        var used = 7
        for (item, measure) in zip(shown, plain) {
            let fresh = used == 7
            if !fresh, used + 3 + measure.count > width {
                out += "\n       "
                used = 7
            }
            out += (used == 7 ? " " : "   ") + item
            used += (used == 7 ? 1 : 3) + measure.count
        }
        return out + "\n"
    }

    static func legendItems(_ t: Timeline, colour: Bool) -> [String] {
        let phases = Set(t.lanes.flatMap { $0.spans.map(\.phase) })
        let faults = Set(t.lanes.flatMap { $0.marks.compactMap { m -> Character? in m.glyph } })
        var items = TimelinePhase.allCases.filter(phases.contains).map { p in
            (colour ? p.terminalColour + " " + reset : String(p.glyph)) + " " + p.rawValue
        }
        for f in Fault.allCases {
            let m = TimelineMark(time: .zero, kind: .fault(f), text: "")
            guard let g = m.glyph, faults.contains(g) else { continue }
            items.append((colour ? markColour + String(g) + reset : String(g)) + " " + f.rawValue)
        }
        return items
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// Round intervals for axis ticks.
enum TimelineTicks {
    static let steps: [Int64] = [
        1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
        3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
    ]

    /// The smallest round interval of at least `ms`.
    static func interval(_ ms: Int64) -> Int64 {
        steps.first { $0 >= ms } ?? ((ms + 86_399_999) / 86_400_000 * 86_400_000)
    }
}

/// `5s`, `1m30s`, `250ms`: a column's width in words.
enum DurationWords {
    static func text(_ ms: Int64) -> String {
        VirtualDuration(milliseconds: ms).goString
    }
}
