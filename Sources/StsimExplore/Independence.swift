import StsimEngine

/// Which faults commute (the partial-order reduction's relation). Two faults injected at the same
/// instant, one after the other, before any event runs, reach the same cluster in either order
/// when they touch different things: a node's link or power, and a pod's container or object on
/// another node. Their later consequences are then each node's own (its kubelet, its lease, its
/// pods' replacements), and the search tries one order only. A fault of the control plane (a
/// restart or lag of the StatefulSet controller) sees every pod, so it commutes with nothing.
enum Independence {
    /// What a fault touches: node names and pod names, or nil for the whole control plane.
    static func footprint(_ f: Fault, in cluster: Cluster) -> Set<String>? {
        switch f.kind {
        case .partition, .heal, .crash, .boot, .staleKubelet:
            return ["node/" + f.target]
        case .kill, .forceDelete:
            let node = cluster.get(Pod.self, f.target)?.spec.nodeName
            return Set(["pod/" + f.target] + (node.map { ["node/" + $0] } ?? []))
        case .restartController, .restartControllerMidSync, .lagPods:
            return nil
        }
    }

    static func independent(_ a: Fault, _ b: Fault, in cluster: Cluster) -> Bool {
        guard a != b, let fa = footprint(a, in: cluster), let fb = footprint(b, in: cluster) else { return false }
        return fa.isDisjoint(with: fb)
    }

    /// The sleep set of the child reached by injecting `fault` at this instant: the faults already
    /// tried here before it (or asleep here already) that commute with it. Tried after it, they
    /// would reach a state the search reached with them first.
    static func sleep(after fault: Fault, asleep: [Fault], tried: [Fault], in cluster: Cluster) -> [Fault] {
        (asleep + tried).filter { independent($0, fault, in: cluster) }
    }
}
