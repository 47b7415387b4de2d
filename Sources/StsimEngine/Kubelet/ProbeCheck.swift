/// The three probes a container may have (upstream pkg/kubelet/prober/prober_manager.go keeps
/// one worker per container and type).
enum ProbeType: Int, Codable, Hashable, CaseIterable {
    case startup, readiness, liveness

    /// How kubelet's events name it (`Readiness probe failed: ...`).
    var title: String {
        switch self {
        case .startup: "Startup"
        case .readiness: "Readiness"
        case .liveness: "Liveness"
        }
    }
}

/// One probe of a container as the kubelet's prober worker holds it: the spec with the API
/// defaults filled in, and the worker's run of results.
struct ProbeCheck: Codable, Equatable {
    var handler: Probe.Handler
    var initialDelaySeconds: Int32
    var periodSeconds: Int32
    var timeoutSeconds: Int32
    var successThreshold: Int32
    var failureThreshold: Int32
    /// Consecutive failures and successes of the current run (worker.go's `resultRun`).
    var failures: Int32 = 0
    var successes: Int32 = 0
    /// Increases whenever a new chain of probe runs starts, retiring older queued runs.
    var chain = 0

    init(_ p: Probe) {
        handler = p.handler
        initialDelaySeconds = Int32(p.initialDelaySeconds ?? 0)
        periodSeconds = Int32(p.periodSeconds ?? 10)
        timeoutSeconds = Int32(p.timeoutSeconds ?? 1)
        successThreshold = Int32(p.successThreshold ?? 1)
        failureThreshold = Int32(p.failureThreshold ?? 3)
    }

    /// Whether the outcome depends on the container's files (an exec probe's command, or the
    /// page a web server answers with), so that a change to them must wake the prober.
    var readsContainer: Bool {
        switch handler {
        case .exec, .httpGet: true
        case .tcpSocket, .grpc: false
        }
    }

    var period: VirtualDuration { .seconds(Int64(periodSeconds)) }
}

extension RuntimeContainer {
    subscript(probe type: ProbeType) -> ProbeCheck? {
        get {
            switch type {
            case .startup: startupProbe
            case .readiness: readinessProbe
            case .liveness: livenessProbe
            }
        }
        set {
            switch type {
            case .startup: startupProbe = newValue
            case .readiness: readinessProbe = newValue
            case .liveness: livenessProbe = newValue
            }
        }
    }

    /// Whether some probe's outcome depends on the container's files.
    var readsFiles: Bool { ProbeType.allCases.contains { self[probe: $0]?.readsContainer == true } }

    /// A new start (or an exit) ends every run in progress: queued runs become stale.
    mutating func resetProbes() {
        for type in ProbeType.allCases where self[probe: type] != nil {
            self[probe: type]!.chain += 1
            self[probe: type]!.failures = 0
            self[probe: type]!.successes = 0
        }
    }
}
