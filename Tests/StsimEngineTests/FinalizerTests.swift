import XCTest

@testable import StsimEngine

final class FinalizerTests: XCTestCase {
    func testRemovingTheProtectionFinalizerLetsATerminatingClaimGo() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        _ = c.delete(.persistentVolumeClaim, "data-web-0")
        var claim = c.claim("data-web-0")!
        XCTAssertNotNil(claim.metadata.deletionTimestamp)
        claim.metadata.finalizers = []
        claim.metadata.resourceVersion = 0
        XCTAssertNoThrow(try c.update(.persistentVolumeClaim(claim)).get())
        XCTAssertNil(c.claim("data-web-0"))
    }
}
