import Foundation
import StsimTestSupport
import XCTest

/// The real kubectl against `stsim serve`: every namespace's `default` ServiceAccount and
/// `kube-root-ca.crt` ConfigMap, `create serviceaccount` (protobuf) with kubectl's own error
/// words, and `endpoints` served as `v1 Endpoints` read from the Services' EndpointSlices.
final class KubectlServiceAccountTests: XCTestCase {
    func testEveryNamespaceHasItsAccountAndCreateServiceAccountWorks() throws {
        let k = try KubectlHarness()
        let all = try k.run(
            "get", "sa", "-A", "--no-headers", "-o", "custom-columns=NS:.metadata.namespace,N:.metadata.name")
        XCTAssertEqual(
            all.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") },
            ["default default", "kube-node-lease default", "kube-public default", "kube-system default"], all.stderr)
        let created = try k.run("create", "serviceaccount", "builder")
        XCTAssertEqual(created.stdout, "serviceaccount/builder created\n", created.stderr)
        XCTAssertEqual(
            try k.run("create", "sa", "builder").stderr,
            "error: failed to create serviceaccount: serviceaccounts \"builder\" already exists\n")
        let table = try k.run("get", "sa")
        XCTAssertTrue(table.stdout.hasPrefix("NAME      SECRETS   AGE\nbuilder   0         "), table.stdout)
        let described = try k.run("describe", "sa", "default")
        XCTAssertTrue(
            described.stdout.contains(
                "Image pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\n"),
            described.stdout)
        let ca = try k.run("get", "cm", "kube-root-ca.crt", "-o", "jsonpath={.data.ca\\.crt}")
        XCTAssertTrue(ca.stdout.hasPrefix("-----BEGIN CERTIFICATE-----\n"), ca.stdout + ca.stderr)
    }

    func testEndpointsAreServedAsV1Endpoints() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        let token = try k.token()
        let list = try k.run("get", "--raw", "/\(token)/api/v1/namespaces/default/endpoints")
        XCTAssertTrue(list.stdout.contains(#""kind":"EndpointsList""#), list.stdout + list.stderr)
        XCTAssertFalse(list.stdout.contains("EndpointSlice"), list.stdout)
        let kind = try k.run("get", "endpoints", "nginx", "-o", "jsonpath={.kind} {.subsets[0].addresses[*].hostname}")
        XCTAssertEqual(kind.stdout, "Endpoints web-0 web-1 web-2", kind.stderr)
        let labelled = try k.run("get", "ep", "-l", "app=nginx", "-o", "name")
        XCTAssertEqual(labelled.stdout, "endpoints/nginx\n", labelled.stderr)
        let table = try k.run("get", "ep", "nginx")
        XCTAssertTrue(table.stdout.hasPrefix("NAME    ENDPOINTS"), table.stdout)
        let refused = try k.run("delete", "ep", "nginx")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("cannot be written"), refused.stderr)
    }
}
