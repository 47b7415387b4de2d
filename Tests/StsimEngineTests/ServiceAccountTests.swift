import XCTest

@testable import StsimEngine

/// The ServiceAccount controller, the root CA publisher and the ServiceAccount admission.
final class ServiceAccountTests: XCTestCase {
    private func pod(_ name: String, account: String? = nil, automount: Bool? = nil) -> KubeObject {
        var spec = PodSpec(containers: [Container(name: "app", image: "nginx")])
        spec.serviceAccountName = account
        spec.automountServiceAccountToken = automount
        return .pod(Pod(metadata: ObjectMeta(name: name), spec: spec))
    }

    func testEveryNamespaceHasItsDefaultAccountAndCABundleAndGetsThemBack() throws {
        let c = Cluster()
        for ns in Namespace.initial {
            XCTAssertNotNil(c.get(ServiceAccount.self, "default", namespace: ns), ns)
            let cm = try XCTUnwrap(c.get(ConfigMap.self, "kube-root-ca.crt", namespace: ns))
            XCTAssertEqual(cm.data["ca.crt"], ClusterCertificate.rootCA)
        }
        c.mustCreate(.namespace(.make("shop")))
        c.settle()
        XCTAssertNotNil(c.get(ServiceAccount.self, "default", namespace: "shop"))
        XCTAssertNotNil(c.get(ConfigMap.self, "kube-root-ca.crt", namespace: "shop"))
        XCTAssertNoThrow(try c.delete(.serviceAccount, "default").get())
        var cm = try XCTUnwrap(c.get(ConfigMap.self, "kube-root-ca.crt"))
        cm.data["ca.crt"] = "mine"
        XCTAssertNoThrow(try c.update(.configMap(cm)).get())
        c.settle()
        XCTAssertNotNil(c.get(ServiceAccount.self, "default"))
        XCTAssertEqual(c.get(ConfigMap.self, "kube-root-ca.crt")?.data["ca.crt"], ClusterCertificate.rootCA)
    }

    func testAPodNamingAMissingAccountIsForbidden() {
        let c = Cluster()
        guard case .failure(let e) = c.create(pod("lonely", account: "ghost")) else {
            return XCTFail("created a pod whose account does not exist")
        }
        XCTAssertEqual(e.reason, .forbidden)
        XCTAssertEqual(
            e.message,
            "pods \"lonely\" is forbidden: error looking up service account default/ghost: serviceaccount \"ghost\" not found"
        )
        c.mustCreate(.serviceAccount(ServiceAccount(metadata: ObjectMeta(name: "ghost"))))
        c.mustCreate(pod("lonely", account: "ghost"))
    }

    func testPodsGetTheAPIAccessVolumeUnlessAutomountIsOff() throws {
        let c = Cluster()
        let p = try XCTUnwrap(c.mustCreate(pod("a")).flatMap(Pod.init))
        let volume = try XCTUnwrap(p.spec.volumes.first)
        XCTAssertTrue(volume.name.hasPrefix("kube-api-access-"))
        XCTAssertEqual(volume.source, .projected(.apiAccess))
        XCTAssertEqual(
            p.spec.containers[0].volumeMounts,
            [VolumeMount(name: volume.name, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true)]
        )
        XCTAssertEqual(c.mustCreate(pod("b", automount: false)).flatMap(Pod.init)?.spec.volumes, [])
        c.mustCreate(
            .serviceAccount(ServiceAccount(metadata: ObjectMeta(name: "quiet"), automountServiceAccountToken: false)))
        XCTAssertEqual(c.mustCreate(pod("c", account: "quiet")).flatMap(Pod.init)?.spec.volumes, [])
        XCTAssertEqual(
            c.mustCreate(pod("d", account: "quiet", automount: true)).flatMap(Pod.init)?.spec.volumes.count, 1)
    }
}
