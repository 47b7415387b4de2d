import XCTest

@testable import StsimEngine

/// Init containers run one at a time, in order, each to completion, before any app container
/// starts; a failed one is restarted with back-off, or fails the pod under restartPolicy Never.
final class InitContainerTests: XCTestCase {
    private func pod(_ inits: [String], app: String = "sleep 3600", restart: RestartPolicy? = nil) -> Cluster {
        let c = Cluster()
        let initContainers = inits.enumerated().map { i, script in
            Container(name: "init-\(i)", image: "busybox:1.36", command: ["sh", "-c", script])
        }
        let container = Container(name: "app", image: "busybox:1.36", command: ["sh", "-c", app])
        let spec = PodSpec(containers: [container], initContainers: initContainers, restartPolicy: restart)
        c.mustCreate(.pod(Pod(metadata: ObjectMeta(name: "p"), spec: spec)))
        return c
    }

    private func state(_ s: ContainerStatus?) -> String {
        switch s?.state {
        case .running?: return "running"
        case .waiting(let reason, _)?: return "waiting \(reason ?? "")"
        case .terminated(let code, let reason, _, _, _)?: return "terminated \(code) \(reason ?? "")"
        case nil: return "none"
        }
    }

    private func states(_ c: Cluster) -> [String] {
        guard let p = c.pod("p") else { return [] }
        return (p.status.initContainerStatuses + p.status.containerStatuses).map { "\($0.name): \(state($0))" }
    }

    func testEachInitContainerRunsToCompletionBeforeTheNextAndTheAppStartsLast() throws {
        let c = pod(["sleep 10; echo one > /tmp/one", "sleep 5"])
        c.advance(by: .seconds(5))
        XCTAssertEqual(
            states(c), ["init-0: running", "init-1: waiting PodInitializing", "app: waiting PodInitializing"])
        let initialized = try XCTUnwrap(c.pod("p")?.status.condition(.initialized))
        XCTAssertEqual(initialized.status, .false)
        XCTAssertEqual(initialized.reason, "ContainersNotInitialized")
        XCTAssertEqual(initialized.message, "containers with incomplete status: [init-0 init-1]")
        XCTAssertEqual(c.pod("p")?.status.phase, .pending)

        c.advance(by: .seconds(12))
        XCTAssertEqual(
            states(c), ["init-0: terminated 0 Completed", "init-1: running", "app: waiting PodInitializing"])
        XCTAssertEqual(
            c.pod("p")?.status.condition(.initialized)?.message, "containers with incomplete status: [init-1]")
        let first = try XCTUnwrap(c.pod("p")?.status.initContainerStatuses.first)
        XCTAssertTrue(first.ready)
        XCTAssertEqual(first.started, false)

        c.settle()
        XCTAssertEqual(states(c), ["init-0: terminated 0 Completed", "init-1: terminated 0 Completed", "app: running"])
        XCTAssertEqual(c.pod("p")?.status.condition(.initialized)?.status, .true)
        XCTAssertEqual(c.pod("p")?.status.phase, .running)
        XCTAssertTrue(c.pod("p")?.isReady ?? false)
    }

    func testAFailingInitContainerIsRestartedWithBackOffAndTheAppNeverStarts() {
        let c = pod(["exit 3"])
        c.advance(by: .minutes(2))
        let p = c.pod("p")
        XCTAssertEqual(states(c).last, "app: waiting PodInitializing")
        guard case .waiting("CrashLoopBackOff", let message?)? = p?.status.initContainerStatuses.first?.state else {
            return XCTFail("\(states(c))")
        }
        XCTAssertTrue(message.hasPrefix("back-off "), message)
        XCTAssertGreaterThanOrEqual(p?.status.initContainerStatuses.first?.restartCount ?? 0, 3)
        XCTAssertEqual(p?.status.phase, .pending)
        let events = c.list(Event.self).filter { $0.reason == "BackOff" }
        XCTAssertEqual(events.first?.involvedObject.fieldPath, "spec.initContainers{init-0}")
    }

    func testUnderRestartPolicyNeverAFailedInitContainerFailsThePod() {
        let c = pod(["exit 1", "echo never runs"], restart: .never)
        c.settle()
        XCTAssertEqual(
            states(c),
            ["init-0: terminated 1 Error", "init-1: waiting PodInitializing", "app: waiting PodInitializing"])
        XCTAssertEqual(c.pod("p")?.status.phase, .failed)
    }

    func testAnInitContainerWritesIntoAnEmptyDirTheAppReads() throws {
        let c = Cluster()
        let mount = [VolumeMount(name: "work", mountPath: "/work-dir")]
        var writer = Container(name: "install", image: "busybox:1.36", command: ["sh", "-c", "echo hi > /work-dir/x"])
        writer.volumeMounts = mount
        var reader = Container(name: "app", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"])
        reader.volumeMounts = mount
        let spec = PodSpec(
            containers: [reader], initContainers: [writer],
            volumes: [Volume(name: "work", source: .emptyDir(medium: nil, sizeLimit: nil))])
        c.mustCreate(.pod(Pod(metadata: ObjectMeta(name: "p"), spec: spec)))
        c.settle()
        let p = try XCTUnwrap(c.pod("p"))
        let out = try c.execInContainer(p, argv: ["cat", "/work-dir/x"], hooks: ShellHooks(sleep: { _ in }))
        XCTAssertEqual(out.stdout, "hi\n")
    }
}
