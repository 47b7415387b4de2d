import StsimEngine
import XCTest

@testable import StsimManifests

/// `patch --type json` (RFC 6902) on a live StatefulSet: each operation, all-or-nothing, and the
/// server's two refusals.
final class JSONPatchTests: XCTestCase {
    private let live: KubeObject = {
        let text = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web, labels: {app: nginx, tier: front}}
            spec:
              serviceName: nginx
              replicas: 2
              selector: {matchLabels: {app: nginx}}
              template:
                metadata: {labels: {app: nginx}}
                spec:
                  containers:
                  - {name: nginx, image: "registry.k8s.io/nginx-slim:0.21", args: [a, b]}
            """
        return ManifestLoader.load(text: text, file: "web.yaml").objects[0].object
    }()

    private func patched(_ ops: String) throws -> StatefulSet {
        let o = try ManifestUpdate.patched(live, patch: ops, type: .json).get()
        return try XCTUnwrap(StatefulSet(o))
    }

    func testTheTutorialsImageReplacement() throws {
        let s = try patched(
            #"[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]"#
        )
        XCTAssertEqual(s.spec.template.spec.containers[0].image, "registry.k8s.io/nginx-slim:0.24")
        XCTAssertEqual(s.spec.replicas, 2)
    }

    func testAddRemoveMoveCopyAndTest() throws {
        let s = try patched(
            """
            [{"op":"test","path":"/spec/replicas","value":2},
             {"op":"replace","path":"/spec/replicas","value":5},
             {"op":"remove","path":"/metadata/labels/tier"},
             {"op":"add","path":"/metadata/labels/a~1b","value":"x"},
             {"op":"add","path":"/spec/template/spec/containers/0/args/1","value":"x"},
             {"op":"move","from":"/spec/template/spec/containers/0/args/0","path":"/spec/template/spec/containers/0/args/-"},
             {"op":"copy","from":"/metadata/labels/app","path":"/metadata/labels/copy"}]
            """)
        XCTAssertEqual(s.spec.replicas, 5)
        XCTAssertEqual(s.metadata.labels, ["app": "nginx", "a/b": "x", "copy": "nginx"])
        XCTAssertEqual(s.spec.template.spec.containers[0].args, ["x", "b", "a"])
    }

    func testAnOperationThatDoesNotApplyRefusesTheWholePatch() {
        for ops in [
            #"[{"op":"replace","path":"/spec/replicas","value":3},{"op":"test","path":"/spec/replicas","value":4}]"#,
            #"[{"op":"replace","path":"/spec/nothing","value":1}]"#,
            #"[{"op":"add","path":"/spec/no/such/parent","value":1}]"#,
            #"[{"op":"remove","path":"/metadata/labels/none"}]"#,
        ] {
            guard case .failure(let f) = ManifestUpdate.patched(live, patch: ops, type: .json) else {
                XCTFail("\(ops) must be refused")
                continue
            }
            XCTAssertEqual(
                f.message, "The request is invalid: the server rejected our request due to an error in our request")
            XCTAssertNotNil(f.hint)
        }
    }

    func testABodyThatIsNotAListIsABadRequest() {
        guard case .failure(let f) = ManifestUpdate.patched(live, patch: #"{"spec":{}}"#, type: .json) else {
            return XCTFail("an object is not a JSON patch")
        }
        XCTAssertEqual(
            f.message, "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch")
    }
}
