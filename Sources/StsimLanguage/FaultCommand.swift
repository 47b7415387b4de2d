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
}
