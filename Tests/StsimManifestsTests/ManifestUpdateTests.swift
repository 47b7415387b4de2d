import StsimEngine
import XCTest

@testable import StsimManifests

/// apply's three-way merge and patch, over objects a real (simulated) API server holds.
final class ManifestUpdateTests: XCTestCase {
    private func loaded(_ yaml: String) -> LoadedObject {
        let r = ManifestLoader.load(text: yaml, file: "m.yaml", options: .init(applyDefaults: false))
        XCTAssertEqual(r.diagnostics.map(\.compactText).filter { $0.contains("error") }, [])
        return r.objects[0]
    }

    private func statefulSet(
        replicas: String = "", labels: String = "tier: front", ports: String = "- containerPort: 80",
        image: String = "nginx:1.25"
    ) -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          labels: {\(labels)}
        spec:
          serviceName: web
        \(replicas.isEmpty ? "" : "  replicas: \(replicas)")
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: \(image)
                ports:
                \(ports)
        """
    }

    private func applied(_ yaml: String, onto cluster: Cluster) throws -> KubeObject {
        let l = loaded(yaml)
        let live = try XCTUnwrap(cluster.get(l.object.kind, name: l.object.name).get())
        let (merged, had) = ManifestUpdate.applied(l, onto: live)
        XCTAssertTrue(had)
        return try cluster.update(try merged.get()).get()
    }

    private func set(_ o: KubeObject) throws -> StatefulSet { try XCTUnwrap(StatefulSet(o)) }

    func testCreateRecordsTheLastAppliedConfiguration() throws {
        let o = ManifestUpdate.created(loaded(statefulSet()))
        let annotation = try XCTUnwrap(o.metadata.annotations[LoadedObject.lastAppliedAnnotation])
        XCTAssertTrue(
            annotation.hasPrefix(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"labels\":{\"tier\":\"front\"}"))
        XCTAssertTrue(annotation.hasSuffix("}\n"))
    }

    func testApplyKeepsWhatOthersSetAndDropsWhatTheManifestDropped() throws {
        let cluster = Cluster(config: ClusterConfig())
        _ = try cluster.create(ManifestUpdate.created(loaded(statefulSet()))).get()
        _ = try cluster.scale(.statefulSet, "web", replicas: 4).get()
        // The manifest never set replicas: kubectl scale's 4 stays. The label is gone from the manifest: removed.
        let after = try set(try applied(statefulSet(labels: "", image: "nginx:1.26"), onto: cluster))
        XCTAssertEqual(after.spec.replicas, 4)
        XCTAssertEqual(after.metadata.labels, [:])
        XCTAssertEqual(after.spec.template.spec.containers.map(\.image), ["nginx:1.26"])
        // Defaults the server filled in are not the manifest's to remove.
        XCTAssertEqual(after.spec.template.spec.containers[0].terminationMessagePath, "/dev/termination-log")
    }

    func testAReplicasCountOnceAppliedAndThenRemovedGoesBackToTheDefault() throws {
        let cluster = Cluster(config: ClusterConfig())
        _ = try cluster.create(ManifestUpdate.created(loaded(statefulSet(replicas: "3")))).get()
        XCTAssertEqual(try set(try applied(statefulSet(), onto: cluster)).spec.replicas, 1)
    }

    func testContainerPortsMergeByContainerPort() throws {
        let cluster = Cluster(config: ClusterConfig())
        _ = try cluster.create(
            ManifestUpdate.created(loaded(statefulSet(ports: "- containerPort: 80\n        - containerPort: 443")))
        ).get()
        let after = try set(try applied(statefulSet(ports: "- {containerPort: 443, name: https}"), onto: cluster))
        let ports = after.spec.template.spec.containers[0].ports
        XCTAssertEqual(ports.map(\.containerPort), [443])
        XCTAssertEqual(ports.map(\.name), ["https"])
    }

    func testUnchangedManifestGivesTheSameObject() throws {
        let cluster = Cluster(config: ClusterConfig())
        let created = try cluster.create(ManifestUpdate.created(loaded(statefulSet()))).get()
        let after = try applied(statefulSet(), onto: cluster)
        XCTAssertEqual(after.metadata.resourceVersion, created.metadata.resourceVersion)
    }

    func testServicePortsMergeByPort() {
        let current: WireValue = .object([
            (
                "spec",
                .object([
                    (
                        "ports",
                        .array([
                            .object([("port", .int(80)), ("targetPort", .int(8080))]), .object([("port", .int(81))]),
                        ])
                    )
                ])
            )
        ])
        let modified: WireValue = .object([
            ("spec", .object([("ports", .array([.object([("port", .int(80)), ("name", .string("web"))])]))]))
        ])
        let original: WireValue = .object([
            ("spec", .object([("ports", .array([.object([("port", .int(80))]), .object([("port", .int(81))])]))]))
        ])
        let merged = StrategicMerge.merge(original: original, modified: modified, current: current, kind: "Service")
        XCTAssertEqual(
            JSONEmitter.document(merged),
            JSONEmitter.document(
                .object([
                    (
                        "spec",
                        .object([
                            (
                                "ports",
                                .array([
                                    .object([("port", .int(80)), ("targetPort", .int(8080)), ("name", .string("web"))])
                                ])
                            )
                        ])
                    )
                ])))
    }

    func testListsWithoutAMergeKeyAreReplacedWhole() {
        let current: WireValue = .object([("args", .array([.string("-a"), .string("-b")]))])
        let merged = StrategicMerge.merge(
            original: nil, modified: .object([("args", .array([.string("-c")]))]), current: current, kind: "Pod")
        XCTAssertEqual(JSONEmitter.document(merged), JSONEmitter.document(.object([("args", .array([.string("-c")]))])))
    }

    func testFinalizersAreASet() {
        let current: WireValue = .object([
            ("metadata", .object([("finalizers", .array([.string("a"), .string("b")]))]))
        ])
        let original: WireValue = .object([("metadata", .object([("finalizers", .array([.string("a")]))]))])
        let modified: WireValue = .object([("metadata", .object([("finalizers", .array([.string("c")]))]))])
        let merged = StrategicMerge.merge(original: original, modified: modified, current: current, kind: "Pod")
        XCTAssertEqual(
            JSONEmitter.document(merged),
            JSONEmitter.document(
                .object([("metadata", .object([("finalizers", .array([.string("b"), .string("c")]))]))])))
    }

    /// The server's merge puts an element the live list lacks before the live ones (Go's
    /// mergeSortedSlice takes the patch's element when the live order cannot place it).
    func testStrategicPatchAddsAContainerAndMergePatchReplacesTheList() throws {
        let cluster = Cluster(config: ClusterConfig())
        let live = try cluster.create(ManifestUpdate.created(loaded(statefulSet()))).get()
        let sidecar = #"{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}"#
        let strategic = try set(try ManifestUpdate.patched(live, patch: sidecar).get())
        XCTAssertEqual(strategic.spec.template.spec.containers.map(\.name), ["side", "nginx"])
        let merge = try set(try ManifestUpdate.patched(live, patch: sidecar, type: .merge).get())
        XCTAssertEqual(merge.spec.template.spec.containers.map(\.name), ["side"])
    }

    func testNullInAPatchRemovesAField() throws {
        let cluster = Cluster(config: ClusterConfig())
        let live = try cluster.create(ManifestUpdate.created(loaded(statefulSet()))).get()
        let patched = try ManifestUpdate.patched(live, patch: #"{"metadata":{"labels":{"tier":null}}}"#, type: .merge)
            .get()
        XCTAssertEqual(patched.metadata.labels, [:])
    }

    func testPatchErrorsAreKubectls() throws {
        let cluster = Cluster(config: ClusterConfig())
        let live = try cluster.create(ManifestUpdate.created(loaded(statefulSet()))).get()
        XCTAssertThrowsError(try ManifestUpdate.patched(live, patch: #"{"spec":{"foo":1}}"#).get()) { error in
            XCTAssertEqual(
                (error as? ManifestUpdate.Failure)?.message,
                #"Error from server (BadRequest): StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.foo""#
            )
        }
        XCTAssertThrowsError(try ManifestUpdate.patched(live, patch: #"{"spec":{"replicas":-1}}"#).get()) { error in
            XCTAssertEqual(
                (error as? ManifestUpdate.Failure)?.message,
                #"The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"#
            )
        }
    }
}
