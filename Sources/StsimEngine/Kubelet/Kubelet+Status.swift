/// What the kubelet tells the API about its pods: phase, conditions, container statuses, events.
extension Kubelet {
    func report(_ rp: RuntimePod) {
        var rp = rp
        let now = cluster.now
        var st = rp.status
        let app = rp.appContainers
        if st.phase != .succeeded, st.phase != .failed {
            if rp.initFailedForGood {
                // getPhase (kubelet_pods.go): a failed initialization under restartPolicy Never.
                st.phase = .failed
            } else if rp.allStarted, rp.sandboxReady {
                let anyRunning = app.contains { $0.isRunning || $0.restartCount > 0 || $0.started }
                if anyRunning { st.phase = .running }
                if rp.restartPolicy != .always,
                    app.allSatisfy({ if case .terminated = $0.state { return true } else { return false } })
                {
                    st.phase =
                        app.allSatisfy {
                            if case .terminated(let code, _, _, _, _) = $0.state {
                                return code == 0
                            } else {
                                return false
                            }
                        } ? .succeeded : .failed
                }
            } else {
                st.phase = .pending
            }
        }
        if rp.inits > 0 {
            // status/generate.go: initialized once every init container completed (or, as
            // after a restart of the node's runtime, once an app container has started).
            let incomplete = rp.incompleteInits
            if incomplete.isEmpty || app.contains(where: \.started) {
                st.setCondition(.initialized, .true, at: now)
            } else {
                st.setCondition(
                    .initialized, .false, at: now, reason: "ContainersNotInitialized",
                    message: Self.incompleteMessage(incomplete))
            }
        }
        let unready = app.filter { !$0.ready }.map(\.name)
        if unready.isEmpty {
            st.setCondition(.ready, .true, at: now)
            st.setCondition(.containersReady, .true, at: now)
        } else {
            st.setCondition(.ready, .false, at: now, reason: "ContainersNotReady", message: unreadyMessage(unready))
            st.setCondition(
                .containersReady, .false, at: now, reason: "ContainersNotReady", message: unreadyMessage(unready))
        }
        // Assigned only when different, so an unchanged list stays shared with the API's copy.
        let statuses = containerStatuses(rp)
        if statuses != st.containerStatuses { st.containerStatuses = statuses }
        if rp.inits > 0 { st.initContainerStatuses = initContainerStatuses(rp) }
        st = pods.shared(st)
        rp.status = st
        pods[rp.uid] = pods[rp.uid] != nil ? rp : nil
        link.reportStatus(rp.key, uid: rp.uid, st)
    }

    /// The last message built is reused while the names repeat (`KubeletState.lastUnready`).
    func unreadyMessage(_ names: [String]) -> String {
        if let last = state.lastUnready, last.names == names { return last.message }
        let message = "containers with unready status: [\(names.joined(separator: " "))]"
        state.lastUnready = UnreadyMessage(names: names, message: message)
        return message
    }

    /// Sorted by name, as kubelet_pods.go's convertToAPIContainerStatuses sorts them (so
    /// kubectl's STATUS, read from the last status back, ends on the first name).
    func containerStatuses(_ rp: RuntimePod) -> [ContainerStatus] {
        let statuses = rp.appContainers.map { c in
            ContainerStatus(
                name: c.name, image: c.image, imageID: c.started ? imageID(c.image) : "",
                state: c.state, lastState: c.restartCount > 0 || c.lastState != nil ? c.lastState : nil,
                ready: c.ready, started: c.started && !c.awaitingStartup, restartCount: c.restartCount)
        }
        guard statuses.count > 1 else { return statuses }
        return statuses.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// In spec order (SortStatusesOfInitContainers). A completed init container is ready and no
    /// longer started; a running one is started, not ready (prober_manager.go UpdatePodStatus).
    func initContainerStatuses(_ rp: RuntimePod) -> [ContainerStatus] {
        rp.containers.prefix(rp.inits).map { c in
            ContainerStatus(
                name: c.name, image: c.image, imageID: c.started ? imageID(c.image) : "",
                state: c.state, lastState: c.restartCount > 0 ? c.lastState : nil,
                ready: c.ready, started: c.isRunning, restartCount: c.restartCount)
        }
    }

    /// `containers with incomplete status: [a b]` (Go's %s of a string slice).
    static func incompleteMessage(_ names: [String]) -> String {
        "containers with incomplete status: [\(names.joined(separator: " "))]"
    }

    func event(_ rp: RuntimePod, _ type: EventType, _ reason: String, _ message: String, container: String) {
        let list = rp.containers.prefix(rp.inits).contains { $0.name == container } ? "initContainers" : "containers"
        link.recordEvent(type, reason, message, about: rp.key, uid: rp.uid, fieldPath: "spec.\(list){\(container)}")
    }
}
