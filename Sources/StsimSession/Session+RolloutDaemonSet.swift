import StsimEngine

extension Session {
    /// `rollout status ds/NAME`: kubectl's DaemonSetStatusViewer (pkg/polymorphichelpers
    /// rollout_status.go) over the DaemonSet's status. stsim's DaemonSets never change their
    /// template, so nothing is rolling out: what could keep the status from being done is a node
    /// whose pod is not available, which nothing repairs on its own.
    func rolloutStatus(_ ds: DaemonSet) throws {
        let st = ds.status
        let name = ds.metadata.name
        let waiting: String
        if st.updatedNumberScheduled < st.desiredNumberScheduled {
            waiting =
                "Waiting for daemon set \"\(name)\" rollout to finish: \(st.updatedNumberScheduled) out of \(st.desiredNumberScheduled) new pods have been updated..."
        } else if st.numberAvailable < st.desiredNumberScheduled {
            waiting =
                "Waiting for daemon set \"\(name)\" rollout to finish: \(st.numberAvailable) of \(st.desiredNumberScheduled) updated pods are available..."
        } else {
            printer.line("daemon set \"\(name)\" successfully rolled out")
            return
        }
        printer.line(waiting)
        throw SessionError(
            "stsim stopped waiting at \(cluster.now): nothing more will happen on its own; kubectl would go on waiting until Ctrl-C",
            hint: "get pods -n \(ds.metadata.namespace) -o wide shows which node's pod is not available")
    }
}
