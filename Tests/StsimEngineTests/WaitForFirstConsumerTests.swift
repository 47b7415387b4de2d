import XCTest

@testable import StsimEngine

final class WaitForFirstConsumerTests: XCTestCase {
    func testLocalPathClassBindsAfterSchedulingAndPinsThePodToItsNode() {
        var config = ClusterConfig()
        config.defaultStorageClass = false
        let c = Cluster(config: config)
        c.mustCreate(
            .storageClass(
                StorageClass(
                    metadata: ObjectMeta(name: "standard", annotations: [StorageClass.defaultClassAnnotation: "true"]),
                    provisioner: "rancher.io/local-path", reclaimPolicy: .delete,
                    volumeBindingMode: .waitForFirstConsumer)))
        c.createWeb(replicas: 2)
        c.settle()
        XCTAssertTrue(c.list(Pod.self).allSatisfy(\.isRunningAndReady))
        let pod = c.pod("web-0")!
        let claim = c.claim("data-web-0")!
        XCTAssertEqual(claim.metadata.annotations["volume.kubernetes.io/selected-node"], pod.spec.nodeName)
        let pv = c.get(PersistentVolume.self, claim.spec.volumeName!)!
        XCTAssertEqual(pv.spec.nodeAffinityHostnames, [pod.spec.nodeName!])
        XCTAssertTrue(
            c.events(about: .persistentVolumeClaim, "data-web-0").contains { $0.reason == "WaitForFirstConsumer" })
        // The replacement of web-0 must go back to the same node.
        let node = pod.spec.nodeName!
        _ = c.setUnschedulable(node, true)
        _ = c.delete(.pod, "web-0")
        c.settle()
        XCTAssertNil(c.pod("web-0")?.spec.nodeName)
        XCTAssertTrue(
            c.schedulingFailure(pod: "web-0")?.contains("node(s) had volume node affinity conflict")
                ?? false, c.schedulingFailure(pod: "web-0") ?? "")
        _ = c.setUnschedulable(node, false)
        c.settle()
        XCTAssertEqual(c.pod("web-0")?.spec.nodeName, node)
    }
}
