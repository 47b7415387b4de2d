import XCTest

@testable import StsimEngine

/// Go's `%q` and `%#v`, as field errors print values.
final class GoSyntaxTests: XCTestCase {
    func testQuoteEscapesLikeGo() {
        XCTAssertEqual(GoSyntax.quote("web"), "\"web\"")
        XCTAssertEqual(GoSyntax.quote("a\"b\\c"), "\"a\\\"b\\\\c\"")
        XCTAssertEqual(GoSyntax.quote("a\nb\u{1}"), "\"a\\nb\\x01\"")
    }

    func testStringMapSortsKeys() {
        XCTAssertEqual(
            GoSyntax.stringMap(["b": "2", "a": "1"]), "map[string]string{\"a\":\"1\", \"b\":\"2\"}")
    }
}
