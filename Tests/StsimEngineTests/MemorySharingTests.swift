import StsimTestSupport
import XCTest

@testable import StsimEngine

/// The compact structures behind issue 3's memory target behave like the plain ones they replace.
final class MemorySharingTests: XCTestCase {
    func testOrdinalTableMatchesADictionary() {
        var table = OrdinalTable<Int>()
        var reference: [Int: Int] = [:]
        var rng = SeededRandom(seed: 42)
        let ordinals = [0, 1, 2, 5, 63, 64, 100, 1_000_000, 1_000_001, 3, 70, 200, 4]
        for step in 0..<2_000 {
            let o = step < 300 ? step : rng.pick(ordinals)
            let value: Int? = step < 300 || rng.chance(50) ? step : nil
            table[o] = value
            reference[o] = value
            XCTAssertEqual(table.count, reference.count)
        }
        XCTAssertEqual(table.keys.sorted(), reference.keys.sorted())
        for o in reference.keys { XCTAssertEqual(table[o], reference[o]) }
        for o in reference.keys { table[o] = nil }
        XCTAssertEqual(table.count, 0)
        XCTAssertEqual(table.keys, [])
    }

    func testRecentValuesHandsBackAnEqualStoredValue() {
        var recent = RecentValues<[String]>(capacity: 2)
        let a = ["x", "y"]
        XCTAssertEqual(recent.shared(a), a)
        XCTAssertEqual(recent.shared(["x", "y"]), a)
        XCTAssertEqual(recent.shared(["z"]), ["z"])
        XCTAssertEqual(recent.shared(["w"]), ["w"])
        XCTAssertEqual(recent.shared(["x", "y"]), a)
    }
}
