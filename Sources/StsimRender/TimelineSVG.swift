import StsimEngine

/// `timeline --svg FILE`: the lanes as one standalone SVG for documents. Each span, fault and
/// event carries a `<title>` (the hover text a browser shows) and its virtual times as
/// `data-t0`/`data-t1`/`data-t`, which the HTML page's zoom uses to lay it out again.
public enum TimelineSVG {
    struct Geometry {
        var labelWidth = 220.0
        var chartWidth = 960.0
        var laneHeight = 18.0
        var laneGap = 6.0
        var top = 52.0
        var since: VirtualTime
        var duration: Int64

        var width: Double { labelWidth + chartWidth + 20 }
        func x(_ t: VirtualTime) -> Double {
            labelWidth + Double(t.milliseconds - since.milliseconds) / Double(max(1, duration)) * chartWidth
        }
        func y(_ lane: Int) -> Double { top + Double(lane) * (laneHeight + laneGap) }
    }

    public static func render(_ t: Timeline) -> String {
        let g = Geometry(since: t.since, duration: t.duration.milliseconds)
        let legendTop = g.y(t.lanes.count) + 10
        let height = legendTop + 22 * Double(legendRows(t)) + 12
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"\(n(g.width))\" "
        out += "height=\"\(n(height))\" viewBox=\"0 0 \(n(g.width)) \(n(height))\" "
        out += "data-since=\"\(t.since.milliseconds)\" data-until=\"\(t.until.milliseconds)\" "
        out += "data-chart-x=\"\(n(g.labelWidth))\" data-chart-width=\"\(n(g.chartWidth))\" "
        out += "font-family=\"DejaVu Sans Mono, monospace\" font-size=\"12\">\n"
        out += "<title>\(xml(title(t)))</title>\n"
        out += "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out += "<text class=\"heading\" x=\"8\" y=\"18\" font-size=\"14\">\(xml(title(t)))</text>\n"
        out += "<clipPath id=\"chart\"><rect x=\"\(n(g.labelWidth))\" y=\"0\" width=\"\(n(g.chartWidth))\" "
        out += "height=\"\(n(height))\"/></clipPath>\n"
        out += axis(g, until: t.until, bottom: legendTop - 6)
        for (i, lane) in t.lanes.enumerated() { out += laneGroup(lane, index: i, g) }
        out += legend(t, top: legendTop)
        return out + "</svg>\n"
    }

    static func title(_ t: Timeline) -> String {
        var s = "stsim timeline, \(t.since) to \(t.until)"
        if t.omitted > 0 { s += " (\(Formatting.count(t.omitted, "more pod")) not drawn)" }
        return s
    }

    static func axis(_ g: Geometry, until: VirtualTime, bottom: Double) -> String {
        var out = "<g class=\"axis\" clip-path=\"url(#chart)\">\n"
        let spacing = TimelineTicks.interval(max(1, g.duration / 8))
        var t = (g.since.milliseconds + spacing - 1) / spacing * spacing
        while t <= until.milliseconds {
            let x = n(g.x(VirtualTime(milliseconds: t)))
            out += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(n(g.top - 8))\" y2=\"\(n(bottom))\" stroke=\"#dddddd\"/>"
            out += "<text x=\"\(x)\" y=\"\(n(g.top - 12))\" text-anchor=\"middle\" fill=\"#555555\">"
            out += "\(VirtualTime(milliseconds: t))</text>\n"
            t += spacing
        }
        return out + "</g>\n"
    }

    static func laneGroup(_ lane: TimelineLane, index: Int, _ g: Geometry) -> String {
        let y = g.y(index)
        var out = "<g class=\"lane \(kindName(lane.kind))\" data-lane=\"\(xml(lane.title))\">\n"
        out += "<text class=\"label\" x=\"8\" y=\"\(n(y + g.laneHeight - 5))\">\(xml(lane.title))</text>\n"
        out += "<g clip-path=\"url(#chart)\">\n"
        for s in lane.spans {
            let x0 = g.x(s.start)
            let w = max(0.5, g.x(s.end) - x0)
            out += "<rect class=\"span \(s.phase.cssName)\" x=\"\(n(x0))\" y=\"\(n(y))\" width=\"\(n(w))\" "
            out += "height=\"\(n(g.laneHeight))\" fill=\"\(s.phase.colour)\" "
            out += "data-t0=\"\(s.start.milliseconds)\" data-t1=\"\(s.end.milliseconds)\">"
            out += "<title>\(xml(spanText(lane, s)))</title></rect>\n"
        }
        for m in lane.marks { out += mark(m, y: y, g) }
        return out + "</g>\n</g>\n"
    }

    static func spanText(_ lane: TimelineLane, _ s: TimelineSpan) -> String {
        var text = "\(lane.title): \(s.phase.rawValue), \(s.start) to \(s.end)"
        if lane.kind == .pod, let node = s.node { text += ", on \(node)" }
        return text
    }

    /// A fault is a black triangle over the lane with a line through it; an event a small tick
    /// under it (red for a warning).
    static func mark(_ m: TimelineMark, y: Double, _ g: Geometry) -> String {
        let x = n(g.x(m.time))
        let hover = "<title>\(xml("\(m.time)  \(m.text)"))</title>"
        switch m.kind {
        case .fault(let f):
            var out =
                "<g class=\"mark fault \(f == .forceDeleted ? "force-delete" : "")\" data-t=\"\(m.time.milliseconds)\">"
            out += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(n(y - 3))\" y2=\"\(n(y + g.laneHeight + 3))\" "
            out += "stroke=\"#000000\" stroke-width=\"2\"/>"
            out += "<path d=\"M \(x) \(n(y + 7)) l -6 -10 l 12 0 z\" fill=\"#000000\"/>\(hover)</g>\n"
            return out
        case .event(let type):
            let colour = type == .warning ? "#c0392b" : "#555555"
            var out = "<rect class=\"event \(type == .warning ? "warning" : "normal")\" x=\"\(x)\" "
            out += "y=\"\(n(y + g.laneHeight))\" width=\"2\" height=\"5\" fill=\"\(colour)\" "
            out += "data-t=\"\(m.time.milliseconds)\">\(hover)</rect>\n"
            return out
        }
    }

    static func legendItems(_ t: Timeline) -> [(String, String)] {
        let phases = Set(t.lanes.flatMap { $0.spans.map(\.phase) })
        var items = TimelinePhase.allCases.filter(phases.contains).map { ($0.colour, $0.rawValue) }
        if t.lanes.contains(where: { $0.marks.contains { if case .fault = $0.kind { true } else { false } } }) {
            items.append(("#000000", "fault (partition, heal, crash, boot, kill, force delete)"))
        }
        return items
    }

    static func legendRows(_ t: Timeline) -> Int { (legendItems(t).count + 2) / 3 }

    static func legend(_ t: Timeline, top: Double) -> String {
        var out = "<g class=\"legend\">\n"
        for (i, item) in legendItems(t).enumerated() {
            let x = 8.0 + Double(i % 3) * 400
            let y = top + Double(i / 3) * 22
            out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"14\" height=\"14\" fill=\"\(item.0)\"/>"
            out += "<text x=\"\(n(x + 20))\" y=\"\(n(y + 11))\">\(xml(item.1))</text>\n"
        }
        return out + "</g>\n"
    }

    static func kindName(_ k: TimelineLane.Kind) -> String {
        switch k {
        case .node: "node"
        case .pod: "pod"
        case .copy: "copy"
        }
    }

    /// A coordinate with at most two decimals, so the file is the same on every platform.
    static func n(_ v: Double) -> String {
        let hundredths = Int64((v * 100).rounded())
        let whole = hundredths / 100
        let frac = abs(hundredths % 100)
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        if frac == 0 { return "\(sign)\(whole)" }
        return "\(sign)\(whole)." + (frac < 10 ? "0\(frac)" : "\(frac % 10 == 0 ? frac / 10 : frac)")
    }

    /// Text and attribute values escaped for XML.
    static func xml(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
