/// The eviction subresource (`POST pods/NAME/eviction`, what `kubectl drain` calls), after
/// pkg/registry/core/pod/storage/eviction.go: a pod a PodDisruptionBudget covers goes only while
/// the budget allows a disruption, and each eviction spends one until the disruption controller
/// counts again.
extension Cluster {
    static let evictionRefusal = "Cannot evict pod as it would violate the pod's disruption budget."

    /// Evicts a pod: DisruptionTarget, then a graceful delete with `gracePeriodSeconds` (nil: the
    /// pod's own). Fails with 429 TooManyRequests while its budget allows no disruption.
    @discardableResult
    public func evict(pod name: String, namespace: String? = nil, gracePeriodSeconds: Int? = nil) -> Result<
        KubeObject, APIError
    > {
        guard var pod = store.get(Pod.self, namespace: namespace ?? config.namespace, name: name) else {
            return .failure(.notFound(.pod, name))
        }
        if pod.metadata.deletionTimestamp != nil { return .success(.pod(pod)) }
        if !Self.evictionIgnoresBudgets(pod) {
            let budgets = DisruptionController.budgets(for: pod, in: store)
            if budgets.count > 1 {
                return .failure(
                    APIError(
                        reason: .internalError,
                        message:
                            "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."
                    ))
            }
            if let pdb = budgets.first, let refusal = spend(pdb, on: pod) { return .failure(refusal) }
        }
        pod.status.setCondition(
            .disruptionTarget, .true, at: now, reason: "EvictionByEvictionAPI", message: "Eviction API: evicting")
        guard let written = write(pod) else { return .failure(.notFound(.pod, name)) }
        return .success(deleteObject(written, options: DeleteOptions(gracePeriodSeconds: gracePeriodSeconds)))
    }

    /// `canIgnorePDB`: finished and Pending pods are not counted by any budget.
    static func evictionIgnoresBudgets(_ pod: Pod) -> Bool {
        [.succeeded, .failed, .pending].contains(pod.status.phase) || pod.metadata.deletionTimestamp != nil
    }

    /// What the budget says to this pod's eviction: nil when it may go (spending one disruption
    /// if the pod is healthy), or the API's refusal.
    private func spend(_ pdb: PodDisruptionBudget, on pod: Pod) -> APIError? {
        switch Self.evictionVerdict(pdb, podReady: pod.isReady) {
        case .allowedWithoutSpending: return nil
        case .refused(let error): return error
        case .allowed:
            var spent = pdb
            spent.status.disruptionsAllowed -= 1
            if spent.status.disruptionsAllowed == 0 {
                DisruptionController.setAllowedCondition(&spent.status, now: now)
            }
            spent.status.disruptedPods[pod.metadata.name] = now
            write(spent)
            return nil
        }
    }

    public enum EvictionVerdict: Equatable {
        case allowed
        /// A Running but not Ready pod the unhealthy-pod policy lets go for free.
        case allowedWithoutSpending
        case refused(APIError)
    }

    /// The budget's rule for one pod, from its status alone (`checkAndDecrement` and the
    /// unhealthyPodEvictionPolicy branch before it).
    public static func evictionVerdict(_ pdb: PodDisruptionBudget, podReady: Bool) -> EvictionVerdict {
        let s = pdb.status
        if !podReady {
            if pdb.spec.unhealthyPodEvictionPolicy == .alwaysAllow { return .allowedWithoutSpending }
            if s.currentHealthy >= s.desiredHealthy, s.desiredHealthy > 0 { return .allowedWithoutSpending }
        }
        if (s.observedGeneration ?? 0) < pdb.metadata.generation {
            return .refused(
                refusal(cause: "The disruption budget \(pdb.metadata.name) is still being processed by the server."))
        }
        if s.disruptionsAllowed < 0 {
            return .refused(
                APIError(
                    reason: .forbidden,
                    message:
                        "poddisruptionbudgets.policy \"\(pdb.metadata.name)\" is forbidden: pdb disruptions allowed is negative"
                ))
        }
        if s.disruptionsAllowed == 0 {
            return .refused(
                refusal(
                    cause:
                        "The disruption budget \(pdb.metadata.name) needs \(s.desiredHealthy) healthy pods and has \(s.currentHealthy) currently"
                ))
        }
        return .allowed
    }

    /// 429 with the DisruptionBudget cause (kubectl prints the message only).
    private static func refusal(cause: String) -> APIError {
        APIError(reason: .tooManyRequests, message: evictionRefusal, causes: [.init(field: "", body: cause)])
    }
}
