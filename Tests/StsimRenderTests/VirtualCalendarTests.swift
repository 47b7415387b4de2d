import StsimEngine
import XCTest

@testable import StsimRender

/// Dates across a year end and a leap year, checked against Python's datetime.
final class VirtualCalendarTests: XCTestCase {
    func testDates() {
        let c = VirtualCalendar.standard
        XCTAssertEqual(c.rfc1123Z(.zero), "Mon, 24 Nov 2025 19:20:00 +0000")
        let later = VirtualTime(milliseconds: 3_474_061_000)
        XCTAssertEqual(c.rfc1123Z(later), "Sun, 04 Jan 2026 00:21:01 +0000")
        XCTAssertEqual(c.unixDate(later), "Sun Jan 04 00:21:01 UTC 2026")
        XCTAssertEqual(c.rfc1123Z(VirtualTime(milliseconds: 94_608_000_000)), "Thu, 23 Nov 2028 19:20:00 +0000")
    }
}
