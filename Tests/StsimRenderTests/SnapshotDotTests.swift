import StsimEngine
import XCTest

@testable import StsimRender

final class SnapshotDotTests: XCTestCase {
    typealias F = Fixtures

    func testGraph() {
        var pod = F.pod("web-0", ip: "10.244.1.3")
        pod.spec.volumes = [
            Volume(
                name: "www", source: .persistentVolumeClaim(PersistentVolumeClaimVolumeSource(claimName: "www-web-0")))
        ]
        let world = SnapshotInput(
            nodes: [F.node("node-1")], pods: [pod, F.pod("web-1", phase: .pending, node: nil, ip: nil)],
            claims: [F.claim("www-web-0", volume: "pv-a")],
            volumes: [F.volume("pv-a", phase: .bound, claim: "www-web-0")],
            services: [Service(metadata: F.meta("nginx"), spec: ServiceSpec(clusterIP: "None"))],
            endpointSlices: [
                EndpointSlice(
                    metadata: F.meta("nginx-x", labels: [EndpointSlice.serviceNameLabel: "nginx"]),
                    endpoints: [
                        Endpoint(
                            addresses: ["10.244.1.3"], conditions: EndpointConditions(ready: true), hostname: "web-0",
                            targetRef: ObjectReference(kind: "Pod", namespace: "default", name: "web-0"))
                    ])
            ])
        XCTAssertEqual(
            SnapshotDot.render(world, now: F.at(16)),
            #"""
            digraph cluster {
              label="cluster at 00:00:16"; labelloc=t; rankdir=LR;
              node [shape=box, fontname="monospace"];
              subgraph cluster_0 {
                label="node/node-1  Ready";
                "pod/default/web-0" [label="pod/web-0\n1/1 Running\n10.244.1.3"];
              }
              "pod/default/web-1" [label="pod/web-1\n0/1 Pending"];
              "pvc/default/www-web-0" [shape=cylinder, label="pvc/www-web-0\nBound"];
              "pvc/default/www-web-0" -> "pv/pv-a";
              "pv/pv-a" [shape=cylinder, label="pv/pv-a\nBound  1Mi"];
              "pod/default/web-0" -> "pvc/default/www-web-0";
              "svc/default/nginx" [shape=ellipse, label="service/nginx\nnginx.default.svc.cluster.local"];
              "svc/default/nginx" -> "pod/default/web-0" [label="web-0.nginx.default.svc.cluster.local"];
            }

            """#)
        XCTAssertEqual(SnapshotDot.quote("a \"b\" \\ c\nd"), #""a \"b\" \\ c\nd""#)
    }
}
