import StsimEngine
import StsimSession

/// Runs schedules: a quiet session holds the scenario's starting cluster and its checks, injects
/// faults as the commands a script would type, and steps the clock one instant at a time so that
/// every promise is checked after every event.
final class ScheduleRunner {
    let session: Session
    let base: Cluster
    let properties: [ScenarioProperty]
    let end: VirtualTime
    /// The monitor's violations from the scenario itself (not the search's doing).
    private let baseViolations: Int
    private var prepared: [Fault: PreparedCommand] = [:]
    /// Instants run, for the summary and the benchmark.
    private(set) var instants = 0

    init(session: Session, properties: [ScenarioProperty], horizon: VirtualDuration) {
        self.session = session
        base = session.simulation.clone()
        self.properties = properties
        end = base.now.clampedAdding(horizon)
        baseViolations = base.invariantViolations.count
    }

    /// Injects a fault; false when the command fails here.
    func inject(_ fault: Fault, into cluster: Cluster) -> Bool {
        let command: PreparedCommand
        if let p = prepared[fault] {
            command = p
        } else {
            guard let p = session.prepare(fault.command) else { return false }
            prepared[fault] = p
            command = p
        }
        session.simulation = cluster
        return session.run(command)
    }

    /// The first broken promise the monitor saw since the scenario ended.
    func monitorViolation(_ cluster: Cluster) -> Violation? {
        let all = cluster.invariantViolations
        return all.count > baseViolations ? Violation(monitor: all[baseViolations]) : nil
    }

    /// How a schedule that ran to its end came out: the monitor's verdict, else the scenario's checks.
    func outcome(_ cluster: Cluster, faults: [TimedFault]) -> RunOutcome {
        var violation = monitorViolation(cluster)
        if violation == nil {
            session.simulation = cluster
            for p in properties {
                if let message = session.failure(of: p) {
                    violation = Violation(check: p.text, message: message, time: cluster.now)
                    break
                }
            }
        }
        return RunOutcome(faults: faults, violation: violation, end: cluster.now, stuck: Self.stuck(cluster))
    }

    static func stuck(_ cluster: Cluster) -> [String] {
        cluster.list(StatefulSet.self).compactMap { set in
            let want = set.spec.replicas ?? 1
            let ready = set.status.readyReplicas
            return ready < want ? "sts/\(set.metadata.name) \(ready)/\(want) Ready" : nil
        }
    }

    /// Replays a schedule from the scenario's end, each fault where it came. Nil when a fault
    /// could not be injected there (its pod or node was not there to fault).
    func replay(_ faults: [TimedFault]) -> RunOutcome? {
        let cluster = base.clone()
        var place = start
        for f in faults {
            guard reach(f.place, cluster, from: &place) else {
                return monitorViolation(cluster) != nil ? outcome(cluster, faults: faults) : nil
            }
            guard inject(f.fault, into: cluster) else { return nil }
        }
        return finish(cluster, faults: faults)
    }

    /// Where every schedule starts: the scenario's end, no instant run yet.
    var start: Place { Place(time: base.now, phase: 0) }

    /// Runs the next instant and says where that leaves the cluster; nil when nothing is due by
    /// the horizon.
    func step(_ cluster: Cluster, from place: Place) -> Place? {
        guard let t = cluster.runNextInstant(notAfter: end) else { return nil }
        instants += 1
        return Place(time: t, phase: t == place.time ? place.phase + 1 : 1)
    }

    /// Steps to `target`; false when a promise broke first or the place is not there.
    func reach(_ target: Place, _ cluster: Cluster, from place: inout Place) -> Bool {
        while place < target {
            guard let next = step(cluster, from: place), monitorViolation(cluster) == nil else { return false }
            place = next
        }
        return place == target
    }

    /// Runs a schedule's tail without further faults.
    func finish(_ cluster: Cluster, faults: [TimedFault]) -> RunOutcome {
        var place = Place(time: cluster.now, phase: 0)
        while monitorViolation(cluster) == nil, let next = step(cluster, from: place) { place = next }
        return outcome(cluster, faults: faults)
    }
}
