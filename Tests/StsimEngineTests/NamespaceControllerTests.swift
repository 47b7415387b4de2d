import XCTest

@testable import StsimEngine

/// The namespace controller's decisions, stepped directly, and the lifecycle around them.
final class NamespaceControllerTests: XCTestCase {
    private func clusterWithWebIn(_ ns: String) -> Cluster {
        let c = Cluster()
        c.mustCreate(.namespace(.make(ns)))
        var set = StatefulSet.make(name: "web", image: "nginx:1.27", replicas: 2, storage: "1Mi", namespace: ns)
        set.spec.serviceName = "web"
        c.mustCreate(.statefulSet(set))
        c.settle()
        return c
    }

    func testEveryClusterStartsWithTheFourNamespacesAndKubeDNS() {
        let c = Cluster()
        XCTAssertEqual(c.list(Namespace.self).map(\.metadata.name), Namespace.initial)
        XCTAssertEqual(c.get(Namespace.self, "default")?.phase, .active)
        XCTAssertEqual(c.get(Namespace.self, "default")?.metadata.labels[Namespace.nameLabel], "default")
        XCTAssertEqual(c.get(Service.self, "kube-dns", namespace: "kube-system")?.spec.clusterIP, "10.96.0.10")
    }

    func testTheDecisionDeletesWhatIsNotYetBeingDeletedAndWaitsForTheSlowestPod() {
        let c = clusterWithWebIn("shop")
        let first = NamespaceController.decide(c.store, namespace: "shop")
        XCTAssertFalse(first.empty)
        XCTAssertEqual(first.estimate, 30)
        XCTAssertEqual(
            Set(first.delete.map(\.description)),
            Set(
                [
                    "statefulset/shop/web", "pod/shop/web-0", "pod/shop/web-1", "persistentvolumeclaim/shop/data-web-0",
                    "persistentvolumeclaim/shop/data-web-1",
                    // What the ServiceAccount controller and the root CA publisher put there.
                    "serviceaccount/shop/default", "configmap/shop/kube-root-ca.crt",
                ]
                    + c.list(ControllerRevision.self, namespace: "shop").map {
                        "controllerrevision/shop/\($0.metadata.name)"
                    }))
        XCTAssertTrue(NamespaceController.decide(c.store, namespace: "empty").empty)
    }

    func testDeletingANamespaceEmptiesItThenRemovesIt() {
        let c = clusterWithWebIn("shop")
        XCTAssertNoThrow(try c.delete(.namespace, "shop").get())
        XCTAssertEqual(c.get(Namespace.self, "shop")?.phase, .terminating)
        c.settle()
        XCTAssertNil(c.get(Namespace.self, "shop"))
        XCTAssertTrue(c.list(.pod, namespace: "shop").isEmpty)
        XCTAssertTrue(c.list(.persistentVolumeClaim, namespace: "shop").isEmpty)
        XCTAssertTrue(c.list(.statefulSet, namespace: "shop").isEmpty)
        XCTAssertFalse(c.events.contains { $0.metadata.namespace == "shop" })
    }

    func testATerminatingNamespaceRefusesNewContent() {
        let c = clusterWithWebIn("shop")
        _ = c.delete(.namespace, "shop")
        let refused = c.create(
            .service(.headless(name: "x", selector: ["a": "b"], port: 80, portName: "http", namespace: "shop")))
        guard case .failure(let e) = refused else { return XCTFail("created in a Terminating namespace") }
        XCTAssertEqual(e.reason, .forbidden)
        XCTAssertEqual(
            e.message,
            "services \"x\" is forbidden: unable to create new content in namespace shop because it is being terminated"
        )
    }

    func testCreatingInAMissingNamespaceIsNotFound() {
        let c = Cluster()
        let result = c.create(.statefulSet(.make(name: "web", image: "nginx", namespace: "nowhere")))
        guard case .failure(let e) = result else { return XCTFail("created in a missing namespace") }
        XCTAssertEqual(e.message, "namespaces \"nowhere\" not found")
    }

    func testTheImmortalNamespacesCannotBeDeleted() {
        let c = Cluster()
        for name in ["default", "kube-system", "kube-public"] {
            guard case .failure(let e) = c.delete(.namespace, name) else { return XCTFail("\(name) deleted") }
            XCTAssertEqual(e.message, "namespaces \"\(name)\" is forbidden: this namespace may not be deleted")
        }
        XCTAssertNoThrow(try c.delete(.namespace, "kube-node-lease").get())
    }
}
