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
