import StsimEngine
import XCTest

@testable import StsimRender

/// The examples of reference 11.2 and 8.5, byte for byte.
final class TableTests: XCTestCase {
    typealias F = Fixtures

    func render(_ objects: [KubeObject], _ kind: ResourceKind, now: Int64, options: TableOptions = TableOptions())
        -> String
    {
        GetOutput.table(objects, kind: kind, options: options, now: F.at(now)).render()
    }

    func testPods() {
        let pods: [KubeObject] = [
            .pod(F.pod("web-2", created: 197, phase: .pending, containers: [F.waitingContainer("ContainerCreating")])),
            .pod(F.pod("web-0", created: 75)),
            .pod(F.pod("web-1", created: 79, containers: [F.runningContainer(restarts: 2, lastFinished: 169)])),
        ]
        XCTAssertEqual(
            render(pods, .pod, now: 200),
            """
            NAME    READY   STATUS              RESTARTS      AGE
            web-0   1/1     Running             0             2m5s
            web-1   1/1     Running             2 (31s ago)   2m1s
            web-2   0/1     ContainerCreating   0             3s

            """)
    }

    func testPodsWide() {
        let pods: [KubeObject] = [
            .pod(F.pod("web-0", created: 75)),
            .pod(F.pod("web-1", created: 199, phase: .pending, node: nil, ip: nil)),
        ]
        XCTAssertEqual(
            render(pods, .pod, now: 200, options: TableOptions(wide: true)),
            """
            NAME    READY   STATUS    RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          2m5s   10.244.1.3   node-1   <none>           <none>
            web-1   0/1     Pending   0          1s     <none>       <none>   <none>           <none>

            """)
    }

    func testStatefulSets() {
        XCTAssertEqual(
            render([.statefulSet(F.statefulSet(ready: 2, created: 75))], .statefulSet, now: 200),
            """
            NAME   READY   AGE
            web    2/3     2m5s

            """)
        XCTAssertEqual(
            render(
                [.statefulSet(F.statefulSet(created: 75))], .statefulSet, now: 200, options: TableOptions(wide: true)),
            """
            NAME   READY   AGE    CONTAINERS   IMAGES
            web    3/3     2m5s   nginx        registry.k8s.io/nginx-slim:0.8

            """)
    }

    func testServices() {
        let kubernetes = Service(
            metadata: F.meta("kubernetes"),
            spec: ServiceSpec(
                type: .clusterIP, ports: [ServicePort(name: "https", protocol: .tcp, port: 443)],
                clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"]))
        let nginx = Service(
            metadata: F.meta("nginx", created: 595),
            spec: ServiceSpec(
                type: .clusterIP, selector: ["app": "nginx"],
                ports: [ServicePort(name: "web", protocol: .tcp, port: 80)], clusterIP: "None", clusterIPs: ["None"]))
        XCTAssertEqual(
            render([.service(nginx), .service(kubernetes)], .service, now: 600),
            """
            NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m
            nginx        ClusterIP   None         <none>        80/TCP    5s

            """)
    }

    func testNodes() {
        let nodes: [KubeObject] = [
            .node(F.node("node-2", cordoned: true)), .node(F.node("node-1", ready: .unknown)),
            .node(F.node("control-plane", controlPlane: true)),
        ]
        XCTAssertEqual(
            render(nodes, .node, now: 600),
            """
            NAME            STATUS                     ROLES           AGE   VERSION
            control-plane   Ready                      control-plane   10m   v1.32.0
            node-1          NotReady                   <none>          10m   v1.32.0
            node-2          Ready,SchedulingDisabled   <none>          10m   v1.32.0

            """)
    }

    func testVolumes() {
        let volumes: [KubeObject] = [
            .persistentVolume(F.volume("pv-a", phase: .bound, claim: "www-web-0")),
            .persistentVolume(F.volume("pv-b", phase: .released, claim: "www-web-1")),
            .persistentVolume(
                F.volume("pv-c", phase: .available, modes: [.readOnlyMany, .readWriteOnce], reclaim: .recycle)),
        ]
        XCTAssertEqual(
            render(volumes, .persistentVolume, now: 40),
            """
            NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
            pv-a   1Mi        RWO            Retain           Bound       default/www-web-0                  <unset>                          40s
            pv-b   1Mi        RWO            Retain           Released    default/www-web-1                  <unset>                          40s
            pv-c   1Mi        RWO,ROX        Recycle          Available                                      <unset>                          40s

            """)
    }

    func testClaims() {
        let claims: [KubeObject] = [
            .persistentVolumeClaim(F.claim("www-web-1", created: 9)),
            .persistentVolumeClaim(F.claim("www-web-0", volume: "pv-a")),
        ]
        XCTAssertEqual(
            render(claims, .persistentVolumeClaim, now: 12),
            """
            NAME        STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound     pv-a     1Mi        RWO                           <unset>                 12s
            www-web-1   Pending                                                     <unset>                 3s

            """)
    }

    func testEvents() {
        let sts = (kind: "StatefulSet", name: "web")
        let events: [KubeObject] = [
            .event(
                F.event(
                    "Scheduled", "Successfully assigned default/web-0 to node-1", object: (kind: "Pod", name: "web-0"),
                    component: "default-scheduler", first: 0)),
            .event(
                F.event(
                    "SuccessfulCreate", "create Claim www-web-0 Pod web-0 in StatefulSet web success", object: sts,
                    component: "statefulset-controller", first: 0)),
            .event(
                F.event(
                    "SuccessfulCreate", "create Pod web-0 in StatefulSet web successful", object: sts,
                    component: "statefulset-controller", first: 0)),
        ]
        // The `events` command: oldest first, ties in recorded order.
        XCTAssertEqual(
            EventList.render(events.compactMap(Event.init), namespace: "default", now: F.at(12)).text,
            """
            LAST SEEN   TYPE     REASON             OBJECT            MESSAGE
            12s         Normal   Scheduled          pod/web-0         Successfully assigned default/web-0 to node-1
            12s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-0 Pod web-0 in StatefulSet web success
            12s         Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful

            """)
    }

    func testControllerRevisions() {
        let owner = OwnerReference(
            apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: UID(high: 1, low: 1), controller: true)
        func rev(_ name: String, _ n: Int, _ created: Int64) -> KubeObject {
            var m = F.meta(name, created: created)
            m.ownerReferences = [owner]
            return .controllerRevision(ControllerRevision(metadata: m, revision: n))
        }
        XCTAssertEqual(
            render([rev("web-7d8b4f5c96", 2, 280), rev("web-6c5f9b7d84", 1, 0)], .controllerRevision, now: 300),
            """
            NAME             CONTROLLER             REVISION   AGE
            web-6c5f9b7d84   statefulset.apps/web   1          5m
            web-7d8b4f5c96   statefulset.apps/web   2          20s

            """)
    }

    func testEndpoints() {
        func ep(_ ip: String, ready: Bool = true) -> Endpoint {
            Endpoint(addresses: [ip], conditions: EndpointConditions(ready: ready))
        }
        let slice = EndpointSlice(
            metadata: F.meta("nginx-abcde", created: 20, labels: [EndpointSlice.serviceNameLabel: "nginx"]),
            endpoints: [
                ep("10.244.3.2"), ep("10.244.1.3"), ep("10.244.9.9", ready: false), ep("10.244.2.4"), ep("10.244.4.5"),
            ],
            ports: [EndpointPort(name: "web", port: 80, protocol: .tcp)])
        XCTAssertEqual(
            render([.endpointSlice(slice)], .endpoints, now: 200),
            """
            NAME    ENDPOINTS                                               AGE
            nginx   10.244.1.3:80,10.244.2.4:80,10.244.3.2:80 + 1 more...   3m

            """)
        let empty = EndpointSlice(metadata: F.meta("nginx", created: 20), ports: [EndpointPort(port: 80)])
        XCTAssertTrue(render([.endpointSlice(empty)], .endpoints, now: 200).contains("nginx   <none>      3m"))
    }

    func testStorageClass() {
        let sc = StorageClass(
            metadata: ObjectMeta(
                name: "standard", creationTimestamp: F.at(0), annotations: [StorageClass.defaultClassAnnotation: "true"]
            ),
            provisioner: "rancher.io/local-path", reclaimPolicy: .delete, volumeBindingMode: .waitForFirstConsumer)
        XCTAssertEqual(
            render([.storageClass(sc)], .storageClass, now: 600),
            """
            NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
            standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10m

            """)
    }

    func testReplicaSetWideWithLabelsAndNamespace() {
        let rs = ReplicaSet(
            metadata: F.meta("kubia", created: 0, labels: ["tier": "db", "app": "kubia"]),
            spec: ReplicaSetSpec(
                replicas: 3, selector: LabelSelector(matchLabels: ["app": "kubia"]),
                template: PodTemplateSpec(spec: PodSpec(containers: [Container(name: "kubia", image: "luksa/kubia")]))),
            status: ReplicaSetStatus(replicas: 3, readyReplicas: 2))
        XCTAssertEqual(
            render(
                [.replicaSet(rs)], .replicaSet, now: 60,
                options: TableOptions(wide: true, showLabels: true, allNamespaces: true)),
            """
            NAMESPACE   NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES        SELECTOR    LABELS
            default     kubia   3         3         2       60s   kubia        luksa/kubia   app=kubia   app=kubia,tier=db

            """)
    }

    func testNameByteOrder() {
        let pods: [KubeObject] = ["web-2", "web-10", "web-0", "web-11", "web-1"].map { .pod(F.pod($0)) }
        let names = render(pods, .pod, now: 1).split(separator: "\n").dropFirst().map { String($0.prefix(6)) }
        XCTAssertEqual(names, ["web-0 ", "web-1 ", "web-10", "web-11", "web-2 "])
    }

    func testSeveralKinds() {
        let out = GetOutput.tables(
            [
                (.statefulSet, [.statefulSet(F.statefulSet(created: 0))]),
                (.persistentVolumeClaim, [.persistentVolumeClaim(F.claim("www-web-0", volume: "pv-a"))]), (.pod, []),
            ],
            namespace: "default", now: F.at(12))
        XCTAssertEqual(out.stream, .standardOutput)
        XCTAssertEqual(
            out.text,
            """
            NAME                   READY   AGE
            statefulset.apps/web   3/3     12s

            NAME                              STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            persistentvolumeclaim/www-web-0   Bound    pv-a     1Mi        RWO                           <unset>                 12s

            """)
    }

    func testNothingFound() {
        XCTAssertEqual(
            GetOutput.tables([(.pod, [])], namespace: "default", now: F.at(0)),
            RenderedText("No resources found in default namespace.\n", stream: .standardError))
        XCTAssertEqual(GetOutput.tables([(.node, [])], namespace: "default", now: F.at(0)).text, "No resources found\n")
        XCTAssertEqual(
            GetOutput.tables(
                [(.pod, [])], namespace: "default", options: TableOptions(allNamespaces: true), now: F.at(0)
            ).text,
            "No resources found\n")
    }

    func testNames() {
        XCTAssertEqual(
            GetOutput.names([.pod(F.pod("web-1")), .statefulSet(F.statefulSet()), .pod(F.pod("web-0"))]),
            "pod/web-0\npod/web-1\nstatefulset.apps/web\n")
    }

    func testNoTrailingSpacesWhenLastCellEmpty() {
        let t = Table(headers: ["NAME", "NOTE"], rows: [["a", ""]])
        XCTAssertEqual(t.render(), "NAME   NOTE\na\n")
    }

    func testQuantityCanonicalForm() {
        XCTAssertEqual(Formatting.quantity(Quantity("1024Mi")), "1Gi")
        XCTAssertEqual(Formatting.quantity(Quantity("1G")), "1G")
        XCTAssertEqual(Formatting.quantity(Quantity("500Mi")), "500Mi")
        XCTAssertEqual(Formatting.quantity(Quantity("1.5Gi")), "1536Mi")
        XCTAssertEqual(Formatting.quantity(Quantity("1000M")), "1G")
    }
}
