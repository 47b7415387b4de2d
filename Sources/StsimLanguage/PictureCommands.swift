import StsimEngine

/// The pictures of the whole: `snapshot` (the state now) and `timeline` (what happened when).
extension WholeCommands {
    static let snapshot = CommandSpec(
        "snapshot", group: .whole, usage: ["snapshot [-o tree|yaml|json|dot] [--svg FILE]"],
        summary: "the whole state as one picture: nodes, pods, claims, volumes, services, DNS names",
        details:
            "-o dot draws it for Graphviz: stsim -c '...; snapshot -o dot' | dot -Tpng > cluster.png; --svg FILE writes the same picture as an SVG file, with no other program needed",
        examples: ["snapshot", "snapshot -o dot", "snapshot --svg cluster.svg"],
        flags: [
            FlagSpec(
                "output", short: "o", value: "FORMAT", help: "tree (the default), yaml, json or dot",
                completion: .choices(["tree", "yaml", "json", "dot"])),
            FlagSpec("svg", value: "FILE", help: "write the picture to FILE as SVG", completion: .files),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        var format = SnapshotFormat.tree
        if let o = args.flag("output") {
            format = try args.choice(o, of: SnapshotFormat.allCases, what: "-o")
        }
        let svg = args.flag("svg")
        if let svg, let o = args.flag("output") {
            throw Diagnostic(
                at: o.location, "-o \(o.text) prints to the screen and --svg \(svg.text) writes a file: choose one")
        }
        return .snapshot(format: format, svg: svg)
    }

    static let timeline = CommandSpec(
        "timeline", group: .whole,
        usage: ["timeline [--since T] [--until T] [-l SELECTOR] [--width N] [--html FILE] [--svg FILE]"],
        summary: "what happened when, as a chart: one lane per pod name and per node over virtual time",
        details:
            "T is a clock reading as the prompt shows it (00:01:30); --since also takes a duration, the last D of virtual time (--since 5m). Faults are letters over the lanes: P partitioned, H healed, C crashed, B booted, K container killed, X force deleted. --html FILE writes one page with the same lanes, the text of every event on hover, and zoom; --svg FILE a picture for documents",
        examples: [
            "timeline", "timeline --since 00:01:00 --until 00:07:00", "timeline --since 5m", "timeline -l app=nginx",
            "timeline --html timeline.html", "timeline --svg timeline.svg",
        ],
        flags: [
            FlagSpec("since", value: "T", help: "from this clock reading, or the last D (5m)"),
            FlagSpec("until", value: "T", help: "up to this clock reading (00:07:00)"),
            Common.selector,
            FlagSpec("width", value: "N", help: "columns to fit (the terminal's width; 100 when not a terminal)"),
            FlagSpec("html", value: "FILE", help: "write a page with hover text and zoom to FILE", completion: .files),
            FlagSpec("svg", value: "FILE", help: "write the chart to FILE as SVG", completion: .files),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        var t = TimelineCommand()
        if let a = args.flag("since") {
            if let clock = ClockText.parse(a.text) {
                t.since = .at(clock)
            } else if let d = DurationText.parse(a.text) {
                t.since = .last(d)
            } else {
                throw Diagnostic(
                    at: a.location, "\"\(a.text)\" is neither a clock reading nor a duration",
                    hint: "write a time as the prompt shows it (00:01:30), or the last stretch as 5m")
            }
        }
        if let a = args.flag("until") {
            guard let clock = ClockText.parse(a.text) else {
                throw Diagnostic(
                    at: a.location, "\"\(a.text)\" is not a clock reading",
                    hint: "write it as the prompt shows the time: 00:07:00")
            }
            t.until = clock
        }
        if case .at(let from) = t.since, let until = t.until, until < from, let a = args.flag("until") {
            throw Diagnostic(at: a.location, "--until \(until) is before --since \(from)")
        }
        t.selector = args.flag("selector")?.text
        if let w = args.flag("width") {
            let n = try ParsedArguments.integer(w, what: "--width")
            guard (20...1000).contains(n) else {
                throw Diagnostic(at: w.location, "--width must be from 20 to 1000 columns, not \(n)")
            }
            t.width = n
        }
        t.html = args.flag("html")
        t.svg = args.flag("svg")
        return .timeline(t)
    }
}

/// A virtual clock reading as the prompt shows it: `HH:MM:SS` (hours may be more than two
/// digits), or `MM:SS`.
public enum ClockText {
    public static func parse(_ text: String) -> VirtualTime? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 }) else {
            return nil
        }
        let numbers = parts.compactMap { Int64($0) }
        guard numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
        let (h, m, s) = numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : (0, numbers[0], numbers[1])
        guard m < 60, s < 60 else { return nil }
        return VirtualTime(milliseconds: ((h * 60 + m) * 60 + s) * 1000)
    }
}
