import StsimEngine
import XCTest

@testable import StsimLanguage

final class DurationTextTests: XCTestCase {
    func testParse() {
        let cases: [(String, Int64)] = [
            ("500ms", 500), ("30s", 30_000), ("5m", 300_000), ("1h", 3_600_000), ("1d", 86_400_000),
            ("1m30s", 90_000), ("1h2m3s4ms", 3_723_004), ("1.5s", 1500), ("0.25m", 15_000), ("10", 10_000),
            ("0", 0), ("0s", 0), ("2s500ms", 2500),
        ]
        for (text, ms) in cases {
            XCTAssertEqual(DurationText.parse(text), VirtualDuration(milliseconds: ms), text)
        }
    }

    func testParseRejects() {
        for text in ["", "s", "5x", "-5", "-5s", "5 s", "1m30", "1.2.3s", "ms5", "5S", "1y", "five", "."] {
            XCTAssertNil(DurationText.parse(text), text)
        }
    }

    func testParseRejectsWhatDoesNotFit() {
        XCTAssertNil(DurationText.parse("9223372036854775807"))
        XCTAssertNil(DurationText.parse("99999999999999999999s"))
        XCTAssertNil(DurationText.parse("100000000000000000000000h"))
        XCTAssertNil(DurationText.parse("5000000000000000000ms5000000000000000000ms"))
        // Go's longest time.Duration (the clock's end) is the limit, in any spelling.
        XCTAssertNil(DurationText.parse("9223372036854775"))
        XCTAssertEqual(DurationText.parse("9223372036"), .seconds(9_223_372_036))
        XCTAssertEqual(DurationText.parse("2562047h47m16.854s"), .milliseconds(9_223_372_036_854))
        XCTAssertNil(DurationText.parse("2562047h47m16.855s"))
        XCTAssertNil(DurationText.parse("99999999999h"))
    }

    func testFormat() {
        let cases: [(Int64, String)] = [
            (0, "0s"), (500, "500ms"), (1000, "1s"), (1500, "1.5s"), (1050, "1.05s"), (1001, "1.001s"),
            (60_000, "1m"), (90_000, "1m30s"), (3_600_000, "1h"), (3_661_001, "1h1m1.001s"), (3_600_500, "1h0.5s"),
            (-1500, "-1.5s"), (86_400_000, "24h"),
        ]
        for (ms, text) in cases {
            XCTAssertEqual(DurationText.format(VirtualDuration(milliseconds: ms)), text, "\(ms)")
        }
    }

    func testFormatThenParseRoundTrips() {
        for ms: Int64 in [0, 1, 999, 1000, 1234, 59_999, 60_000, 3_599_999, 3_600_001, 90_061_500] {
            let d = VirtualDuration(milliseconds: ms)
            XCTAssertEqual(DurationText.parse(DurationText.format(d)), d, "\(ms)")
        }
    }
}
