import StsimEngine
import StsimLanguage

/// `restart kubelet|controller` and `lag pods`: stsim's own lines (no kubectl prints these).
extension Session {
    func restartKubelet(_ node: Argument, stale: VirtualDuration) throws {
        switch cluster.restartKubelet(node: node.text, stale: stale) {
        case .failure(let error) where error.reason == .notFound: throw error
        case .failure(let error): throw SessionError(error.message)
        case .success(let started):
            guard stale > .zero else {
                printer.line(
                    "node/\(node.text) kubelet restarted: its containers kept running; it listed its pods again")
                break
            }
            var line = "node/\(node.text) kubelet restarted, listing pods from a cache \(stale.goString) stale: "
            if !started.isEmpty {
                let names = started.map(\.name).joined(separator: ", ")
                line += "it starts \(names) again, deleted from the API since; "
            }
            line += "it sees no change until \(cluster.now + stale)"
            printer.line(line)
        }
        autoSettle()
    }

    func restartController(betweenWrites: Bool) {
        cluster.restartStatefulSetController(betweenWrites: betweenWrites)
        printer.line(
            betweenWrites
                ? "statefulset controller will restart right after the first write of its next sync"
                : "statefulset controller restarted: it relisted sets, revisions and pods, and syncs every set again")
        autoSettle()
    }

    func lagPods(_ lag: VirtualDuration) {
        cluster.setPodWatchLag(lag)
        printer.line(
            lag > .zero
                ? "statefulset controller's pod watch lags \(lag.goString): each pod change reaches it \(lag.goString) late"
                : "statefulset controller's pod watch is on time again (changes already on their way still arrive late)"
        )
        autoSettle()
    }
}
