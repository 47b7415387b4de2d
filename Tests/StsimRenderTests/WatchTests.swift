import XCTest

@testable import StsimEngine
@testable import StsimRender

final class WatchTests: XCTestCase {
    typealias F = Fixtures

    func change(_ t: Int64, _ object: KubeObject, _ type: ChangeType = .modified) -> Change {
        Change(time: F.at(t), type: type, key: object.key, object: object, resourceVersion: 0)
    }

    func startingPod() -> [Change] {
        [
            change(0, .persistentVolumeClaim(F.claim("www-web-0")), .added),
            change(0, .pod(F.pod("web-0", phase: .pending, node: nil, ip: nil)), .added),
            change(1, .persistentVolumeClaim(F.claim("www-web-0", volume: "pvc-0a1b2c3d"))),
            change(1, .pod(F.pod("web-0", phase: .pending, node: "node-2", ip: nil))),
            // A status write that changes nothing a row shows: suppressed.
            change(1, .pod(F.pod("web-0", phase: .pending, node: "node-2", ip: nil))),
            change(
                2,
                .pod(
                    F.pod(
                        "web-0", phase: .pending, containers: [F.waitingContainer("ContainerCreating")], node: "node-2")
                )),
            change(3, .pod(F.pod("web-0", node: "node-2"))),
            change(3, .statefulSet(F.statefulSet(replicas: 1, ready: 1))),
            // Services and endpoint slices are not part of the settle story.
            change(3, .endpointSlice(EndpointSlice(metadata: F.meta("nginx")))),
        ]
    }

    func testRowsAlignedAndDeduplicated() {
        var w = WatchFormatter()
        XCTAssertEqual(
            w.format(startingPod()).text,
            """
            00:00:00  pvc/www-web-0         Pending
            00:00:00  pod/web-0       0/1   Pending             0   <none>
            00:00:01  pvc/www-web-0         Bound                   pvc-0a1b2c3d
            00:00:01  pod/web-0       0/1   Pending             0   node-2
            00:00:02  pod/web-0       0/1   ContainerCreating   0   node-2
            00:00:03  pod/web-0       1/1   Running             0   node-2
            00:00:03  sts/web         1/1

            """)
    }

    /// A formatter kept by an undo state remembers the rows of its time, whatever the live one
    /// printed since (the memory is shared in chunks until either side writes).
    func testAKeptFormatterIsUnaffectedByLaterRows() {
        var w = WatchFormatter()
        let pods = (0..<600).map { F.pod("web-\($0)", node: "node-2") }
        XCTAssertEqual(w.format(pods.map { change(1, .pod($0)) }).lines.count, 600)
        let kept = w
        XCTAssertEqual(w.format(pods.map { change(2, .pod($0), .deleted) }).lines.count, 600)
        var replay = kept
        XCTAssertEqual(replay.format(pods.map { change(3, .pod($0)) }).lines, [])
        XCTAssertEqual(w.format(pods.map { change(3, .pod($0)) }).lines.count, 600)
    }

    func testMemoryCarriesAcrossBatchesAndDeletionResetsIt() {
        var w = WatchFormatter()
        _ = w.format(startingPod())
        let pod = F.pod("web-0", node: "node-2")
        XCTAssertEqual(w.format([change(10, .pod(pod))]).lines, [])
        XCTAssertEqual(
            w.format([
                change(20, .pod(pod), .deleted),
                change(21, .pod(F.pod("web-0", phase: .pending, node: nil, ip: nil)), .added),
            ]).lines,
            ["00:00:20  pod/web-0         deleted", "00:00:21  pod/web-0   0/1   Pending   0   <none>"])
    }

    func testLimitCutsTheStream() {
        var w = WatchFormatter()
        let changes = (0..<5).map { change(Int64($0), .pod(F.pod("web-\($0)")), .added) }
        let out = w.format(changes, droppedCount: 29_947, limit: 2)
        XCTAssertEqual(
            out.lines,
            [
                "00:00:00  pod/web-0   1/1   Running   0   node-1",
                "00:00:01  pod/web-1   1/1   Running   0   node-1",
                "... 29,950 more changes",
            ])
        XCTAssertEqual(out.moreChanges, 29_950)
        // Rows past the limit were remembered: nothing repeats.
        XCTAssertEqual(w.format([change(9, .pod(F.pod("web-4")))]).lines, [])
    }

    /// A provisioned volume's long name does not push every other row to the right.
    func testLongNamesOverflowInsteadOfWideningTheColumn() {
        var w = WatchFormatter()
        let pv = F.volume("pvc-0c43407d-c177-46f7-83f9-1ca7864a7135", phase: .bound, claim: "www-web-0")
        XCTAssertEqual(
            w.format([change(1, .persistentVolume(pv)), change(1, .pod(F.pod("web-0")))]).lines,
            [
                "00:00:01  pv/pvc-0c43407d-c177-46f7-83f9-1ca7864a7135   Bound   default/www-web-0",
                "00:00:01  pod/web-0   1/1   Running   0   node-1",
            ])
    }

    func testSettleSummary() {
        let pods = (0..<3).map { F.pod("web-\($0)") }
        let claims = (0..<3).map { F.claim("www-web-\($0)", volume: "pv-\($0)") }
        let result = RunResult(reason: .idle, startedAt: F.at(0), stoppedAt: F.at(12), steps: 40)
        XCTAssertEqual(
            SettleSummary.render(result, pods: pods, claims: claims),
            "settled at 00:00:12 (+12s): 3 pods Running and Ready, 3 claims Bound")
        let mixed = [
            F.pod("web-0"), F.pod("web-1", ready: false),
            F.pod("web-2", phase: .pending, containers: [F.waitingContainer("ContainerCreating")]),
        ]
        let stuck = RunResult(reason: .onlyRetries, startedAt: F.at(60), stoppedAt: F.at(185), steps: 3)
        XCTAssertEqual(
            SettleSummary.render(stuck, pods: mixed, claims: [F.claim("www-web-3")]),
            "settled at 00:03:05 (+2m5s), only retries left: 1 pod Running and Ready, 1 pod ContainerCreating, 1 pod Running, not Ready, 1 claim Pending"
        )
        XCTAssertEqual(
            SettleSummary.render(
                stuck, pods: [], claims: [],
                blocked: [("web", ["web-2 waits: web-1 is not Ready (OrderedReady)"]), ("db", [])]),
            "settled at 00:03:05 (+2m5s), only retries left: no pods\n  sts/web: web-2 waits: web-1 is not Ready (OrderedReady)"
        )
        XCTAssertEqual(
            SettleSummary.state(
                pods: [F.pod("web-0")], claims: [],
                nodes: [F.node("node-1", ready: .unknown), F.node("node-2"), F.node("node-3", cordoned: true)]),
            "1 pod Running and Ready, 1 node NotReady, 1 node Ready,SchedulingDisabled")
        XCTAssertEqual(
            SettleSummary.state(pods: Array(repeating: F.pod("x"), count: 100_000), claims: []),
            "100,000 pods Running and Ready")
    }
}
