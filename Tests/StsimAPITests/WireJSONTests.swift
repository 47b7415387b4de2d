import XCTest

@testable import StsimAPI

/// The JSON the loopback API reads and writes.
final class WireJSONTests: XCTestCase {
    func testCompactKeepsStringsAsTheyAre() {
        XCTAssertEqual(
            WireJSON.compact("{\n  \"a b\": \"c \\\" d\",\n  \"e\": [1, 2]\n}"), #"{"a b":"c \" d","e":[1,2]}"#)
    }
}
