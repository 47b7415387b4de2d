import StsimTestSupport
import XCTest

@testable import StsimEngine

/// The store's speed structures (issue 16) give the same answers as the plain ones they replace:
/// the sorted key index, the chunked tables shared by snapshots, the tallies, the cached default
/// StorageClass.
final class StoreIndexTests: XCTestCase {
    private func key(_ namespace: String, _ name: String) -> ObjectKey {
        ObjectKey(kind: .pod, namespace: namespace, name: name)
    }

    func testSortedKeysStaySortedAcrossInsertsAndRemoves() {
        var keys = SortedKeys()
        var reference = Set<ObjectKey>()
        var rng = SeededRandom(seed: 7)
        // Enough keys to split runs many times, then removes that empty some runs entirely.
        for step in 0..<6_000 {
            let k = key(rng.pick(["default", "a", "zz"]), "web-\(rng.below(3_000))")
            if step < 4_000 || rng.chance(40) {
                keys.insert(k)
                reference.insert(k)
            } else {
                keys.remove(k)
                reference.remove(k)
            }
            XCTAssertEqual(keys.count, reference.count)
        }
        var all: [ObjectKey] = []
        keys.visit { all.append($0) }
        XCTAssertEqual(all, reference.sorted())
        var inA: [ObjectKey] = []
        keys.visit(inNamespace: "a") { inA.append($0) }
        XCTAssertEqual(inA, reference.filter { $0.namespace == "a" }.sorted())
        for k in reference { keys.remove(k) }
        XCTAssertEqual(keys.count, 0)
        keys.visit { _ in XCTFail("an emptied index still holds a key") }
    }

    func testATableCopyIsUnchangedByWritesToTheOriginal() {
        var table = ObjectTable()
        for i in 0..<2_000 { table[key("default", "p-\(i)")] = .pod(Pod(metadata: ObjectMeta(name: "p-\(i)"))) }
        let snapshot = table
        for i in 0..<1_000 { table[key("default", "p-\(i)")] = nil }
        table[key("default", "new")] = .pod(Pod(metadata: ObjectMeta(name: "new")))
        XCTAssertEqual(snapshot.count, 2_000)
        XCTAssertEqual(table.count, 1_001)
        XCTAssertNotNil(snapshot[key("default", "p-0")])
        XCTAssertNil(snapshot[key("default", "new")])
        XCTAssertEqual(snapshot.dictionary.count, 2_000)
        // Untouched chunks are shared, not copied.
        let shared = zip(table.chunks, snapshot.chunks).filter { $0 === $1 }.count
        XCTAssertGreaterThan(shared, 0)
    }

    func testStoreSlotsFollowTheKindsOrder() {
        for (i, kind) in ResourceKind.allCases.enumerated() { XCTAssertEqual(ObjectStore.slot(kind), i) }
    }

    func testListIsInKeyOrderPerNamespace() {
        let c = Cluster()
        c.createWeb(replicas: 12)
        c.settle()
        let names = c.list(.pod).map(\.metadata.name)
        XCTAssertEqual(names, names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(c.list(.pod, allNamespaces: true).count, c.store.count(.pod))
    }

    /// A tally asked after random operations (and about a clone, and after going back to the
    /// original) equals a count made from scratch.
    func testTallyEqualsARecountAfterRandomOperations() {
        let c = Cluster()
        let tally = ObjectTally(.pod) { o in
            guard case .pod(let p) = o else { return "" }
            return "\(p.status.phase?.rawValue ?? "-") \(p.isReady) \(p.metadata.deletionTimestamp != nil)"
        }
        func recount(_ c: Cluster) -> [String: Int] {
            var counts: [String: Int] = [:]
            for o in c.list(.pod, allNamespaces: true) {
                guard case .pod(let p) = o else { continue }
                counts[
                    "\(p.status.phase?.rawValue ?? "-") \(p.isReady) \(p.metadata.deletionTimestamp != nil)", default: 0
                ] +=
                    1
            }
            return counts
        }
        c.createWeb(replicas: 30)
        var rng = SeededRandom(seed: 3)
        var kept: [Cluster] = []
        for _ in 0..<25 {
            switch rng.below(4) {
            case 0: _ = c.scale(.statefulSet, "web", replicas: rng.below(40))
            case 1: c.advance(by: .seconds(Int64(rng.below(20) + 1)))
            case 2:
                if let p = c.list(Pod.self).first { _ = c.delete(.pod, p.metadata.name) }
            default: kept.append(c.clone())
            }
            XCTAssertEqual(tally.counts(in: c.store), recount(c))
            if let k = kept.last { XCTAssertEqual(tally.counts(in: k.store), recount(k)) }
        }
        c.settle()
        XCTAssertEqual(tally.counts(in: c.store), recount(c))
    }

    func testANewerDefaultStorageClassIsUsedAfterTheCachedOne() {
        let c = Cluster()
        XCTAssertEqual(c.defaultStorageClassName(), "standard")
        c.advance(by: .seconds(1))
        var fast = StorageClass(metadata: ObjectMeta(name: "fast"), provisioner: "k8s.io/minikube-hostpath")
        fast.metadata.annotations[StorageClass.defaultClassAnnotation] = "true"
        c.mustCreate(.storageClass(fast))
        XCTAssertEqual(c.defaultStorageClassName(), "fast")
        c.mustCreate(.persistentVolumeClaim(.make(name: "data", storage: "1Mi")))
        XCTAssertEqual(c.claim("data")?.spec.storageClassName, "fast")
        _ = c.delete(.storageClass, "fast")
        c.settle()
        XCTAssertEqual(c.defaultStorageClassName(), "standard")
    }

    /// Saved states hold the event recorder's keys: the uid hashed without text must equal the old text form.
    func testEventKeyOfAUidEqualsItsTextForm() {
        for (high, low) in [(0, 0), (9, 10), (UInt64.max, 1_234_567_890), (1 << 63, 99)] as [(UInt64, UInt64)] {
            var a = KeyHash()
            var b = KeyHash()
            a.add(uid: UID(high: high, low: low))
            b.add("\(high),\(low)")
            XCTAssertEqual(a.value, b.value)
        }
        var none = KeyHash()
        var empty = KeyHash()
        none.add(uid: nil)
        empty.add("")
        XCTAssertEqual(none.value, empty.value)
    }
}
