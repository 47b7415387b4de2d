import StsimEngine
import StsimLanguage
import StsimSession
import XCTest

@testable import StsimExplore

/// The search, over the force-delete scenario: what it finds, that pruning keeps what it finds,
/// and that the same request prints the same report.
final class ExplorerTests: XCTestCase {
    static let scenario = """
        create svc headless web --selector app=web --port 80
        create sts web --image nginx --replicas 2 --service web --storage 1Mi
        settle
        """
    /// Long enough for the second copy: the new web-0 waits for the attach-detach controller's
    /// forced detach of its volume from the cut-off node, six minutes after the force delete.
    static let horizon = VirtualDuration.seconds(480)

    func runner(_ text: String = scenario, horizon: VirtualDuration = horizon) throws -> ScheduleRunner {
        let session = Session.quiet(Session.Options())
        let script = try session.runScenario(text, file: "t.sts").get()
        return ScheduleRunner(session: session, properties: script.properties, horizon: horizon)
    }

    func explorer(_ kinds: [FaultKind], faults: Int, prune: Bool, reduce: Bool = false) throws -> Explorer {
        Explorer(
            runner: try runner(), options: .init(kinds: kinds, maxFaults: faults, prune: prune, reduce: reduce),
            interrupted: { false })
    }

    func testPartitionAloneBreaksNothing() throws {
        let e = try explorer([.partition], faults: 1, prune: true)
        e.depthFirst()
        // No fault, or a partition of one of the three nodes at the scenario's end.
        XCTAssertEqual(e.schedules, 4)
        XCTAssertEqual(e.findings.violating, 0)
        XCTAssertFalse(e.findings.stuck.isEmpty, "a cut-off node leaves the set short of Ready")
    }

    func testForceDeleteDuringPartitionBreaksAtMostOne() throws {
        let e = try explorer([.partition, .forceDelete], faults: 2, prune: true)
        e.depthFirst()
        let promises = Set(e.findings.groups.map(\.promise))
        XCTAssertEqual(promises, ["at-most-one"])
        for g in e.findings.groups {
            XCTAssertEqual(Set(g.kinds), [.partition, .forceDelete], "no violation without both faults")
        }
    }

    func testPruningFindsTheSameViolationsAsPlainSearch() throws {
        let plain = try explorer([.partition, .forceDelete], faults: 2, prune: false)
        plain.depthFirst()
        let pruned = try explorer([.partition, .forceDelete], faults: 2, prune: true)
        pruned.depthFirst()
        XCTAssertEqual(found(plain), found(pruned))
        XCTAssertLessThanOrEqual(pruned.schedules, plain.schedules)
    }

    func testBreadthFirstFindsTheSameGroupsAsDepthFirst() throws {
        let d = try explorer([.partition, .forceDelete], faults: 2, prune: true)
        d.depthFirst()
        let b = try explorer([.partition, .forceDelete], faults: 2, prune: true)
        b.breadthFirst()
        XCTAssertEqual(found(d), found(b))
    }

    /// The partial-order reduction tries one order of two faults that commute (a partition of one
    /// node and a force delete of a pod on another, at the same instant): the same violations, in
    /// fewer schedules, depth-first and breadth-first.
    func testReductionFindsTheSameViolationsInFewerSchedules() throws {
        let kinds: [FaultKind] = [.partition, .forceDelete]
        let plain = try explorer(kinds, faults: 2, prune: true)
        plain.depthFirst()
        let reduced = try explorer(kinds, faults: 2, prune: true, reduce: true)
        reduced.depthFirst()
        XCTAssertEqual(found(plain), found(reduced))
        XCTAssertFalse(found(reduced).isEmpty)
        XCTAssertGreaterThan(reduced.reordered, 0)
        XCTAssertLessThan(reduced.schedules, plain.schedules)
        let breadth = try explorer(kinds, faults: 2, prune: true, reduce: true)
        breadth.breadthFirst()
        XCTAssertEqual(found(breadth), found(plain))
        XCTAssertLessThan(breadth.schedules, plain.schedules)
    }

    func testFaultsOnOneNodeDoNotCommute() throws {
        let r = try runner()
        let cluster = r.base
        let pod = try XCTUnwrap(cluster.get(Pod.self, "web-0"))
        let node = try XCTUnwrap(pod.spec.nodeName)
        let other = cluster.list(Node.self).map(\.metadata.name).first { $0 != node && $0.hasPrefix("node-") }!
        XCTAssertFalse(Independence.independent(Fault(.partition, node), Fault(.forceDelete, "web-0"), in: cluster))
        XCTAssertTrue(Independence.independent(Fault(.partition, other), Fault(.forceDelete, "web-0"), in: cluster))
        XCTAssertFalse(Independence.independent(Fault(.lagPods, ""), Fault(.partition, other), in: cluster))
    }

    /// The groups of violations found: each promise with the fault kinds it took.
    private func found(_ e: Explorer) -> Set<String> {
        Set(e.findings.groups.map { "\($0.promise) \($0.kinds)" })
    }
}
