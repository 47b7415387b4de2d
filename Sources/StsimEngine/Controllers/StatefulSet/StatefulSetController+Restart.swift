/// Two of Sieve's fault patterns (OSDI 2022) aimed at the StatefulSet controller: a restart, which
/// loses everything the controller keeps in memory (its index of each set's pods, its retry
/// back-off), optionally in the middle of a sync after its first write (an intermediate state no
/// single sync leaves behind); and a lagging watch, which delivers each pod change late.
///
/// kube-controller-manager 1.32 waits for its informers' caches to sync before its workers run,
/// so a restarted controller starts from a full, current list of sets, pods and revisions (the
/// fix of kubernetes issue 56355, where it did not wait for the revision informer and created a
/// new ControllerRevision on each sync). Later changes still come through the watch, with the lag.
extension StatefulSetController {
    // MARK: Restart

    /// `restart controller statefulset`: the memory is rebuilt from the API at once; with
    /// `betweenWrites`, the restart waits for the next sync that writes and cuts it after its
    /// first write (the rest of that sync never happens).
    func restart(betweenWrites: Bool) {
        if betweenWrites {
            state.restartAfterWrite = true
            return
        }
        rebuild()
    }

    /// A new process: empty memory, then the initial list of sets, their revisions and the pods.
    private func rebuild() {
        var fresh = StatefulSetControllerState()
        fresh.podLag = state.podLag
        fresh.lagDeliveryAt = state.lagDeliveryAt
        // Changes the old process's watch had not yet delivered are lost with it.
        fresh.restartedAt = cluster.now
        state = fresh
        let sets = cluster.store.list(StatefulSet.self).sorted {
            ($0.metadata.namespace, $0.metadata.name) < ($1.metadata.namespace, $1.metadata.name)
        }
        let revisions = cluster.store.list(ControllerRevision.self)
        for set in sets {
            setChanged(set, type: .added)
            guard let uid = set.metadata.uid else { continue }
            let owned = revisions.filter { $0.metadata.controllerRef?.uid == uid }
                .sorted { ($0.revision, $0.metadata.name) < ($1.revision, $1.metadata.name) }
            update(uid) { $0.revisions = owned.map { RevisionNumber(name: $0.metadata.name, number: $0.revision) } }
        }
        let pods = cluster.store.list(Pod.self).sorted {
            ($0.metadata.namespace, $0.metadata.name) < ($1.metadata.namespace, $1.metadata.name)
        }
        for pod in pods { podChanged(pod, type: .added) }
    }

    /// Where a sync may be cut: true (and the controller restarted) when a restart waits for a
    /// write and the store moved since `version`.
    func cutAfterWrite(since version: Int) -> Bool {
        guard state.restartAfterWrite ?? false, cluster.store.lastResourceVersion != version else { return false }
        cluster.history.recordFault(
            .controllerRestartedMidSync,
            on: cluster.controlPlaneKey, at: cluster.now)
        rebuild()
        return true
    }

    // MARK: A lagging pod watch

    /// `lag pods D` (0 ends it): each later pod change reaches the controller D after it happened.
    func setPodLag(_ lag: VirtualDuration) {
        state.podLag = lag > .zero ? lag : nil
    }

    /// A pod change from the store: now, or through the queue when the watch lags. While earlier
    /// changes are still on their way, later ones queue behind them (a watch keeps its order).
    func podWatched(_ pod: Pod, type: ChangeType) {
        let lag = state.podLag ?? .zero
        let behind = state.lagDeliveryAt.flatMap { $0 >= cluster.now ? $0 : nil }
        guard lag > .zero || behind != nil else { return podChanged(pod, type: type) }
        let at = max(cluster.now + lag, behind ?? .zero)
        state.lagDeliveryAt = at
        cluster.queue.schedule(.laggedPodChange(pod, type, sent: cluster.now), at: at)
    }

    func laggedPodChange(_ pod: Pod, type: ChangeType, sent: VirtualTime) {
        // Sent to a process that has since restarted: its successor listed the present instead.
        if let restarted = state.restartedAt, sent < restarted { return }
        podChanged(pod, type: type)
    }
}
