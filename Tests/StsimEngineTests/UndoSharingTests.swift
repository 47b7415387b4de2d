import XCTest

@testable import StsimEngine

/// The chunked tables an undo state shares with the live cluster (`ChunkedDictionary`,
/// `ChunkedArray`): a kept copy never sees a later write, whichever chunk it lands in.
final class UndoSharingTests: XCTestCase {
    func testChunkedDictionaryCopyIsUnaffectedByLaterWrites() {
        var table = ChunkedDictionary<UID, [String]>()
        var reference: [UID: [String]] = [:]
        var rng = SeededRandom(seed: 7)
        var kept: [(ChunkedDictionary<UID, [String]>, [UID: [String]])] = []
        for step in 0..<6_000 {
            let uid = UID(high: 1, low: rng.next() % 900)
            switch rng.next() % 4 {
            case 0:
                table[uid] = nil
                reference[uid] = nil
            case 1:
                table.removeValue(forKey: uid)
                reference.removeValue(forKey: uid)
            default:
                table[uid, default: []].append("\(step)")
                reference[uid, default: []].append("\(step)")
            }
            if step % 1_000 == 500 { kept.append((table, reference)) }
        }
        XCTAssertEqual(table.count, reference.count)
        XCTAssertEqual(table.dictionary, reference)
        for (copy, then) in kept {
            XCTAssertEqual(copy.count, then.count)
            XCTAssertEqual(copy.dictionary, then)
            for (uid, lines) in then { XCTAssertEqual(copy[uid], lines) }
        }
    }

    func testChunkedArrayCopyIsUnaffectedByLaterWrites() {
        var ring = ChunkedArray<Int>()
        var reference: [Int] = []
        var kept: [(ChunkedArray<Int>, [Int])] = []
        for i in 0..<5_000 {
            ring.append(i)
            reference.append(i)
            if i % 700 == 0 { kept.append((ring, reference)) }
        }
        for i in stride(from: 0, to: 5_000, by: 3) {
            ring[i] = -i
            reference[i] = -i
            if i % 1_111 == 0 { kept.append((ring, reference)) }
        }
        XCTAssertEqual(ring.array, reference)
        for (copy, then) in kept {
            XCTAssertEqual(copy.count, then.count)
            XCTAssertEqual(copy.array, then)
        }
    }

    /// The history ring (past its limit, so writes land on old records) and its summaries.
    func testKeptHistoryIsUnaffectedByLaterRecords() {
        var history = History(limit: 3_000)
        let key = { (i: Int) in ObjectKey(kind: .pod, namespace: "default", name: "web-\(i)") }
        for i in 0..<4_000 { history.recordFault(.killed, on: key(i), at: .zero) }
        let kept = history
        let records = kept.records(from: 0)
        for i in 0..<2_500 {
            history.recordFault(.crashed, on: key(i), at: VirtualTime(milliseconds: 1000))
            let claim = PersistentVolumeClaim.make(name: "data-web-\(i)", storage: "1Mi")
            history.record(
                Change(
                    time: VirtualTime(milliseconds: 1000), type: .added,
                    key: ObjectKey(kind: .persistentVolumeClaim, namespace: "default", name: "data-web-\(i)"),
                    object: .persistentVolumeClaim(claim), resourceVersion: i))
        }
        XCTAssertEqual(kept.records(from: 0), records)
        XCTAssertEqual(kept.nextSequence, 4_000)
        XCTAssertNotEqual(history.records(from: 0), records)
    }

    /// The logs and notes by pod uid.
    func testKeptAppStateIsUnaffectedByLaterLinesAndNotes() {
        var apps = AppState()
        let uids = (0..<2_000).map { UID(high: 9, low: UInt64($0)) }
        for uid in uids {
            apps.log(uid, run: "nginx#0", "started", at: .zero)
            apps.setNote("cannot run", pod: uid, container: "nginx")
        }
        let kept = apps
        for uid in uids {
            apps.log(uid, run: "nginx#0", "GET /", at: .zero)
            apps.log(uid, run: "nginx#1", "restarted", at: .zero)
            apps.setNote(nil, pod: uid, container: "nginx")
        }
        apps.forget(pod: uids[0])
        for uid in uids {
            XCTAssertEqual(kept.logs[uid]?.mapValues(\.lines), ["nginx#0": ["started"]])
            XCTAssertEqual(kept.notes[uid], ["nginx": "cannot run"])
        }
        XCTAssertNil(apps.logs[uids[0]])
        XCTAssertEqual(
            apps.logs[uids[1]]?.mapValues(\.lines), ["nginx#0": ["started", "GET /"], "nginx#1": ["restarted"]])
        XCTAssertEqual(apps.notes[uids[1]], [:])
    }

    /// The recorder's log, past a chunk and past its retention (so old slots are dropped).
    func testKeptRecorderIsUnaffectedByLaterEvents() {
        var recorder = EventRecorder(timing: TimingProfile(), retention: 3_000)
        func record(_ i: Int, _ reason: String, at seconds: Int64) {
            recorder.record(
                .normal, reason: reason, message: "pod \(i)",
                about: ObjectKey(kind: .pod, namespace: "default", name: "web-\(i)"), uid: nil,
                source: "kubelet", now: VirtualTime(milliseconds: seconds * 1000))
        }
        for i in 0..<2_500 { record(i, "Pulled", at: 1) }
        let kept = recorder
        let events = kept.events
        for i in 0..<2_500 { record(i, "Pulled", at: 2) }
        for i in 0..<2_500 { record(i, "Started", at: 3) }
        XCTAssertEqual(kept.events, events)
        XCTAssertEqual(events.count, 2_500)
        XCTAssertEqual(recorder.events.count, 3_000)
        XCTAssertEqual(recorder.events.first { $0.reason == "Pulled" }?.count, 2)
    }

    /// A kubelet's fields, boxed and shared with a kept state until either side writes.
    func testKeptKubeletStateIsUnaffectedByLaterWrites() {
        var state = KubeletState()
        state.images.insert("nginx")
        state.link.isConnected = false
        let kept = state
        state.images.insert("busybox")
        state.isDown = true
        state.link.isConnected = true
        XCTAssertEqual(kept.images, ["nginx"])
        XCTAssertFalse(kept.isDown)
        XCTAssertFalse(kept.link.isConnected)
        XCTAssertEqual(state.images, ["nginx", "busybox"])
        XCTAssertTrue(state.isDown)
    }

    /// The whole state: what a kept state restores is what the cluster was when it was kept,
    /// after the live cluster wrote every table again (pods, history, logs, events, kubelets).
    func testKeptClusterStateIsUnaffectedByLaterWrites() {
        let cluster = Cluster()
        cluster.createWeb(replicas: 40, policy: .parallel)
        cluster.settle()
        _ = cluster.drainChanges()
        let before = cluster.stateDump()
        let kept = cluster.savedState
        cluster.scale(.statefulSet, "web", replicas: 60)
        cluster.settle()
        for i in 0..<40 where i % 3 == 0 { _ = cluster.delete(.pod, "web-\(i)") }
        cluster.settle()
        XCTAssertNotEqual(cluster.stateDump(), before)
        XCTAssertEqual(Cluster(restoring: kept).stateDump(), before)
    }
}
