import StsimEngine
import StsimLanguage
import StsimSession

/// `explore SCENARIO.sts`: runs the scenario once, searches its fault schedules, minimises one
/// schedule per distinct violation and reports. The executable hands this to the session as its
/// `exploreHandler`. Returns true when no promise was broken.
public enum Exploration {
    public static func run(_ context: ExploreContext) throws -> Bool {
        let request = context.request
        let session = Session.quiet(context.options)
        let script = try session.runScenario(context.scenario, file: request.file.text).get()
        let runner = ScheduleRunner(session: session, properties: script.properties, horizon: request.horizon)
        let kinds = request.faults.compactMap(FaultKind.init(rawValue:))
        let explorer = Explorer(
            runner: runner,
            options: .init(kinds: kinds, maxFaults: request.maxFaults, prune: request.prune, reduce: request.reduce),
            interrupted: context.interrupted)
        if context.interactive {
            explorer.progress = { n in if n % 10_000 == 0 { context.print("... \(n.groupedDigits) schedules") } }
        }
        switch request.strategy {
        case .depthFirst: explorer.depthFirst()
        case .breadthFirst: explorer.breadthFirst()
        case .random(let runs, let seed): explorer.random(runs: runs, seed: seed)
        }
        var minimiser = Minimiser(runner: runner)
        var report = ExploreReport(request: request, explorer: explorer, start: runner.base.now, setup: script.setup)
        for group in explorer.findings.groups {
            let smallest = minimiser.minimise(group.first)
            if let example = Counterexample(smallest, start: runner.base.now) {
                report.add(example, count: group.count)
            }
        }
        for line in report.lines() { context.print(line) }
        for (name, text) in report.files() where request.out != nil {
            context.print("wrote \(try context.write(name, text))")
        }
        return report.examples.isEmpty
    }
}
