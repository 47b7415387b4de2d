import StsimEngine
import XCTest

@testable import StsimRender

/// `printPod` cases of reference 11.3.
final class PodPrinterTests: XCTestCase {
    typealias F = Fixtures

    func printer(_ pod: Pod) -> PodPrinter { PodPrinter(pod) }

    func testPendingWithoutStatuses() {
        let p = printer(F.pod("web-0", phase: .pending, node: nil, ip: nil))
        XCTAssertEqual([p.ready, p.status], ["0/1", "Pending"])
    }

    func testContainerCreating() {
        let p = printer(F.pod("web-0", phase: .pending, containers: [F.waitingContainer("ContainerCreating")]))
        XCTAssertEqual([p.ready, p.status], ["0/1", "ContainerCreating"])
    }

    func testRunningNotYetReady() {
        let p = printer(F.pod("web-0", ready: false))
        XCTAssertEqual([p.ready, p.status], ["0/1", "Running"])
    }

    /// The node controller sets only the pod's Ready condition; READY counts containers (9.1).
    func testUnreachableNodeStillShowsReadyContainers() {
        var pod = F.pod("web-0")
        pod.status.conditions = [PodCondition(type: .ready, status: .false)]
        XCTAssertEqual(printer(pod).ready, "1/1")
    }

    func testCrashLoopBackOffWithRestarts() {
        var c = F.waitingContainer("CrashLoopBackOff", restarts: 3)
        c.lastState = .terminated(exitCode: 1, reason: "Error", message: nil, startedAt: F.at(80), finishedAt: F.at(90))
        let p = printer(F.pod("web-0", containers: [c]))
        XCTAssertEqual(
            [p.ready, p.status, p.restartsCell(now: F.at(100))], ["0/1", "CrashLoopBackOff", "3 (10s ago)"])
    }

    func testTerminatedReasons() {
        let error = ContainerStatus(
            name: "c", image: "i",
            state: .terminated(exitCode: 1, reason: "Error", message: nil, startedAt: nil, finishedAt: nil))
        XCTAssertEqual(printer(F.pod("a", phase: .failed, containers: [error])).status, "Error")
        let done = ContainerStatus(
            name: "c", image: "i",
            state: .terminated(exitCode: 0, reason: "Completed", message: nil, startedAt: nil, finishedAt: nil))
        XCTAssertEqual(printer(F.pod("a", phase: .succeeded, containers: [done])).status, "Completed")
        let bare = ContainerStatus(
            name: "c", image: "i",
            state: .terminated(exitCode: 137, reason: nil, message: nil, startedAt: nil, finishedAt: nil))
        XCTAssertEqual(printer(F.pod("a", phase: .failed, containers: [bare])).status, "ExitCode:137")
    }

    /// A finished first container with a second still running reads as Running (or NotReady).
    func testCompletedWithARunningContainer() {
        var pod = F.pod("a")
        pod.spec.containers.append(Container(name: "side", image: "i"))
        let done = ContainerStatus(
            name: "nginx", image: "i",
            state: .terminated(exitCode: 0, reason: "Completed", message: nil, startedAt: nil, finishedAt: nil))
        pod.status.containerStatuses = [done, F.runningContainer()]
        XCTAssertEqual([printer(pod).ready, printer(pod).status], ["1/2", "Running"])
        pod.status.conditions = [PodCondition(type: .ready, status: .false)]
        XCTAssertEqual(printer(pod).status, "NotReady")
    }

    func testFirstContainerDominates() {
        var pod = F.pod("a")
        pod.spec.containers.append(Container(name: "b", image: "i"))
        pod.status.containerStatuses = [
            F.waitingContainer("ImagePullBackOff"), F.waitingContainer("ContainerCreating"),
        ]
        XCTAssertEqual(printer(pod).status, "ImagePullBackOff")
    }

    func testTerminating() {
        let p = printer(F.pod("web-0", deleted: 50))
        XCTAssertEqual([p.ready, p.status], ["1/1", "Terminating"])
        XCTAssertEqual(printer(F.pod("web-0", phase: .succeeded, containers: [], deleted: 50)).status, "Succeeded")
    }

    func testNodeLostIsUnknown() {
        var pod = F.pod("web-0", deleted: 50)
        pod.status.reason = "NodeLost"
        XCTAssertEqual(printer(pod).status, "Unknown")
    }

    func testStatusReasonReplacesPhase() {
        var pod = F.pod("web-0", phase: .failed, containers: [])
        pod.status.reason = "Evicted"
        XCTAssertEqual(printer(pod).status, "Evicted")
    }

    func testInitContainers() {
        var pod = F.pod("web-0", phase: .pending, containers: [F.waitingContainer("PodInitializing")])
        pod.spec.initContainers = [
            Container(name: "init", image: "busybox"), Container(name: "init2", image: "busybox"),
        ]
        pod.status.initContainerStatuses = [
            ContainerStatus(
                name: "init", image: "busybox",
                state: .terminated(exitCode: 0, reason: "Completed", message: nil, startedAt: nil, finishedAt: nil)),
            ContainerStatus(name: "init2", image: "busybox", state: .running(startedAt: F.at(1))),
        ]
        XCTAssertEqual(printer(pod).status, "Init:1/2")
        pod.status.initContainerStatuses[1].state = .waiting(reason: "CrashLoopBackOff", message: nil)
        XCTAssertEqual(printer(pod).status, "Init:CrashLoopBackOff")
        pod.status.initContainerStatuses[1].state = .terminated(
            exitCode: 2, reason: nil, message: nil, startedAt: nil, finishedAt: nil)
        XCTAssertEqual(printer(pod).status, "Init:ExitCode:2")
    }
}
