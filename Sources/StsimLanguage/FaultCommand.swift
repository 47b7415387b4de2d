import StsimEngine

/// The commands that break or steer nodes and pods (faults, cordon, drain, taints): one case of
/// `Command`, so the session executes them in one place of their own.
public enum FaultCommand: Hashable, Sendable {
    case killPod(name: Argument, container: String?, exitCode: Int)
    case partition(nodes: [Argument])
    case heal(nodes: [Argument])
    case imageFault(image: Argument, broken: Bool)
    case crash(node: Argument)
    case boot(node: Argument)
    case cordon(node: Argument, unschedulable: Bool)
    case drain(DrainCommand)
    case taint(node: Argument, TaintText)
    /// `restart kubelet NODE [--stale D]` (zero: a cache in step with the API).
    case restartKubelet(node: Argument, stale: VirtualDuration)
    /// `restart controller statefulset [--between-writes]`.
    case restartController(betweenWrites: Bool)
    /// `lag pods D`: the StatefulSet controller's pod watch delivers changes D late.
    case lagPods(VirtualDuration)
}
