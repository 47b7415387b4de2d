import XCTest

@testable import StsimEngine

final class FieldPathTests: XCTestCase {
    func testKubectlsRelaxedSpellings() throws {
        for text in ["{.status.readyReplicas}", ".status.readyReplicas", "status.readyReplicas"] {
            let p = try FieldPath.parse(text).get()
            XCTAssertEqual(p.steps, [.field("status"), .field("readyReplicas")], text)
            XCTAssertEqual(p.description, "{.status.readyReplicas}", text)
        }
        XCTAssertEqual(
            try FieldPath.parse("{.spec.containers[0].image}").get().steps,
            [.field("spec"), .field("containers"), .index(0), .field("image")])
        XCTAssertEqual(
            try FieldPath.parse("{.metadata.labels.app\\.kubernetes\\.io/name}").get().steps,
            [.field("metadata"), .field("labels"), .field("app.kubernetes.io/name")])
    }

    func testRefusals() {
        XCTAssertEqual(FieldPath.parse("{}").parseError, .empty)
        XCTAssertEqual(FieldPath.parse("{.a").parseError, .unexpected("{.a"))
        for text in ["{..a}", "{.items[*].name}", "{.a[?(@.x==1)]}", "{.a..b}", "{.a[x]}"] {
            XCTAssertEqual(FieldPath.parse(text).parseError, .notSimple(text), text)
        }
    }
}

extension Result {
    fileprivate var parseError: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
