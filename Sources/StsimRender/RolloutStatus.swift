import StsimEngine

/// `kubectl rollout status sts/NAME` (reference 11.8): the message for one look at the set.
/// kubectl evaluates this on every watch event; the session calls it after each change of the
/// set and stops at `.done` or `.error`.
public enum RolloutStatus {
    public enum Outcome: Hashable, Sendable {
        /// Still going: print the message and keep watching.
        case waiting(String)
        /// Finished: print the message and stop.
        case done(String)
        /// Not applicable (OnDelete): kubectl's error text.
        case error(String)
    }

    public static func evaluate(_ s: StatefulSet) -> Outcome {
        let strategy = s.spec.updateStrategy
        guard (strategy?.type ?? .rollingUpdate) == .rollingUpdate else {
            return .error("rollout status is only available for RollingUpdate strategy type")
        }
        let observed = s.status.observedGeneration ?? 0
        if observed == 0 || s.metadata.generation > observed {
            return .waiting("Waiting for statefulset spec update to be observed...")
        }
        let replicas = s.spec.replicas ?? 1
        if s.status.readyReplicas < replicas {
            return .waiting("Waiting for \(replicas - s.status.readyReplicas) pods to be ready...")
        }
        // `partition: 0` is defaulted, so a default manifest takes this branch (11.8).
        if let rolling = strategy?.rollingUpdate {
            if let partition = rolling.partition, s.status.updatedReplicas < replicas - partition {
                return .waiting(
                    "Waiting for partitioned roll out to finish: \(s.status.updatedReplicas) out of "
                        + "\(replicas - partition) new pods have been updated...")
            }
            return .done("partitioned roll out complete: \(s.status.updatedReplicas) new pods have been updated...")
        }
        let update = s.status.updateRevision ?? ""
        if s.status.currentRevision != s.status.updateRevision {
            return .waiting(
                "waiting for statefulset rolling update to complete \(s.status.updatedReplicas) pods at revision \(update)..."
            )
        }
        return .done(
            "statefulset rolling update complete \(s.status.currentReplicas) pods at revision \(s.status.currentRevision ?? "")..."
        )
    }
}
