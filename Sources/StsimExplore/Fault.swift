import StsimEngine

/// The faults `explore` injects between two instants, each the command a script would type, so
/// that a counterexample replays exactly what the search did.
public enum FaultKind: String, CaseIterable, Sendable, Comparable {
    case partition, heal, crash, boot, kill
    case forceDelete = "force-delete"
    /// `restart kubelet NODE --stale 30s` (kubernetes issue 59848).
    case staleKubelet = "stale-kubelet"
    case restartController = "restart-controller"
    /// `restart controller statefulset --between-writes`: an intermediate state.
    case restartControllerMidSync = "restart-controller-mid-sync"
    /// `lag pods 5s`: the StatefulSet controller's pod watch lags.
    case lagPods = "lag-pods"

    public static func < (a: FaultKind, b: FaultKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public struct Fault: Hashable, Sendable {
    public var kind: FaultKind
    /// A node, or a pod for kill and force-delete.
    public var target: String

    public init(_ kind: FaultKind, _ target: String) {
        self.kind = kind
        self.target = target
    }

    /// The command of the language that injects it.
    public var command: String {
        switch kind {
        case .partition: "partition \(target)"
        case .heal: "heal \(target)"
        case .crash: "crash \(target)"
        case .boot: "boot \(target)"
        case .kill: "kill pod \(target)"
        case .forceDelete: "delete pod \(target) --force --grace-period 0"
        case .staleKubelet: "restart kubelet \(target) --stale \(Self.staleness)"
        case .restartController: "restart controller statefulset"
        case .restartControllerMidSync: "restart controller statefulset --between-writes"
        case .lagPods: "lag pods \(Self.lag)"
        }
    }

    /// The fixed parameters the search uses: a cache half a minute stale (the brief of kubernetes
    /// issue 59848's reproduction), a watch five seconds late.
    static let staleness = "30s"
    static let lag = "5s"

    /// In summaries: `partition node-1`, `force-delete web-0`, `restart-controller`.
    public var text: String { target.isEmpty ? kind.rawValue : "\(kind.rawValue) \(target)" }
}

/// A fault and where it comes: at `time`, after the `phase`-th instant run at that time. An
/// instant runs everything due then, but a fault's own zero-delay work runs at the same virtual
/// time, so a second fault at that time may come before it (the same phase) or after it (the
/// next; a script says so with `tick 0s`).
public struct TimedFault: Hashable, Sendable {
    public var time: VirtualTime
    public var phase: Int
    public var fault: Fault

    public init(_ fault: Fault, at place: Place) {
        time = place.time
        phase = place.phase
        self.fault = fault
    }

    public var place: Place { Place(time: time, phase: phase) }
}

/// A point between two instants: the time, and how many instants have run at that time.
public struct Place: Hashable, Sendable, Comparable {
    public var time: VirtualTime
    public var phase: Int

    public static func < (a: Place, b: Place) -> Bool { (a.time, a.phase) < (b.time, b.phase) }
}

enum FaultMenu {
    /// The faults of these kinds that can happen to the cluster as it stands, in a fixed order
    /// (kind, then name): a partition only of a node whose link stands, a heal only of a cut
    /// link on a machine that runs, a kill only of a pod that runs.
    static func enabled(_ kinds: [FaultKind], in cluster: Cluster) -> [Fault] {
        var out: [Fault] = []
        let nodes = cluster.list(Node.self).map(\.metadata.name).filter { !isControlPlane($0, cluster) }
        // Faults strike the learner's pods, not the distribution's own (Namespace.system).
        let pods = cluster.list(Pod.self).filter { !Namespace.system.contains($0.metadata.namespace) }
        for kind in kinds {
            switch kind {
            case .partition: out += nodes.filter { !cluster.isPartitioned(node: $0) }.map { Fault(kind, $0) }
            case .heal:
                out += nodes.filter { cluster.isPartitioned(node: $0) && !cluster.isDown(node: $0) }
                    .map { Fault(kind, $0) }
            case .crash: out += nodes.filter { !cluster.isDown(node: $0) }.map { Fault(kind, $0) }
            case .boot: out += nodes.filter { cluster.isDown(node: $0) }.map { Fault(kind, $0) }
            case .kill:
                out += pods.filter { $0.status.phase == .running && $0.spec.nodeName != nil }
                    .map { Fault(kind, $0.metadata.name) }
            case .forceDelete: out += pods.map { Fault(kind, $0.metadata.name) }
            case .staleKubelet:
                out += nodes.filter {
                    !cluster.isPartitioned(node: $0) && !cluster.isDown(node: $0)
                        && cluster.kubeletStaleUntil(node: $0) == nil
                }
                .map { Fault(kind, $0) }
            case .restartController: out.append(Fault(kind, ""))
            case .restartControllerMidSync:
                if !cluster.statefulSetControllerRestartPending { out.append(Fault(kind, "")) }
            case .lagPods:
                if cluster.podWatchLag == .zero { out.append(Fault(kind, "")) }
            }
        }
        return out
    }

    /// The control-plane node takes no workloads: cutting it off teaches nothing here.
    private static func isControlPlane(_ node: String, _ cluster: Cluster) -> Bool {
        cluster.get(Node.self, node)?.metadata.labels[Node.controlPlaneRoleLabel] != nil
    }
}
