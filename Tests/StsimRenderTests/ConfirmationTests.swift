import StsimEngine
import XCTest

@testable import StsimRender

final class ConfirmationTests: XCTestCase {
    func testLines() {
        XCTAssertEqual(Confirmation.line(.statefulSet, "web", .created), "statefulset.apps/web created")
        XCTAssertEqual(
            Confirmation.line(.persistentVolumeClaim, "data", .created), "persistentvolumeclaim/data created")
        XCTAssertEqual(
            Confirmation.line(.statefulSet, "web", .patchedNoChange), "statefulset.apps/web patched (no change)")
        XCTAssertEqual(Confirmation.line(.node, "node-1", .cordoned), "node/node-1 cordoned")
        XCTAssertEqual(Confirmation.deleted(.pod, "web-0"), "pod \"web-0\" deleted")
        XCTAssertEqual(Confirmation.deleted(.statefulSet, "web"), "statefulset.apps \"web\" deleted")
        XCTAssertEqual(Confirmation.deleted(.pod, "web-0", force: true), "pod \"web-0\" force deleted")
    }
}
