import StsimEngine
import StsimLanguage
import StsimSession
import XCTest

@testable import StsimExplore

/// The minimiser drops the faults a violation does not need and moves the rest earlier; the
/// script it leads to reproduces the violation when run.
final class MinimiserTests: XCTestCase {
    func testDropsAnUnneededFaultAndKeepsTheViolation() throws {
        let session = Session.quiet(Session.Options())
        let script = try session.runScenario(ExplorerTests.scenario, file: "t.sts").get()
        let runner = ScheduleRunner(session: session, properties: script.properties, horizon: ExplorerTests.horizon)
        // A witness with three faults, of which one is not needed.
        let three = try XCTUnwrap(findThree(runner))
        XCTAssertEqual(three.faults.count, 3)
        XCTAssertEqual(three.violation?.invariant, "at-most-one")
        var m = Minimiser(runner: runner)
        let small = m.minimise(three)
        XCTAssertEqual(small.faults.count, 2)
        XCTAssertEqual(small.violation?.invariant, "at-most-one")
        for i in small.faults.indices {
            var fewer = small.faults
            fewer.remove(at: i)
            XCTAssertNil(runner.replay(fewer)?.violation, "1-minimal: each fault is needed")
        }
    }

    /// The two-fault witness with an extra partition of another node in front.
    private func findThree(_ runner: ScheduleRunner) -> RunOutcome? {
        let e = Explorer(
            runner: runner, options: .init(kinds: [.partition, .forceDelete], maxFaults: 2, prune: true),
            interrupted: { false })
        e.depthFirst()
        guard let two = e.findings.groups.first?.first else { return nil }
        let used = Set(two.faults.map(\.fault.target))
        guard let other = ["node-1", "node-2", "node-3"].first(where: { !used.contains($0) }) else { return nil }
        let extra = TimedFault(Fault(.partition, other), at: runner.start)
        return runner.replay([extra] + two.faults)
    }

    func testTheCounterexampleScriptReplaysTheViolation() throws {
        let session = Session.quiet(Session.Options())
        let script = try session.runScenario(ExplorerTests.scenario, file: "t.sts").get()
        let runner = ScheduleRunner(session: session, properties: script.properties, horizon: ExplorerTests.horizon)
        let e = Explorer(
            runner: runner, options: .init(kinds: [.partition, .forceDelete], maxFaults: 2, prune: true),
            interrupted: { false })
        e.depthFirst()
        var m = Minimiser(runner: runner)
        let small = m.minimise(try XCTUnwrap(e.findings.groups.first?.first))
        let example = try XCTUnwrap(Counterexample(small, start: runner.base.now))
        let text = example.script(setup: script.setup, scenario: "t.sts")
        XCTAssertLessThanOrEqual(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count, 12)
        XCTAssertTrue(text.hasSuffix("expect never event InvariantViolated\n"), text)
        // Run as a script (its last line, a history check, is set aside here): the monitor sees it.
        let replay = Session.quiet(Session.Options())
        _ = try replay.runScenario(text, file: "c.sts").get()
        XCTAssertEqual(replay.simulation.invariantViolations.map(\.message), [small.violation?.message])
        XCTAssertEqual(replay.simulation.invariantViolations.first?.time, small.violation?.time)
    }
}
