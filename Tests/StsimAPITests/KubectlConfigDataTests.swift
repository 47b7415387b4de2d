import Foundation
import StsimTestSupport
import XCTest

/// The real kubectl's `create configmap` and `create secret generic` against `stsim serve`: both
/// send protobuf; the objects read back as the prompt prints them, and kubectl wraps the server's
/// refusal in its own words.
final class KubectlConfigDataTests: XCTestCase {
    func testCreateConfigMapAndSecretThroughProtobuf() throws {
        let k = try KubectlHarness()
        let cm = try k.run("create", "configmap", "app", "--from-literal", "color=blue", "--from-literal", "size=3")
        XCTAssertEqual(cm.stdout, "configmap/app created\n", cm.stderr)
        XCTAssertEqual(try k.run("get", "cm", "app", "-o", "jsonpath={.data.size}").stdout, "3")
        let secret = try k.run("create", "secret", "generic", "db", "--from-literal", "password=s3cret")
        XCTAssertEqual(secret.stdout, "secret/db created\n", secret.stderr)
        XCTAssertEqual(try k.run("get", "secret", "db", "-o", "jsonpath={.data.password}").stdout, "czNjcmV0")
        XCTAssertTrue(try k.run("describe", "secret", "db").stdout.hasSuffix("Data\n====\npassword:  6 bytes\n"))
        XCTAssertEqual(
            try k.run("create", "configmap", "app", "--from-literal", "a=b").stderr,
            "error: failed to create configmap: configmaps \"app\" already exists\n")
        XCTAssertEqual(
            try k.run("create", "secret", "generic", "db", "--from-literal", "a=b").stderr,
            "error: failed to create secret secrets \"db\" already exists\n")
    }
}
