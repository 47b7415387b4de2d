import Foundation
import StsimTestSupport
import XCTest

/// The real kubectl's namespace commands against `stsim serve`: `create namespace` sends
/// protobuf, `-n` and `-A` reach the API's namespaced paths, deletion empties the namespace.
final class KubectlNamespaceTests: XCTestCase {
    func testCreateUseAndDeleteANamespace() throws {
        let k = try KubectlHarness()
        let created = try k.run("create", "namespace", "shop")
        XCTAssertEqual(created.stdout, "namespace/shop created\n", created.stderr)
        XCTAssertEqual(
            try k.run("get", "ns", "-o", "name").stdout,
            "namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\nnamespace/shop\n"
        )
        XCTAssertEqual(try k.run("create", "-f", "examples/web.yaml", "-n", "shop").status, 0)
        let all = try k.run("get", "pods", "-A").stdout.split(separator: "\n")
        XCTAssertTrue(all.contains { $0.hasPrefix("shop ") && $0.contains(" web-0 ") }, all.joined(separator: "\n"))
        XCTAssertEqual(try k.run("get", "pods").stderr, "No resources found in default namespace.\n")
        let missing = try k.run("create", "-f", "examples/web.yaml", "-n", "nowhere")
        XCTAssertTrue(
            missing.stderr.hasPrefix(
                "Error from server (NotFound): error when creating \"examples/web.yaml\": namespaces \"nowhere\" not found"
            ),
            missing.stderr)
        let forbidden = try k.run("delete", "ns", "default")
        XCTAssertEqual(
            forbidden.stderr,
            "Error from server (Forbidden): namespaces \"default\" is forbidden: this namespace may not be deleted\n")
        XCTAssertEqual(try k.run("delete", "ns", "shop").stdout, "namespace \"shop\" deleted\n")
        XCTAssertEqual(try k.run("get", "pods", "-n", "shop").stderr, "No resources found in shop namespace.\n")
        XCTAssertTrue(try k.run("get", "svc", "kube-dns", "-n", "kube-system").stdout.contains("10.96.0.10"))
    }
}
