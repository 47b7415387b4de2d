import XCTest

@testable import StsimManifests

/// Image references against the distribution reference grammar's own examples.
final class ImageReferenceTests: XCTestCase {
    func testImageReferences() {
        for ok in [
            "nginx", "nginx:1.27", "registry.k8s.io/nginx-slim:0.24", "192.168.2.7:5000/go_serv:1.0", "localhost/a__b",
            "luksa/kubia-pet", "busybox@sha256:" + String(repeating: "a", count: 64),
        ] {
            XCTAssertNil(ImageReference.problem(ok), ok)
        }
        XCTAssertNotNil(ImageReference.problem("Luksa/kubia"))
        XCTAssertNotNil(ImageReference.problem("nginx:"))
        XCTAssertNotNil(ImageReference.problem("a b"))
        XCTAssertNotNil(ImageReference.problem("nginx@sha256:xyz"))
    }
}
