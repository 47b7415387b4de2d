import StsimEngine
import XCTest

@testable import StsimManifests

/// What stsim says about the seed chapter's own manifests (examples/seed), mistakes and all.
final class SeedManifestTests: XCTestCase {
    private let recycle =
        "warning: spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning. (stsim simulates Recycle as the book describes: the volume is wiped and becomes Available again)"

    func testPersistentVolumeListLoadsWithTheRecycleWarning() throws {
        let r = Fixtures.load(try Fixtures.seed("pv-list.yaml"), file: "pv-list.yaml")
        XCTAssertEqual(r.objects.map(\.object.name), ["pv-a", "pv-b"])
        XCTAssertEqual(r.objects.map(\.location.line), [4, 16])
        XCTAssertEqual(Fixtures.lines(r), ["pv-list.yaml:13:5: \(recycle)", "pv-list.yaml:25:5: \(recycle)"])
        guard case .persistentVolume(let pv) = r.objects[0].object else { return XCTFail("not a PV") }
        XCTAssertEqual(pv.spec.capacity?.value, 1 << 20)
        XCTAssertEqual(pv.spec.source, .hostPath(path: "/root/storage/pv1", type: nil))
        XCTAssertEqual(pv.spec.volumeMode, .filesystem)
    }

    func testHeadlessServiceLoadsCleanly() throws {
        let r = Fixtures.load(try Fixtures.seed("headless-service.yaml"), file: "svc.yaml")
        XCTAssertEqual(Fixtures.lines(r), [])
        guard case .service(let s) = r.objects.first?.object else { return XCTFail("not a Service") }
        XCTAssertTrue(s.isHeadless)
        XCTAssertEqual(s.spec.clusterIPs, ["None"])
        XCTAssertEqual(s.spec.ports.first?.targetPort, "10000")
    }

    func testStatefulSetIsRejectedAndEveryMistakeIsReported() throws {
        let r = Fixtures.load(try Fixtures.seed("statefulset.yaml"), file: "sts.yaml")
        XCTAssertTrue(r.objects.isEmpty)
        XCTAssertEqual(
            Fixtures.lines(r),
            [
                "sts.yaml:5:1: error: spec.selector: Required value",
                "sts.yaml:10:7: error: spec.template.metadata.labels: Invalid value: map[string]string{\"func\":\"sts\"}: `selector` does not match template `labels` (spec.selector.matchLabels must be a subset of spec.template.metadata.labels)",
                "sts.yaml:19:11: warning: volumeMount \"pv-a\" matches no volume or claim template; the templates are: pvc1 (the API server does not check the pod template; once the set exists, every pod creation fails: FailedCreate ... create Pod sts-0 in StatefulSet sts failed error: Pod \"sts-0\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"pv-a\")",
                "sts.yaml:25:7: warning: claims from template \"pvc1\" will be rejected: spec.resources[storage]: Required value (the API server does not check claim templates; once the set exists, every claim creation fails (PersistentVolumeClaim \"pvc1-sts-0\" is invalid) and no pod starts)",
                "sts.yaml:27:11: warning: unknown resource \"starage\" in spec.volumeClaimTemplates[0].spec.resources.requests; volumes are sized by \"storage\" only (did you mean \"storage\"?)",
            ])
        XCTAssertEqual(
            r.rejections.map { $0.kubectlMessage(file: "sts.yaml") },
            [
                """
                The StatefulSet "sts" is invalid: \("")
                * spec.selector: Required value
                * spec.template.metadata.labels: Invalid value: map[string]string{"func":"sts"}: `selector` does not match template `labels`
                """
            ])
        XCTAssertEqual(r.diagnostics.first?.sourceLine, "spec:")
    }

    func testFixedVersionsLoadWithoutFindings() throws {
        for name in ["pv-list-fixed.yaml", "headless-service-fixed.yaml", "statefulset-fixed.yaml"] {
            let r = Fixtures.load(try Fixtures.seed(name), file: name)
            XCTAssertEqual(Fixtures.lines(r), [], name)
            XCTAssertTrue(r.rejections.isEmpty, name)
        }
        let r = Fixtures.load(try Fixtures.seed("statefulset-fixed.yaml"))
        guard case .statefulSet(let s) = r.objects.first?.object else { return XCTFail("not a StatefulSet") }
        XCTAssertEqual(s.spec.replicas, 2)
        XCTAssertEqual(s.spec.podManagementPolicy, .orderedReady)
        XCTAssertEqual(s.spec.volumeClaimTemplates.first?.spec.storageRequest?.value, 1 << 20)
        XCTAssertEqual(s.spec.volumeClaimTemplates.first?.spec.storageClassName, "")
        XCTAssertEqual(s.spec.template.spec.containers.first?.imagePullPolicy, .ifNotPresent)
    }
}
