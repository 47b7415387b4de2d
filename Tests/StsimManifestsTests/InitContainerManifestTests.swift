import StsimEngine
import XCTest

@testable import StsimManifests

/// What a manifest may say about init containers: a sidecar (restartPolicy: Always) is refused
/// where it is written, as stsim does not run them; the API's own rules for init containers hold.
final class InitContainerManifestTests: XCTestCase {
    private func pod(_ initContainer: String) -> ManifestLoadResult {
        Fixtures.load(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: app, image: nginx}]
              initContainers:
              - name: side
                image: busybox:1.28
            \(initContainer)
            """, file: "pod.yaml")
    }

    func testASidecarIsRefusedAtItsRestartPolicy() {
        let r = pod("    restartPolicy: Always")
        XCTAssertEqual(r.objects.count, 0)
        XCTAssertEqual(r.errors.first?.location, SourceLocation(file: "pod.yaml", line: 9, column: 5))
        XCTAssertEqual(
            r.errors.first?.message,
            "spec.initContainers[0].restartPolicy: sidecar containers (an init container with restartPolicy: Always) are not run by stsim yet"
        )
    }

    func testOtherRestartPoliciesAndProbesAreInvalidAsTheAPISays() {
        XCTAssertEqual(
            pod("    restartPolicy: Never").rejections.map { $0.kubectlMessage(file: "pod.yaml") },
            [
                "The Pod \"p\" is invalid: spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
            ])
        XCTAssertEqual(
            pod("    readinessProbe: {tcpSocket: {port: 80}}").rejections.map { $0.kubectlMessage(file: "pod.yaml") },
            [
                "The Pod \"p\" is invalid: spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"
            ])
    }
}
