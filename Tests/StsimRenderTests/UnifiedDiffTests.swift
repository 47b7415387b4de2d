import StsimRender
import XCTest

/// The hunks of `diff -u` as GNU diff numbers and groups them.
final class UnifiedDiffTests: XCTestCase {
    private let ten = (1...10).map { "line \($0)" }

    func testEqualTextsHaveNoHunks() {
        XCTAssertEqual(UnifiedDiff.hunks(old: ten, new: ten), [])
    }

    func testOneChangeWithThreeLinesOfContext() {
        var new = ten
        new[4] = "five"
        XCTAssertEqual(
            UnifiedDiff.hunks(old: ten, new: new),
            ["@@ -2,7 +2,7 @@", " line 2", " line 3", " line 4", "-line 5", "+five", " line 6", " line 7", " line 8"])
    }

    func testChangesWithinSixLinesShareAHunkAndFartherOnesDoNot() {
        var near = ten
        near[1] = "two"
        near[7] = "eight"
        XCTAssertEqual(UnifiedDiff.hunks(old: ten, new: near).filter { $0.hasPrefix("@@") }, ["@@ -1,10 +1,10 @@"])
        let long = (1...20).map { "line \($0)" }
        var far = long
        far[1] = "two"
        far[15] = "sixteen"
        XCTAssertEqual(
            UnifiedDiff.hunks(old: long, new: far).filter { $0.hasPrefix("@@") }, ["@@ -1,5 +1,5 @@", "@@ -13,7 +13,7 @@"])
    }

    func testAFileThatDidNotExist() {
        XCTAssertEqual(UnifiedDiff.hunks(old: [], new: ["a", "b"]), ["@@ -0,0 +1,2 @@", "+a", "+b"])
        XCTAssertEqual(UnifiedDiff.hunks(old: ["a"], new: []), ["@@ -1 +0,0 @@", "-a"])
    }

    func testAnAddedLineAtTheEnd() {
        XCTAssertEqual(
            UnifiedDiff.hunks(old: ["a", "b", "c", "d"], new: ["a", "b", "c", "d", "e"]),
            ["@@ -2,3 +2,4 @@", " b", " c", " d", "+e"])
    }
}
