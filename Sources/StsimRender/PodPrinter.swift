import StsimEngine

/// kubectl's `printPod` (reference 11.3): the READY, STATUS and RESTARTS cells of a pod.
/// Kept separate from the columns because the watch lines, the snapshot and the settle summary
/// all describe pods with the same words `get pods` uses.
public struct PodPrinter: Hashable, Sendable {
    /// Containers ready and running.
    public var readyContainers: Int
    public var totalContainers: Int
    /// The STATUS cell: `Running`, `ContainerCreating`, `CrashLoopBackOff`, `Terminating`, ...
    public var status: String
    public var restarts: Int
    /// When the most recent restart's previous run finished (for `N (<age> ago)`).
    public var lastRestart: VirtualTime?

    /// `1/1`.
    public var ready: String { "\(readyContainers)/\(totalContainers)" }

    /// `0`, or `2 (31s ago)` when a restart time is known.
    public func restartsCell(now: VirtualTime) -> String {
        guard restarts != 0, let lastRestart else { return "\(restarts)" }
        return "\(restarts) (\(HumanDuration.age(of: lastRestart, now: now)) ago)"
    }

    public init(_ pod: Pod) {
        let status = pod.status
        // stsim models no restartable ("sidecar") init containers, so only regular containers count.
        totalContainers = pod.spec.containers.count
        readyContainers = 0
        restarts = 0
        lastRestart = nil
        self.status = ""
        var reason = status.phase?.rawValue ?? ""
        if let r = status.reason, !r.isEmpty { reason = r }
        if status.conditions.contains(where: { $0.type == .podScheduled && $0.reason == "SchedulingGated" }) {
            reason = "SchedulingGated"
        }

        let initReason = initContainersReason(pod)
        if let initReason { reason = initReason }
        if initReason == nil || status.condition(.initialized)?.status == .true {
            reason = containersReason(pod, otherwise: reason)
        }

        if pod.metadata.deletionTimestamp != nil, status.reason == "NodeLost" {
            reason = "Unknown"
        } else if pod.metadata.deletionTimestamp != nil, status.phase != .succeeded, status.phase != .failed {
            reason = "Terminating"
        }
        self.status = reason
    }

    /// The init containers' part of printPod: the first one not finished with 0 decides
    /// (`Init:Error`, `Init:ExitCode:N`, `Init:CrashLoopBackOff`, `Init:1/2`); nil when all are done.
    private mutating func initContainersReason(_ pod: Pod) -> String? {
        for (i, c) in pod.status.initContainerStatuses.enumerated() {
            restarts += c.restartCount
            noteLastTermination(c)
            if case .terminated(let code, _, _, _, _) = c.state, code == 0 { continue }
            switch c.state {
            case .terminated(_, let r?, _, _, _) where !r.isEmpty: return "Init:\(r)"
            case .terminated(let code, _, _, _, _): return "Init:ExitCode:\(code)"
            case .waiting(let r?, _) where !r.isEmpty && r != "PodInitializing": return "Init:\(r)"
            default: return "Init:\(i)/\(pod.spec.initContainers.count)"
            }
        }
        return nil
    }

    /// The app containers' part: a waiting or terminated container's reason, the first container
    /// dominating; `Completed` with one still running reads as Running or NotReady.
    private mutating func containersReason(_ pod: Pod, otherwise reason: String) -> String {
        var reason = reason
        // Only restartable init containers' restarts carry over; stsim has none.
        restarts = 0
        lastRestart = nil
        var hasRunning = false
        // Last to first: the last assignment wins, so the first container dominates.
        for c in pod.status.containerStatuses.reversed() {
            restarts += c.restartCount
            noteLastTermination(c)
            switch c.state {
            case .waiting(let r?, _) where !r.isEmpty:
                reason = r
            case .terminated(_, let r?, _, _, _) where !r.isEmpty:
                reason = r
            case .terminated(let code, _, _, _, _):
                reason = "ExitCode:\(code)"
            case .running where c.ready:
                hasRunning = true
                readyContainers += 1
            default:
                break
            }
        }
        if reason == "Completed", hasRunning {
            reason = pod.isReady ? "Running" : "NotReady"
        }
        return reason
    }

    private mutating func noteLastTermination(_ c: ContainerStatus) {
        guard case .terminated(_, _, _, _, let finished?)? = c.lastState else { return }
        if lastRestart.map({ $0 < finished }) ?? true { lastRestart = finished }
    }
}
