import Foundation
import XCTest

@testable import StsimAPI

/// RFC 6902 operations become the merge patch that `ManifestUpdate` applies.
final class JSONPatchTests: XCTestCase {
    private let live =
        #"{"metadata":{"name":"web","labels":{"app":"nginx","tier":"front"}},"spec":{"replicas":3,"args":["a","b"]}}"#

    private func patch(_ ops: String) throws -> [String: Any] {
        let text = try JSONPatch.mergePatch(ops, onto: live).get()
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testReplaceAndRemoveBecomeValuesAndNulls() throws {
        let p = try patch(
            #"[{"op":"replace","path":"/spec/replicas","value":5},{"op":"remove","path":"/metadata/labels/tier"}]"#)
        XCTAssertEqual((p["spec"] as? [String: Any])?["replicas"] as? Int, 5)
        let labels = (p["metadata"] as? [String: Any])?["labels"] as? [String: Any]
        XCTAssertTrue(labels?["tier"] is NSNull)
        XCTAssertNil(labels?["app"])
    }

    func testListsAreReplacedWhole() throws {
        let p = try patch(
            #"[{"op":"add","path":"/spec/args/1","value":"x"},{"op":"move","from":"/spec/args/0","path":"/spec/args/-"}]"#
        )
        XCTAssertEqual((p["spec"] as? [String: Any])?["args"] as? [String], ["x", "b", "a"])
    }

    func testAFailedTestOperationIsRefused() {
        let result = JSONPatch.mergePatch(#"[{"op":"test","path":"/spec/replicas","value":4}]"#, onto: live)
        guard case .failure(let e) = result else { return XCTFail("a failed test op must refuse the patch") }
        XCTAssertEqual(e.response.status, 422)
        XCTAssertTrue(e.response.body.contains("testing value /spec/replicas failed"), e.response.body)
    }

    func testCompactKeepsStringsAsTheyAre() {
        XCTAssertEqual(
            WireJSON.compact("{\n  \"a b\": \"c \\\" d\",\n  \"e\": [1, 2]\n}"), #"{"a b":"c \" d","e":[1,2]}"#)
    }
}
