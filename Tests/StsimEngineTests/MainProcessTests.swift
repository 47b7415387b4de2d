import XCTest

@testable import StsimEngine

/// A busybox container's command runs as its main process: it prints to the log as virtual time
/// passes, stops at each `sleep` and goes on from there, and its exit ends the container.
final class MainProcessTests: XCTestCase {
    private func run(_ script: String, restart: RestartPolicy = .never, finalizers: [String] = []) -> Cluster {
        let c = Cluster()
        let container = Container(name: "c", image: "busybox:1.36", command: ["sh", "-c", script])
        let meta = ObjectMeta(name: "p", finalizers: finalizers)
        c.mustCreate(.pod(Pod(metadata: meta, spec: PodSpec(containers: [container], restartPolicy: restart))))
        c.settle()
        return c
    }

    private func log(_ c: Cluster) -> [String] { c.pod("p").flatMap { c.logs(of: $0) } ?? [] }

    private func exitCode(_ c: Cluster) -> Int? {
        if case .terminated(let code, _, _, _, _)? = c.pod("p")?.status.containerStatuses.first?.state { return code }
        return nil
    }

    func testOutputComesAsTimePassesAndTheLoopResumesWhereItSlept() {
        let c = run("for i in 1 2 3; do echo \"tick $i\"; sleep 10; done; echo done; exit 3")
        XCTAssertEqual(log(c), ["tick 1"])
        c.advance(by: .seconds(10))
        XCTAssertEqual(log(c), ["tick 1", "tick 2"])
        c.advance(by: .seconds(25))
        XCTAssertEqual(log(c), ["tick 1", "tick 2", "tick 3", "done"])
        XCTAssertEqual(exitCode(c), 3)
        XCTAssertEqual(c.pod("p")?.status.phase, .failed)
    }

    func testConditionsWhileLoopsAndBreakKeepTheirPlaceAcrossSleeps() {
        let c = run(
            """
            n=0
            while [ $n -lt 5 ]; do
              n=$((n+1))
              if [ $n -eq 2 ]; then sleep 5 && echo "two after sleep"; elif [ $n -eq 4 ]; then break; else echo "n=$n"; fi
            done
            test $n -eq 4 || exit 9
            sleep 1; echo end
            """)
        XCTAssertEqual(log(c), ["n=1"])
        c.advance(by: .seconds(5))
        XCTAssertEqual(log(c), ["n=1", "two after sleep", "n=3"])
        c.advance(by: .seconds(1))
        XCTAssertEqual(log(c), ["n=1", "two after sleep", "n=3", "end"])
        XCTAssertEqual(exitCode(c), 0)
        XCTAssertEqual(c.pod("p")?.status.phase, .succeeded)
    }

    func testSleepInfinityWaitsForeverAndFilesAppearWhenTheScriptGetsThere() throws {
        let c = run("touch /tmp/a; sleep 30; rm /tmp/a; touch /tmp/b; sleep infinity")
        let pod = try XCTUnwrap(c.pod("p"))
        let hooks = ShellHooks(sleep: { _ in })
        XCTAssertEqual(try c.execInContainer(pod, argv: ["ls", "/tmp"], hooks: hooks).stdout, "a\n")
        c.advance(by: .seconds(30))
        XCTAssertEqual(try c.execInContainer(pod, argv: ["ls", "/tmp"], hooks: hooks).stdout, "b\n")
        c.advance(by: .minutes(120))
        XCTAssertEqual(c.pod("p")?.status.phase, .running)
    }

    func testARestartedContainerRunsItsCommandAgainIntoANewLog() {
        let c = run("echo once; exit 1", restart: .always)
        c.advance(by: .seconds(1))
        let p = c.pod("p")!
        XCTAssertGreaterThanOrEqual(p.status.containerStatuses[0].restartCount, 1)
        XCTAssertEqual(c.logs(of: p), ["once"])
        XCTAssertEqual(c.logs(of: p, previous: true), ["once"])
    }

    func testALoopThatNeverSleepsIsStoppedAndDescribedInStsimsWords() {
        let c = run("while true; do true; done")
        let note = c.simulationNote(c.pod("p")!, container: "c")
        XCTAssertEqual(note, "its command ran 10000 steps without sleeping; stsim stopped running it")
        XCTAssertEqual(c.pod("p")?.status.phase, .running)
    }

    /// The stopped container's exit status and how long after now it finished.
    private func stopped(_ c: Cluster, since: VirtualTime) -> (code: Int, after: VirtualDuration)? {
        guard case .terminated(let code, _, _, _, let finished?)? = c.pod("p")?.status.containerStatuses.first?.state
        else { return nil }
        return (code, finished - since)
    }

    func testATrapOnTERMRunsWhenTheLoopsSleepEndsAndItsExitEndsTheContainer() {
        let c = run(
            "n=0; bye() { echo \"caught after $n\"; exit 4; }; trap bye TERM; while true; do n=$((n+1)); sleep 2; done",
            finalizers: ["example.com/hold"])
        c.advance(by: .milliseconds(2_500))
        let deleted = c.now
        XCTAssertNoThrow(try c.delete(.pod, "p").get())
        c.settle()
        XCTAssertEqual(log(c), ["caught after 2"])
        let stop = stopped(c, since: deleted)
        XCTAssertEqual(stop?.code, 4)
        XCTAssertEqual(stop?.after, .milliseconds(1_500), "the trap waits for the 2 s sleep under way")
        XCTAssertEqual(c.pod("p")?.status.phase, .failed)
    }

    func testATrapBehindALongSleepNeverRunsAndTheKillEndsTheContainer() {
        let c = run("trap 'echo caught; exit 0' TERM; sleep 3600", finalizers: ["example.com/hold"])
        let deleted = c.now
        XCTAssertNoThrow(try c.delete(.pod, "p").get())
        c.settle()
        XCTAssertEqual(log(c), [])
        let stop = stopped(c, since: deleted)
        XCTAssertEqual(stop?.code, 137)
        XCTAssertEqual(stop?.after, .seconds(30))
    }

    func testWithoutATrapPIDOneIgnoresTERMUntilTheKill() {
        let c = run("while true; do sleep 1; done", finalizers: ["example.com/hold"])
        let deleted = c.now
        XCTAssertNoThrow(try c.delete(.pod, "p").get())
        c.settle()
        XCTAssertEqual(stopped(c, since: deleted)?.code, 137)
        XCTAssertEqual(stopped(c, since: deleted)?.after, .seconds(30))
    }
}
