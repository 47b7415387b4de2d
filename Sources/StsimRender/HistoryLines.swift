import StsimEngine

/// History records as stsim's own sentences, one line each with its virtual time: what a failed
/// history check prints to show what happened instead.
public enum HistoryLines {
    public static func line(_ r: HistoryRecord) -> String {
        "\(r.time)  " + text(r.entry)
    }

    public static func text(_ entry: HistoryEntry) -> String {
        switch entry {
        case .object(let key, let before, let after):
            return "\(name(key)) " + changes(before, after).joined(separator: ", ")
        case .event(let key, let type, let reason, let message):
            return "event \(type.rawValue) \(reason) on \(name(key)): \(message)"
        case .copy(let key, let node, let running):
            return "\(name(key)) \(running ? "starts running" : "stops running") on \(node) (what the node runs)"
        case .fault(let key, let fault):
            return "\(name(key)) \(fault.rawValue)"
        }
    }

    public static func name(_ key: ObjectKey) -> String { "\(key.kind.singular)/\(key.name)" }

    /// What changed between two summaries, in a learner's words.
    static func changes(_ before: ObjectSummary?, _ after: ObjectSummary?) -> [String] {
        guard let after else { return ["deleted"] }
        var out: [String] = []
        if before == nil { out.append("created") }
        if after.node != before?.node, let node = after.node { out.append("scheduled to \(node)") }
        if after.phase != before?.phase, let phase = after.phase {
            out.append(phase == "Bound" && after.volume != nil ? "Bound to \(after.volume!)" : phase)
        } else if after.volume != before?.volume {
            out.append(after.volume.map { "bound to \($0)" } ?? "unbound")
        }
        if after.ready != (before?.ready ?? false) { out.append(after.ready ? "Ready" : "not Ready") }
        if after.terminating && !(before?.terminating ?? false) { out.append("Terminating") }
        if after.labels != (before?.labels ?? after.labels) { out.append("relabelled") }
        return out.isEmpty ? ["changed"] : out
    }
}
