/// The stuck rollout of kubernetes issue 67250 ("forced rollback", documented on kubernetes.io
/// under StatefulSet rolling updates): with OrderedReady, a pod that never becomes Ready stops the
/// rollout, and reverting the template does not help, because the controller waits for that pod
/// to be Ready before it will replace it. Kubernetes says nothing; stsim names the pod to delete.
extension Cluster {
    func stuckRolloutAdvice(_ set: StatefulSet) -> [String] {
        let replicas = set.spec.replicas ?? 1
        guard !set.spec.isParallel, (set.spec.updateStrategy?.type ?? .rollingUpdate) == .rollingUpdate,
            set.metadata.deletionTimestamp == nil, set.status.readyReplicas < replicas,
            let update = set.status.updateRevision
        else { return [] }
        // OrderedReady waits at the lowest pod that is not Ready; only that one can be stuck.
        for ordinal in set.spec.ordinalStart..<(set.spec.ordinalStart + replicas) {
            let name = "\(set.metadata.name)-\(ordinal)"
            guard let pod = get(Pod.self, name, namespace: set.metadata.namespace) else { return [] }
            if pod.isRunningAndReady { continue }
            guard pod.metadata.deletionTimestamp == nil, let failure = Self.startFailure(pod) else { return [] }
            let revision = pod.metadata.labels[StatefulSetIdentity.revisionLabel] ?? ""
            if revision != update {
                return [
                    "\(name) blocks the rollout: it is \(failure) at the old revision \(revision) and will not become "
                        + "Ready; OrderedReady waits for it and never replaces it: delete pod \(name) and the "
                        + "controller recreates it from the current template (kubernetes issue 67250)"
                ]
            }
            guard set.status.currentRevision != update else { return [] }
            return [
                "\(name) stops the rollout: the new revision \(update) is \(failure); revert the template "
                    + "(rollout undo sts/\(set.metadata.name)), then delete pod \(name): the controller will not "
                    + "replace it on its own (kubernetes issue 67250)"
            ]
        }
        return []
    }

    /// Why a pod's container cannot start (ImagePullBackOff, CrashLoopBackOff, ...), if it cannot.
    private static func startFailure(_ pod: Pod) -> String? {
        for cs in pod.status.initContainerStatuses {
            if case .waiting(let reason?, _) = cs.state, reason != "PodInitializing" { return "Init:\(reason)" }
        }
        for cs in pod.status.containerStatuses {
            if case .waiting(let reason?, _) = cs.state, !["ContainerCreating", "PodInitializing"].contains(reason) {
                return reason
            }
        }
        return nil
    }
}
