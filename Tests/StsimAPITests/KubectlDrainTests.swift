import Foundation
import StsimTestSupport
import XCTest

/// The real kubectl's drain against a PodDisruptionBudget: the eviction subresource's 429, then
/// kubectl's retry loop and timeout, line for line what the prompt's `drain` prints.
final class KubectlDrainTests: XCTestCase {
    func testDrainStoppedByABudgetThenAllowed() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        // From a manifest: `kubectl create pdb` sends protobuf, which the loopback API does not read.
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-pdb-\(getpid()).yaml")
        try """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web-pdb
        spec:
          minAvailable: 3
          selector:
            matchLabels:
              app: nginx
        """.write(to: manifest, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: manifest) }
        let created = try k.run("create", "-f", manifest.path)
        XCTAssertEqual(created.stdout, "poddisruptionbudget.policy/web-pdb created\n", created.stderr)
        let table = try k.run("get", "pdb")
        XCTAssertTrue(table.stdout.contains("web-pdb   3               N/A               0"), table.stdout)
        let refused = try k.run("drain", "node-2", "--ignore-daemonsets", "--timeout=6s")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(
            refused.stderr.contains(
                "error when evicting pods/\"web-1\" -n \"default\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget."
            ), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("global timeout reached: 6s"), refused.stderr)
        try k.run("scale", "sts", "web", "--replicas=4")
        let drained = try k.run("drain", "node-2", "--ignore-daemonsets")
        XCTAssertEqual(
            drained.stdout,
            "node/node-2 already cordoned\nevicting pod default/web-1\npod/web-1 evicted\nnode/node-2 drained\n",
            drained.stderr)
    }

    /// kube-proxy's DaemonSet as the real kubectl reads it: its table, and drain's refusal of the
    /// node's DaemonSet pod (kubectl looks the DaemonSet up) until --ignore-daemonsets.
    func testDrainRefusesDaemonSetPodsUntilIgnored() throws {
        let k = try KubectlHarness()
        let table = try k.run("get", "ds", "-n", "kube-system")
        XCTAssertTrue(
            table.stdout.hasPrefix(
                "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\nkube-proxy   4         4         4       4            4           kubernetes.io/os=linux   "
            ), table.stdout + table.stderr)
        let pods = try k.run(
            "get", "pods", "-n", "kube-system", "-l", "k8s-app=kube-proxy", "--field-selector", "spec.nodeName=node-1",
            "-o", "name")
        let pod = pods.stdout.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "pod/", with: "")
        XCTAssertTrue(pod.hasPrefix("kube-proxy-"), pods.stdout + pods.stderr)
        let refused = try k.run("drain", "node-1")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(
            refused.stderr.contains(
                "error: unable to drain node \"node-1\" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/\(pod), continuing command..."
            ), refused.stderr)
        let drained = try k.run("drain", "node-1", "--ignore-daemonsets")
        XCTAssertEqual(drained.status, 0, drained.stderr)
        XCTAssertTrue(
            drained.stderr.contains("Warning: ignoring DaemonSet-managed Pods: kube-system/\(pod)"), drained.stderr)
        XCTAssertTrue(drained.stdout.hasSuffix("node/node-1 drained\n"), drained.stdout)
    }
}
