import XCTest

@testable import StsimEngine

/// DefaultTolerationSeconds admission with the timing profile's seconds: it adds a not-ready or
/// unreachable NoExecute toleration only where the pod has none for that key, and never rewrites
/// one the user wrote (kubernetes/kubernetes plugin/pkg/admission/defaulttolerationseconds).
final class DefaultTolerationTests: XCTestCase {
    private func cluster(seconds: Int) -> Cluster {
        var timing = TimingProfile()
        timing.defaultTolerationSeconds = seconds
        return Cluster(config: ClusterConfig(seed: 1, timing: timing))
    }

    private func pod(_ name: String, tolerations: [Toleration]) -> KubeObject {
        .pod(
            Pod(
                metadata: ObjectMeta(name: name),
                spec: PodSpec(containers: [Container(name: "c", image: "nginx")], tolerations: tolerations)))
    }

    private func seconds(_ c: Cluster, _ name: String) -> [String: Int?] {
        Dictionary(
            uniqueKeysWithValues: (c.pod(name)?.spec.tolerations ?? []).map { ($0.key ?? "", $0.tolerationSeconds) })
    }

    func testAPodWithoutTolerationsGetsTheProfilesSeconds() {
        let c = cluster(seconds: 60)
        c.mustCreate(pod("plain", tolerations: []))
        XCTAssertEqual(
            seconds(c, "plain"), ["node.kubernetes.io/not-ready": 60, "node.kubernetes.io/unreachable": 60])
    }

    func testAUsersOwn300SecondsStayUnderAnotherProfile() {
        let c = cluster(seconds: 60)
        let own = Toleration(
            key: "node.kubernetes.io/unreachable", operator: .exists, effect: .noExecute, tolerationSeconds: 300)
        c.mustCreate(pod("own", tolerations: [own]))
        XCTAssertEqual(
            seconds(c, "own"), ["node.kubernetes.io/unreachable": 300, "node.kubernetes.io/not-ready": 60])
    }
}
