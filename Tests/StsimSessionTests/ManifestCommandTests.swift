import Foundation
import StsimSession
import XCTest

/// `create -f`, `apply -f`, `delete -f`, `patch` and `set image` as the session runs them.
final class ManifestCommandTests: XCTestCase {
    private func run(_ script: String) -> (status: Int32, text: String) {
        let out = CapturedOutput()
        let status = Session(output: out).runScript(script, file: "t.sts")
        return (status, out.text)
    }

    private let serviceAndBrokenSet = """
        create <<EOF
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          clusterIP: None
          selector: {app: web}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: nginx, image: nginx}]
        EOF
        """

    func testCreateSendsTheValidDocumentsAndReportsTheOthers() {
        let (status, text) = run(serviceAndBrokenSet + "\nexpect count pods == 0")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("service/web created\n"), text)
        XCTAssertTrue(text.contains("t.sts:14:1: error: spec.selector: Required value"), text)
        XCTAssertTrue(text.contains("The StatefulSet \"web\" is invalid: \n* spec.selector: Required value\n"), text)
    }

    func testDeleteByFileNeedsOnlyKindsAndNames() {
        let script =
            "create svc headless web --selector app=web --port 80\n"
            + serviceAndBrokenSet.replacingOccurrences(of: "create <<EOF", with: "delete -f - <<EOF")
        let (status, text) = run(script)
        XCTAssertTrue(text.contains("service \"web\" deleted\n"), text)
        XCTAssertTrue(text.contains("statefulsets.apps \"web\" not found"), text)
        XCTAssertEqual(status, 1)
    }

    func testApplyCreatedUnchangedConfigured() {
        let manifest = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              clusterIP: None
              selector: {app: web}
            """
        let (status, text) = run(
            """
            apply <<EOF
            \(manifest)
            EOF
            apply <<EOF
            \(manifest)
            EOF
            apply <<EOF
            \(manifest)
              ports: [{port: 80}]
            EOF
            """)
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("service/web created\nservice/web unchanged\nservice/web configured\n"), text)
    }

    func testSetImageMakesANewRevision() {
        let (status, text) = run(
            """
            create sts web --image nginx:1.25
            set image sts/web nginx=nginx:1.26
            expect output contains "statefulset.apps/web image updated"
            get controllerrevisions
            expect output contains "web-"
            """)
        XCTAssertEqual(status, 0, text)
        XCTAssertEqual(text.components(separatedBy: "statefulset.apps/web   ").count - 1, 2, text)
    }

    func testPatchNoChange() {
        let (status, text) = run("create sts web --image nginx\npatch sts web --replicas 1")
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("statefulset.apps/web patched (no change)\n"), text)
    }
}
