import XCTest

@testable import StsimEngine
@testable import StsimRender

/// The timeline from a small history: a node cut off, a pod force-deleted while its copy runs on.
final class TimelineTests: XCTestCase {
    static let node = ObjectKey(kind: .node, namespace: "", name: "node-1")
    static let pod = ObjectKey(kind: .pod, namespace: "default", name: "web-0")

    static func summary(_ phase: String?, ready: Bool = false, node: String? = nil) -> ObjectSummary {
        var s = ObjectSummary()
        s.phase = phase
        s.ready = ready
        s.node = node
        s.labels = ["app": "web"]
        return s
    }

    /// node-1 Ready from 0, cut at 10 s, NotReady at 50 s; web-0 Pending at 0, on node-1 at 1 s,
    /// Ready at 5 s, force-deleted at 60 s while its container runs on; the clock at 100 s.
    static var records: [HistoryRecord] {
        var nodeReady = ObjectSummary()
        nodeReady.ready = true
        let entries: [(Int64, HistoryEntry)] = [
            (0, .object(node, before: nil, after: nodeReady)),
            (0, .object(pod, before: nil, after: summary("Pending"))),
            (1000, .object(pod, before: summary("Pending"), after: summary("Pending", node: "node-1"))),
            (1000, .copy(pod, node: "node-1", running: true)),
            (5000, .object(pod, before: nil, after: summary("Running", ready: true, node: "node-1"))),
            (5000, .event(pod, type: .normal, reason: "Started", message: "Started container nginx")),
            (10_000, .fault(node, .partitioned)),
            (50_000, .object(node, before: nodeReady, after: ObjectSummary())),
            (60_000, .fault(pod, .forceDeleted)),
            (60_000, .object(pod, before: summary("Running", ready: true, node: "node-1"), after: nil)),
        ]
        return entries.enumerated().map { i, e in
            HistoryRecord(sequence: i, time: VirtualTime(milliseconds: e.0), entry: e.1)
        }
    }

    static var timeline: Timeline {
        TimelineBuilder.build(records, now: VirtualTime(milliseconds: 100_000))
    }

    func testLanesAndSpans() {
        let t = Self.timeline
        XCTAssertEqual(t.lanes.map(\.title), ["node/node-1", "pod/web-0", "pod/web-0 on node-1"])
        XCTAssertEqual(t.lanes[0].spans.map(\.phase), [.nodeReady, .nodeReadyCut, .nodeNotReadyCut])
        XCTAssertEqual(t.lanes[1].spans.map(\.phase), [.pending, .creating, .ready])
        XCTAssertEqual(t.lanes[1].spans.last?.end, VirtualTime(milliseconds: 60_000))
        XCTAssertEqual(t.lanes[2].spans.map(\.phase), [.unseen])
        XCTAssertEqual(t.lanes[2].spans[0].start, VirtualTime(milliseconds: 60_000))
        XCTAssertEqual(t.lanes[2].spans[0].end, VirtualTime(milliseconds: 100_000))
        XCTAssertEqual(
            t.lanes[1].marks.map(\.text), ["Normal Started: Started container nginx", "pod/web-0 force deleted"])
    }

    /// Each column is 2 s: the phase that fills most of it, the fault letters over them.
    func testPlainText() {
        let text = TimelineText.render(Self.timeline, width: 71, colour: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "timeline 00:00:00 to 00:01:40 (one column is 2s)")
        XCTAssertEqual(
            lines[2],
            "node/node-1          =====P" + String(repeating: "%", count: 19) + String(repeating: "#", count: 25))
        XCTAssertEqual(lines[3], "pod/web-0            .::" + String(repeating: "=", count: 27) + "X")
        XCTAssertEqual(
            lines[4], "pod/web-0 on node-1" + String(repeating: " ", count: 32) + String(repeating: "@", count: 20))
        XCTAssertEqual(
            Array(lines[5...]),
            [
                "legend: . Pending   : ContainerCreating   = Running and Ready",
                "        = node Ready   % link cut, the API still says Ready",
                "        # link cut, NotReady   @ runs where the API does not see it",
                "        P partitioned   X force deleted", "",
            ])
        XCTAssertTrue(lines[1].contains("|00:00:00") && lines[1].contains("|00:01:00"), lines[1])
    }

    func testColourCellsCarryOnlyTheirOwnSequences() {
        let text = TimelineText.render(Self.timeline, width: 71, colour: true)
        XCTAssertTrue(text.contains(TimelinePhase.ready.terminalColour + " " + TimelineText.reset))
        XCTAssertFalse(text.contains("="), "no plain characters with colour")
        var rest = text
        for s in TimelineText.sequences + [TimelineText.reset] { rest = rest.replacingOccurrences(of: s, with: "") }
        XCTAssertFalse(rest.contains("\u{1b}"), "every escape is one the printer lets through")
    }

    func testWindowAndSelector() {
        var options = TimelineBuilder.Options()
        options.since = VirtualTime(milliseconds: 70_000)
        let late = TimelineBuilder.build(Self.records, now: VirtualTime(milliseconds: 100_000), options: options)
        // web-0's lane ended at 60 s: only the node and the unseen copy remain.
        XCTAssertEqual(late.lanes.map(\.title), ["node/node-1", "pod/web-0 on node-1"])
        XCTAssertEqual(late.lanes[0].spans.first?.start, VirtualTime(milliseconds: 70_000))
        options = TimelineBuilder.Options()
        options.selector = LabelSelector(matchLabels: ["app": "other"])
        let none = TimelineBuilder.build(Self.records, now: VirtualTime(milliseconds: 100_000), options: options)
        XCTAssertEqual(none.lanes.map(\.title), ["node/node-1"])
    }

    func testNaturalOrderOfOrdinals() {
        let keys = ["web-10", "web-2", "db-0", "web-1"].map { ObjectKey(kind: .pod, namespace: "default", name: $0) }
        XCTAssertEqual(keys.sorted(by: TimelineBuilder.naturalOrder).map(\.name), ["db-0", "web-1", "web-2", "web-10"])
    }
}
