import StsimEngine

/// `snapshot -o dot`: the same picture as `SnapshotTree`, as a Graphviz graph. Each node is a
/// cluster box holding its pods; pods point to their claims and claims to their volumes; each
/// service points to the pods DNS currently answers with. Everything is emitted in sorted order,
/// so the file is byte-identical for the same world and diffs cleanly between steps.
public enum SnapshotDot {
    public static func render(_ world: SnapshotInput, now: VirtualTime) -> String {
        var out = "digraph cluster {\n"
        out += "  label=\(quote("cluster at \(now)")); labelloc=t; rankdir=LR;\n"
        out += "  node [shape=box, fontname=\"monospace\"];\n"
        let pods = world.pods.sortedByMetadata(\.metadata)
        let podsByNode = Dictionary(grouping: pods) { $0.spec.nodeName ?? "" }
        let knownNodes = Set(world.nodes.map(\.metadata.name))

        for (i, n) in world.nodes.sorted(byBytes: \.metadata.name).enumerated() {
            out += "  subgraph cluster_\(i) {\n"
            let cut = world.unreachable.contains(n.metadata.name)
            let label = "node/\(n.metadata.name)  \(Columns.nodeStatus(n))" + (cut ? "  (unreachable)" : "")
            out += "    label=\(quote(label));\n"
            // What the API cannot confirm is dashed: the node it does not hear, and copies it
            // does not know of.
            if cut { out += "    style=dashed; color=\"#c0392b\";\n" }
            for p in podsByNode[n.metadata.name] ?? [] { out += "    \(podNode(p))\n" }
            for (j, line) in (world.unseen[n.metadata.name] ?? []).enumerated() {
                out += "    \(quote("unseen/\(n.metadata.name)/\(j)")) [style=dashed, color=\"#e84393\", "
                out += "label=\(quote(line))];\n"
            }
            out += "  }\n"
        }
        for p in pods where !knownNodes.contains(p.spec.nodeName ?? "") { out += "  \(podNode(p))\n" }

        for c in world.claims.sortedByMetadata(\.metadata) {
            let phase = c.metadata.deletionTimestamp != nil ? "Terminating" : (c.status.phase?.rawValue ?? "Pending")
            out += "  \(id("pvc", c.metadata)) [shape=cylinder, label=\(quote("pvc/\(c.metadata.name)\n\(phase)"))];\n"
            if let volume = c.spec.volumeName, !volume.isEmpty {
                out += "  \(id("pvc", c.metadata)) -> \(quote("pv/\(volume)"));\n"
            }
        }
        for v in world.volumes.sorted(byBytes: \.metadata.name) {
            let label =
                "pv/\(v.metadata.name)\n\(v.status.phase?.rawValue ?? "Pending")  \(Formatting.quantity(v.spec.capacity))"
            out += "  \(quote("pv/\(v.metadata.name)")) [shape=cylinder, label=\(quote(label))];\n"
        }
        for p in pods {
            for claim in p.spec.claimNames {
                out += "  \(id("pod", p.metadata)) -> \(quote("pvc/\(p.metadata.namespace)/\(claim)"));\n"
            }
        }
        for s in world.services.sortedByMetadata(\.metadata) {
            out += serviceEdges(s, world.endpointSlices)
        }
        return out + "}\n"
    }

    private static func podNode(_ p: Pod) -> String {
        let printer = PodPrinter(p)
        var lines = ["pod/\(p.metadata.name)", "\(printer.ready) \(printer.status)"]
        if let ip = p.status.podIP, !ip.isEmpty { lines.append(ip) }
        return "\(id("pod", p.metadata)) [label=\(quote(lines.joined(separator: "\n")))];"
    }

    /// The service, and an edge to each pod whose endpoint DNS serves (ready, or all with
    /// `publishNotReadyAddresses`), labelled with its per-pod name.
    private static func serviceEdges(_ s: Service, _ slices: [EndpointSlice]) -> String {
        let domain = "\(s.metadata.name).\(s.metadata.namespace).svc.cluster.local"
        var out =
            "  \(id("svc", s.metadata)) [shape=ellipse, label=\(quote("service/\(s.metadata.name)\n\(domain)"))];\n"
        let publishAll = s.spec.publishNotReadyAddresses == true
        let endpoints = slices.filter {
            $0.metadata.namespace == s.metadata.namespace && Columns.serviceName(of: $0) == s.metadata.name
        }.flatMap(\.endpoints).filter { publishAll || ($0.conditions.ready ?? true) }
        for e in endpoints.sorted(byBytes: { $0.targetRef?.name ?? $0.addresses.first ?? "" }) {
            guard let pod = e.targetRef?.name else { continue }
            let label = e.hostname.map { "\($0).\(domain)" } ?? (e.addresses.first ?? "")
            out +=
                "  \(id("svc", s.metadata)) -> \(quote("pod/\(s.metadata.namespace)/\(pod)")) [label=\(quote(label))];\n"
        }
        return out
    }

    private static func id(_ kind: String, _ m: ObjectMeta) -> String { quote("\(kind)/\(m.namespace)/\(m.name)") }

    /// A DOT string: backslashes and quotes escaped, newlines as `\n` (centred lines).
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
