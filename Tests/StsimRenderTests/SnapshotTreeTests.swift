import StsimEngine
import XCTest

@testable import StsimRender

final class SnapshotTreeTests: XCTestCase {
    typealias F = Fixtures

    func withClaim(_ pod: Pod, _ claim: String) -> Pod {
        var p = pod
        p.spec.volumes = [
            Volume(name: "www", source: .persistentVolumeClaim(PersistentVolumeClaimVolumeSource(claimName: claim)))
        ]
        return p
    }

    func testTree() {
        let world = SnapshotInput(
            nodes: [F.node("node-2"), F.node("node-1"), F.node("control-plane", controlPlane: true)],
            pods: [
                withClaim(F.pod("web-1", ready: false, node: "node-2", ip: "10.244.2.4"), "www-web-1"),
                withClaim(F.pod("web-0", node: "node-1", ip: "10.244.1.3"), "www-web-0"),
                withClaim(F.pod("web-2", phase: .pending, node: nil, ip: nil), "www-web-2"),
            ],
            claims: [
                F.claim("www-web-0", volume: "pv-a"), F.claim("www-web-1", volume: "pv-b"), F.claim("www-web-2"),
                F.claim("www-web-3", volume: "pv-d"),
            ],
            volumes: [
                F.volume("pv-a", phase: .bound, claim: "www-web-0"),
                F.volume("pv-b", phase: .bound, claim: "www-web-1"),
                F.volume("pv-c", phase: .available), F.volume("pv-d", phase: .bound, claim: "www-web-3"),
                F.volume("pv-e", phase: .released, claim: "old"),
            ],
            services: [
                Service(
                    metadata: F.meta("nginx"),
                    spec: ServiceSpec(
                        selector: ["app": "nginx"], ports: [ServicePort(port: 80)], clusterIP: "None",
                        clusterIPs: ["None"]))
            ],
            endpointSlices: [
                EndpointSlice(
                    metadata: F.meta("nginx-abc", labels: [EndpointSlice.serviceNameLabel: "nginx"]),
                    endpoints: [
                        Endpoint(
                            addresses: ["10.244.2.4"], conditions: EndpointConditions(ready: false), hostname: "web-1"),
                        Endpoint(
                            addresses: ["10.244.1.3"], conditions: EndpointConditions(ready: true), hostname: "web-0"),
                    ])
            ])
        XCTAssertEqual(
            SnapshotTree.render(world, now: F.at(125)),
            """
            cluster at 00:02:05
            ├─ node/control-plane  Ready  (control-plane)
            ├─ node/node-1  Ready
            │  └─ pod/web-0  Running  Ready  10.244.1.3
            │     └─ pvc/www-web-0  Bound → pv/pv-a  1Mi
            ├─ node/node-2  Ready
            │  └─ pod/web-1  Running  not Ready  10.244.2.4
            │     └─ pvc/www-web-1  Bound → pv/pv-b  1Mi
            ├─ not on a node
            │  └─ pod/web-2  Pending
            │     └─ pvc/www-web-2  Pending
            ├─ service/nginx  headless  nginx.default.svc.cluster.local
            │  ├─ web-0.nginx.default.svc.cluster.local → 10.244.1.3
            │  └─ 1 endpoint not ready, not in DNS
            ├─ claims no pod mounts
            │  └─ pvc/www-web-3  Bound → pv/pv-d  1Mi
            └─ volumes without a claim
               ├─ pv/pv-c  Available  1Mi
               └─ pv/pv-e  Released  1Mi  was default/old

            """)
    }

    func testEmptyWorld() {
        XCTAssertEqual(SnapshotTree.render(SnapshotInput(), now: .zero), "cluster at 00:00:00\n")
    }
}

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
