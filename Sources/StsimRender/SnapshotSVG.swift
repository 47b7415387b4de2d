import StsimEngine

/// `snapshot --svg FILE`: the snapshot drawn with no other program. Each node is a box holding
/// its pods; each pod shows its claims and the volume each is bound to (data follows the claim).
/// What the API cannot confirm is dashed: an unreachable node (red), and a copy its kubelet runs
/// though the API deleted the pod (pink). Services, claims no pod mounts, volumes without a claim
/// and broken promises follow as lines of text, as in the tree.
public enum SnapshotSVG {
    static let nodeWidth = 300.0
    static let gap = 16.0
    static let podLine = 18.0

    public static func render(_ world: SnapshotInput, now: VirtualTime, namespace: String = "default") -> String {
        let nodes = world.nodes.sorted(byBytes: \.metadata.name)
        let pods = world.pods.sortedByMetadata(\.metadata)
        let podsByNode = Dictionary(grouping: pods) { $0.spec.nodeName ?? "" }
        let claims = Dictionary(
            world.claims.map { ("\($0.metadata.namespace)/\($0.metadata.name)", $0) }, uniquingKeysWith: { a, _ in a })
        var boxes: [(title: String, cut: Bool, items: [Item])] = nodes.map { n in
            let cut = world.unreachable.contains(n.metadata.name)
            var items = (podsByNode[n.metadata.name] ?? []).map { podItem($0, claims, namespace, unconfirmed: cut) }
            items += (world.unseen[n.metadata.name] ?? []).map { Item(lines: [$0], style: .unseen) }
            let title = "node/\(n.metadata.name)  \(Columns.nodeStatus(n))" + (cut ? "  (unreachable)" : "")
            return (title, cut, items)
        }
        let known = Set(nodes.map(\.metadata.name))
        let unscheduled = pods.filter { !known.contains($0.spec.nodeName ?? "") }
        if !unscheduled.isEmpty {
            boxes.append(
                ("not on a node", false, unscheduled.map { podItem($0, claims, namespace, unconfirmed: false) }))
        }
        let perRow = max(1, min(4, boxes.count))
        var out = ""
        var y = 40.0
        var rowHeight = 0.0
        for (i, box) in boxes.enumerated() {
            if i > 0 && i % perRow == 0 {
                y += rowHeight + gap
                rowHeight = 0
            }
            let x = gap + Double(i % perRow) * (nodeWidth + gap)
            let drawn = nodeBox(box.title, cut: box.cut, items: box.items, x: x, y: y)
            out += drawn.text
            rowHeight = max(rowHeight, drawn.height)
        }
        y += rowHeight + gap
        // What follows the nodes, as the tree writes it.
        let notes = TreeNode("", SnapshotTree.extras(world)).render().split(separator: "\n")
        for line in notes {
            out += "<text class=\"note\" x=\"\(gap)\" y=\"\(TimelineSVG.n(y + 12))\" xml:space=\"preserve\">"
            out += "\(TimelineSVG.xml(String(line)))</text>\n"
            y += podLine
        }
        let width = gap + Double(perRow) * (nodeWidth + gap)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"snapshot\" width=\"\(TimelineSVG.n(width))\" "
        svg += "height=\"\(TimelineSVG.n(y + gap))\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"12\">\n"
        svg += "<title>cluster at \(now)</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        svg += "<text x=\"\(gap)\" y=\"24\" font-size=\"15\">cluster at \(now)</text>\n"
        return svg + out + "</svg>\n"
    }

    /// What the written picture holds, in a line.
    public static func summary(_ world: SnapshotInput, now: VirtualTime) -> String {
        var text = "the cluster at \(now): \(Formatting.count(world.nodes.count, "node")), "
        text += Formatting.count(world.pods.count, "pod")
        if !world.unreachable.isEmpty { text += ", \(Formatting.count(world.unreachable.count, "unreachable node"))" }
        return text
    }

    struct Item {
        enum Style { case pod, unconfirmed, unseen }
        var lines: [String]
        var style: Style
        var fill = "#eeeeee"
    }

    /// A pod, then `pvc/NAME → pv/NAME` for each claim it mounts.
    static func podItem(
        _ p: Pod, _ claims: [String: PersistentVolumeClaim], _ namespace: String, unconfirmed: Bool
    ) -> Item {
        let printer = PodPrinter(p)
        let name = p.metadata.namespace == namespace ? p.metadata.name : "\(p.metadata.namespace)/\(p.metadata.name)"
        var lines = ["pod/\(name)  \(printer.ready)  \(printer.status)"]
        for claimName in p.spec.claimNames {
            let c = claims["\(p.metadata.namespace)/\(claimName)"]
            var line = "  pvc/\(claimName)"
            if let v = c?.spec.volumeName, !v.isEmpty { line += " → pv/\(v)" } else { line += "  (unbound)" }
            lines.append(line)
        }
        let fill =
            p.metadata.deletionTimestamp != nil
            ? TimelinePhase.terminating.colour
            : printer.status == "Running"
                ? (p.isReady ? TimelinePhase.ready.colour : TimelinePhase.running.colour)
                : printer.status == "ContainerCreating" ? TimelinePhase.creating.colour : TimelinePhase.pending.colour
        return Item(lines: lines, style: unconfirmed ? .unconfirmed : .pod, fill: fill)
    }

    static func nodeBox(_ title: String, cut: Bool, items: [Item], x: Double, y: Double) -> (
        text: String, height: Double
    ) {
        let n = TimelineSVG.n
        var inner = ""
        var cursor = y + 30
        for item in items {
            let h = Double(item.lines.count) * podLine + 6
            let (fill, stroke, dash) =
                switch item.style {
                case .pod: (item.fill, "#555555", "")
                case .unconfirmed: (item.fill, "#c0392b", " stroke-dasharray=\"4 3\"")
                case .unseen: ("#fde3f0", "#e84393", " stroke-dasharray=\"4 3\"")
                }
            inner +=
                "<g class=\"pod \(item.style)\"><rect x=\"\(n(x + 8))\" y=\"\(n(cursor))\" width=\"\(n(nodeWidth - 16))\" "
            inner += "height=\"\(n(h))\" rx=\"4\" fill=\"\(fill)\" stroke=\"\(stroke)\"\(dash)/>"
            for (i, line) in item.lines.enumerated() {
                inner +=
                    "<text x=\"\(n(x + 14))\" y=\"\(n(cursor + 16 + Double(i) * podLine))\" xml:space=\"preserve\">"
                inner += "\(TimelineSVG.xml(String(line.prefix(40))))</text>"
            }
            inner += "</g>\n"
            cursor += h + 6
        }
        let height = max(60, cursor - y + 4)
        var out = "<g class=\"node\(cut ? " unreachable" : "")\"><rect x=\"\(n(x))\" y=\"\(n(y))\" "
        out += "width=\"\(n(nodeWidth))\" height=\"\(n(height))\" rx=\"6\" fill=\"#f7f9fc\" "
        out +=
            cut
            ? "stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>"
            : "stroke=\"#2d9cdb\" stroke-width=\"2\"/>"
        out += "<text x=\"\(n(x + 8))\" y=\"\(n(y + 20))\" font-weight=\"bold\">\(TimelineSVG.xml(title))</text>\n"
        return (out + inner + "</g>\n", height)
    }
}
