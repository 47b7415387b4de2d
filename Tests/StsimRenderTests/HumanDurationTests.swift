import StsimEngine
import XCTest

@testable import StsimRender

/// The table of reference 11.4, at every boundary.
final class HumanDurationTests: XCTestCase {
    func text(_ seconds: Int64) -> String { HumanDuration.format(.seconds(seconds)) }

    func testBoundaries() {
        let m: Int64 = 60
        let h: Int64 = 3600
        let d: Int64 = 86400
        let y: Int64 = 365 * 86400
        let cases: [(Int64, String)] = [
            (-2, "<invalid>"), (-1, "0s"), (0, "0s"), (59, "59s"), (119, "119s"),
            (120, "2m"), (125, "2m5s"), (9 * m + 59, "9m59s"), (10 * m, "10m"), (10 * m + 59, "10m"),
            (179 * m + 59, "179m"), (3 * h, "3h"), (3 * h + 5 * m, "3h5m"), (7 * h + 59 * m + 59, "7h59m"),
            (8 * h, "8h"), (47 * h + 59 * m, "47h"), (48 * h, "2d"), (2 * d + 5 * h, "2d5h"),
            (7 * d + 23 * h + 59 * m, "7d23h"), (8 * d, "8d"), (729 * d, "729d"), (2 * y, "2y"),
            (2 * y + 30 * d, "2y30d"), (8 * y, "8y"), (20 * y + 100 * d, "20y"),
        ]
        for (seconds, expected) in cases {
            XCTAssertEqual(text(seconds), expected, "\(seconds)s")
        }
    }

    func testMillisecondsTruncateTowardZero() {
        XCTAssertEqual(HumanDuration.format(VirtualDuration(milliseconds: 1999)), "1s")
        XCTAssertEqual(HumanDuration.format(VirtualDuration(milliseconds: -1500)), "0s")
        XCTAssertEqual(HumanDuration.format(VirtualDuration(milliseconds: -2500)), "<invalid>")
    }

    func testAgeTruncatesTheStampToItsSecond() {
        let created = VirtualTime(milliseconds: 900)
        XCTAssertEqual(HumanDuration.age(of: created, now: VirtualTime(milliseconds: 1200)), "1s")
        XCTAssertEqual(HumanDuration.age(of: created, now: VirtualTime(milliseconds: 950)), "0s")
        XCTAssertEqual(HumanDuration.age(of: nil, now: .zero), "<unknown>")
    }
}
