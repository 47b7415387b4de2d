import StsimEngine
import XCTest

@testable import StsimRender

final class RolloutHistoryTests: XCTestCase {
    private func revision(_ n: Int, cause: String? = nil) -> ControllerRevision {
        var meta = ObjectMeta(name: "web-\(n)")
        if let cause { meta.annotations["kubernetes.io/change-cause"] = cause }
        return ControllerRevision(metadata: meta, data: Fixtures.statefulSet().spec.template, revision: n)
    }

    /// kubectl's table: a space after the name, aligned columns, a blank line after.
    func testTable() {
        let set = Fixtures.statefulSet()
        XCTAssertEqual(
            RolloutHistory.table(set, revisions: [revision(1), revision(12, cause: "kubectl set image")]),
            "statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n12        kubectl set image\n\n")
        XCTAssertEqual(RolloutHistory.table(set, revisions: []), "statefulset.apps/web \nNo rollout history found.\n")
    }

    /// `--revision N`: DescribePodTemplate through a plain buffer, so the TABs stay raw.
    func testRevisionTemplateKeepsRawTabs() {
        XCTAssertEqual(
            RolloutHistory.revision(Fixtures.statefulSet(), revision(2)),
            """
            statefulset.apps/web with revision #2
            Pod Template:
              Labels:\tapp=nginx
              Containers:
               nginx:
                Image:\tregistry.k8s.io/nginx-slim:0.8
                Port:\t80/TCP
                Host Port:\t0/TCP
                Environment:\t<none>
                Mounts:
                  /usr/share/nginx/html from www (rw)
              Volumes:\t<none>
              Node-Selectors:\t<none>
              Tolerations:\t<none>


            """)
    }
}
