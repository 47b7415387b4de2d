import StsimEngine
import XCTest

@testable import StsimManifests

/// `-o yaml|json` output, and the round trip: loading the output gives the same object.
final class ManifestWriterTests: XCTestCase {
    private let t = Timestamps.standard

    private func defaulted(_ o: KubeObject) -> KubeObject {
        var o = o
        APIDefaults.apply(to: &o, defaultStorageClass: nil)
        return o
    }

    private func assertRoundTrip(_ object: KubeObject, file: StaticString = #filePath, line: UInt = #line) {
        let o = defaulted(object)
        for (format, text) in [("yaml", ManifestWriter.yaml(o)), ("json", ManifestWriter.json(o))] {
            let r = ManifestLoader.load(text: text, file: "out.\(format)")
            XCTAssertEqual(r.diagnostics.map(\.compactText), [], "\(format):\n\(text)", file: file, line: line)
            XCTAssertEqual(r.objects.map(\.object), [o], "\(format):\n\(text)", file: file, line: line)
        }
    }

    private let uid = UID("6a2f1c3e-0b7d-4e59-9f00-1d2c3b4a5f60")!
    private func at(_ s: Int64) -> VirtualTime { VirtualTime(milliseconds: s * 1000) }

    func testStatefulSetYAMLLooksLikeKubectl() throws {
        let r = Fixtures.load(try Fixtures.seed("statefulset-fixed.yaml"))
        var set = r.objects[0].object
        set.metadata.uid = uid
        set.metadata.resourceVersion = 42
        set.metadata.generation = 1
        set.metadata.creationTimestamp = at(5)
        let yaml = ManifestWriter.yaml(set)
        XCTAssertTrue(
            yaml.hasPrefix(
                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  creationTimestamp: "2024-01-01T00:00:05Z"
                  generation: 1
                  name: sts
                  resourceVersion: "42"
                  uid: 6a2f1c3e-0b7d-4e59-9f00-1d2c3b4a5f60
                spec:
                  persistentVolumeClaimRetentionPolicy:
                    whenDeleted: Retain
                    whenScaled: Retain
                  podManagementPolicy: OrderedReady
                  replicas: 2
                """), yaml)
        XCTAssertTrue(
            yaml.contains(
                """
                  volumeClaimTemplates:
                  - apiVersion: v1
                    kind: PersistentVolumeClaim
                    metadata:
                      creationTimestamp: null
                      name: pvc1
                """), yaml)
        XCTAssertTrue(yaml.hasSuffix("status:\n  availableReplicas: 0\n  replicas: 0\n"), yaml)
        let json = ManifestWriter.json(set)
        XCTAssertTrue(
            json.hasPrefix(
                "{\n    \"apiVersion\": \"apps/v1\",\n    \"kind\": \"StatefulSet\",\n    \"metadata\": {\n        \"name\": \"sts\",\n"
            ), json)
        assertRoundTrip(set)
    }

    func testSeedObjectsRoundTrip() throws {
        for name in ["pv-list-fixed.yaml", "headless-service-fixed.yaml", "statefulset-fixed.yaml"] {
            for o in Fixtures.load(try Fixtures.seed(name)).objects { assertRoundTrip(o.object) }
        }
    }

    func testPodWithStatusRoundTrips() {
        var pod = Pod(
            metadata: ObjectMeta(
                name: "web-0", namespace: "default", uid: uid, resourceVersion: 7, creationTimestamp: at(1),
                labels: ["app": "nginx", "statefulset.kubernetes.io/pod-name": "web-0"],
                annotations: ["note": "two\nlines", "quoted": "yes", "colon": "a: b"],
                ownerReferences: [
                    OwnerReference(
                        apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: uid, controller: true,
                        blockOwnerDeletion: true)
                ]))
        pod.spec = PodSpec(
            containers: [
                Container(
                    name: "nginx", image: "registry.k8s.io/nginx-slim:0.24", command: ["sh", "-c"],
                    args: ["echo 'hi' && sleep 3600"],
                    ports: [ContainerPort(name: "web", containerPort: 80)],
                    env: [EnvVar(name: "POD", fieldPath: "metadata.name"), EnvVar(name: "X", value: "1")],
                    volumeMounts: [VolumeMount(name: "www", mountPath: "/usr/share/nginx/html", readOnly: true)],
                    readinessProbe: Probe(
                        handler: .httpGet(path: "/", port: "80", scheme: "HTTP"), initialDelaySeconds: 2),
                    livenessProbe: Probe(handler: .tcpSocket(port: "web")))
            ],
            volumes: [
                Volume(name: "www", source: .persistentVolumeClaim(.init(claimName: "www-web-0"))),
                Volume(name: "tmp", source: .emptyDir(medium: nil, sizeLimit: Quantity(value: 1 << 20, text: "1Mi"))),
                Volume(name: "host", source: .hostPath(path: "/data", type: "DirectoryOrCreate")),
            ],
            nodeName: "node-1", hostname: "web-0", subdomain: "nginx",
            tolerations: [Toleration(key: "k", operator: .equal, value: "v", effect: .noSchedule)])
        pod.status = PodStatus(
            phase: .running,
            conditions: [PodCondition(type: .ready, status: .true, lastTransitionTime: at(9))],
            containerStatuses: [
                ContainerStatus(
                    name: "nginx", image: "registry.k8s.io/nginx-slim:0.24", imageID: "sha256:abc",
                    containerID: "containerd://1",
                    state: .running(startedAt: at(8)),
                    lastState: .terminated(
                        exitCode: 137, reason: "Error", message: nil, startedAt: at(3), finishedAt: at(7)),
                    ready: true, started: true, restartCount: 1)
            ],
            podIP: "10.244.1.5", hostIP: "172.18.0.3", startTime: at(2))
        assertRoundTrip(.pod(pod))
    }

    func testStorageServiceNodeAndReplicaSetRoundTrip() {
        var pv = PersistentVolume(
            metadata: ObjectMeta(name: "pv-a", uid: uid, resourceVersion: 3, creationTimestamp: at(0)))
        pv.spec = PersistentVolumeSpec(
            capacity: Quantity(value: 1 << 30, text: "1Gi"), accessModes: [.readWriteOnce],
            persistentVolumeReclaimPolicy: .delete,
            storageClassName: "local-path",
            claimRef: ObjectReference(
                kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: "default", name: "www-web-0", uid: uid,
                resourceVersion: "12"),
            source: .local(path: "/mnt/disks/a"), nodeAffinityHostnames: ["node-1"])
        pv.status = PersistentVolumeStatus(phase: .bound, lastPhaseTransitionTime: at(4))
        assertRoundTrip(.persistentVolume(pv))

        var pvc = PersistentVolumeClaim(
            metadata: ObjectMeta(name: "www-web-0", namespace: "default", labels: ["app": "nginx"]))
        pvc.spec = PersistentVolumeClaimSpec(
            accessModes: [.readWriteOnce], storageRequest: Quantity(value: 1 << 30, text: "1Gi"), storageClassName: "",
            volumeName: "pv-a",
            selector: LabelSelector(matchExpressions: [
                LabelSelectorRequirement(key: "tier", operator: .in, values: ["a"])
            ]))
        pvc.status = PersistentVolumeClaimStatus(
            phase: .bound, accessModes: [.readWriteOnce], capacity: Quantity(value: 1 << 30, text: "1Gi"))
        // An explicit "" class (no dynamic provisioning) is printed as "" and must survive.
        let text = ManifestWriter.yaml(defaulted(.persistentVolumeClaim(pvc)))
        XCTAssertTrue(text.contains("storageClassName: \"\""), text)
        assertRoundTrip(.persistentVolumeClaim(pvc))

        let svc = Service(
            metadata: ObjectMeta(name: "nginx", namespace: "default"),
            spec: ServiceSpec(
                selector: ["app": "nginx"], ports: [ServicePort(name: "web", port: 80, targetPort: "web")],
                clusterIP: "None",
                publishNotReadyAddresses: true))
        assertRoundTrip(.service(svc))

        var node = StsimEngine.Node(
            metadata: ObjectMeta(name: "node-1", labels: [StsimEngine.Node.hostnameLabel: "node-1"]))
        node.spec = NodeSpec(
            podCIDR: "10.244.1.0/24", unschedulable: true,
            taints: [Taint(key: "node.kubernetes.io/unreachable", effect: .noExecute, timeAdded: at(60))])
        node.status = NodeStatus(
            conditions: [
                NodeCondition(
                    type: .ready, status: .unknown, lastHeartbeatTime: at(10), lastTransitionTime: at(50),
                    reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.")
            ],
            addresses: [NodeAddress(type: "InternalIP", address: "172.18.0.3")], images: ["nginx:1.27"])
        assertRoundTrip(.node(node))

        let sc = StorageClass(
            metadata: ObjectMeta(name: "standard", annotations: [StorageClass.defaultClassAnnotation: "true"]),
            provisioner: "rancher.io/local-path", volumeBindingMode: .waitForFirstConsumer, parameters: ["type": "ssd"])
        assertRoundTrip(.storageClass(sc))

        var rs = ReplicaSet(metadata: ObjectMeta(name: "kubia", namespace: "default"))
        rs.spec = ReplicaSetSpec(
            replicas: 3, selector: LabelSelector(matchLabels: ["app": "kubia"]),
            template: PodTemplateSpec(
                metadata: ObjectMeta(labels: ["app": "kubia"]),
                spec: PodSpec(containers: [Container(name: "kubia", image: "luksa/kubia")])))
        rs.status = ReplicaSetStatus(
            replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1)
        assertRoundTrip(.replicaSet(rs))
    }

    func testListRoundTrips() throws {
        let objects =
            Fixtures.load(try Fixtures.seed("pv-list-fixed.yaml")).objects.map(\.object)
            + Fixtures.load(try Fixtures.seed("headless-service-fixed.yaml")).objects.map(\.object)
        let yaml = ManifestWriter.yaml(list: objects)
        XCTAssertTrue(yaml.hasPrefix("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: PersistentVolume\n"), yaml)
        XCTAssertTrue(yaml.hasSuffix("kind: List\nmetadata:\n  resourceVersion: \"\"\n"), yaml)
        for text in [yaml, ManifestWriter.json(list: objects)] {
            let r = ManifestLoader.load(text: text, file: "list")
            XCTAssertEqual(r.diagnostics.map(\.compactText), [])
            XCTAssertEqual(r.objects.map(\.object), objects)
        }
    }

    func testTimestampsFormatAndParse() {
        XCTAssertEqual(t.format(.zero), "2024-01-01T00:00:00Z")
        XCTAssertEqual(t.format(VirtualTime(milliseconds: 86_400_000 * 60 + 3_723_999)), "2024-03-01T01:02:03Z")
        XCTAssertEqual(t.parse("2024-03-01T01:02:03Z"), VirtualTime(milliseconds: 86_400_000 * 60 + 3_723_000))
        XCTAssertEqual(t.parse("2024-01-01T02:00:00+02:00"), .zero)
        XCTAssertNil(t.parse("yesterday"))
    }

    func testStringsAreQuotedOnlyWhenNeeded() {
        XCTAssertEqual(YAMLEmitter.string("nginx"), "nginx")
        XCTAssertEqual(YAMLEmitter.string("80"), "\"80\"")
        XCTAssertEqual(YAMLEmitter.string("true"), "\"true\"")
        XCTAssertEqual(YAMLEmitter.string(""), "\"\"")
        XCTAssertEqual(YAMLEmitter.string("a: b"), "'a: b'")
        XCTAssertEqual(YAMLEmitter.string("*"), "'*'")
        XCTAssertEqual(JSONEmitter.string("<a&b>"), "\"\\u003ca\\u0026b\\u003e\"")
        // The fast paths (a plain first letter; digits checked byte by byte) keep yaml.v2's choices.
        for word in [
            "yes", "No", "ON", "off", "y", "N", "True", "FALSE", "null", "Null", "~", "1_000", "-5", "1e5", "_1",
            "0123",
        ] {
            XCTAssertEqual(YAMLEmitter.string(word), "\"\(word)\"", word)
        }
        for word in ["e5", "web-0", "Pod", "10.244.1.5", "1.2.3", "yesterday", "nginx:1.27", "x\u{2028}y"] {
            XCTAssertEqual(YAMLEmitter.string(word), word, word)
        }
        XCTAssertEqual(JSONEmitter.string("a\u{2028}b\u{e9}\u{1}"), "\"a\\u2028b\u{e9}\\u0001\"")
        XCTAssertEqual(JSONEmitter.string("caf\u{e9} \u{2603}"), "\"caf\u{e9} \u{2603}\"")
    }
}

extension ManifestWriterTests {
    func testControllerWrittenKindsPrint() {
        let ref = ObjectReference(kind: "StatefulSet", apiVersion: "apps/v1", namespace: "default", name: "web")
        let event = Event(
            metadata: ObjectMeta(name: "web.17a", namespace: "default"), involvedObject: ref,
            reason: "SuccessfulCreate",
            message: "create Pod web-0 in StatefulSet web successful", sourceComponent: "statefulset-controller",
            firstTimestamp: .zero, lastTimestamp: VirtualTime(milliseconds: 2000), count: 2)
        let yaml = ManifestWriter.yaml(.event(event))
        XCTAssertTrue(
            yaml.contains(
                "count: 2\neventTime: null\nfirstTimestamp: \"2024-01-01T00:00:00Z\"\ninvolvedObject:\n  apiVersion: apps/v1\n  kind: StatefulSet\n  name: web\n  namespace: default\nkind: Event\nlastTimestamp: \"2024-01-01T00:00:02Z\"\n"
            ), yaml)
        let slice = EndpointSlice(
            metadata: ObjectMeta(name: "nginx-abcde", namespace: "default"),
            endpoints: [
                Endpoint(
                    addresses: ["10.244.1.5"],
                    conditions: EndpointConditions(ready: true, serving: true, terminating: false), hostname: "web-0",
                    nodeName: "node-1")
            ],
            ports: [EndpointPort(name: "web", port: 80, protocol: .tcp)])
        XCTAssertTrue(
            ManifestWriter.yaml(.endpointSlice(slice)).hasPrefix(
                "addressType: IPv4\napiVersion: discovery.k8s.io/v1\nendpoints:\n- addresses:\n  - 10.244.1.5\n  conditions:\n    ready: true\n"
            ))
        let revision = ControllerRevision(metadata: ObjectMeta(name: "web-5b8c7d9f4"), revision: 2)
        XCTAssertTrue(ManifestWriter.yaml(.controllerRevision(revision)).contains("      $patch: replace\n"))
    }
}

extension ManifestWriterTests {
    func testQuantitiesPrintInCanonicalForm() {
        let cases = [
            ("1Mi", "1Mi"), ("1024Mi", "1Gi"), ("0.5Gi", "512Mi"), ("1536Mi", "1536Mi"), ("1000M", "1G"),
            ("1500", "1500"),
            ("1.5k", "1500"), ("500m", "500m"), ("1.5", "1500m"), ("2000m", "2"), ("1e3", "1e3"), ("0", "0"),
            ("5Gi", "5Gi"),
        ]
        for (written, printed) in cases {
            XCTAssertEqual(QuantityCanonical.text(QuantityText.parse(written)!), printed, written)
        }
    }
}

extension ManifestWriterTests {
    func testAwkwardStringsSurviveTheRoundTrip() {
        let values = [
            "two\nlines", "trailing\n", " leading space\nx", "many\n\n", "\nfirst empty", "tab\there",
            "quote \" and ' and \\",
            "- dash", ": colon", "#hash", "a #b", "a: b", "日本語 ✓", "", "~", "null", "0755", "1e3", "-", "?", "x:",
            "@at", "%p", "`b`",
            "trailing space ", "{x}", "[y]", "*star", "&amp", "!bang", "|pipe", ">gt", "2024-01-01", "yes", "ON", "3.0",
        ]
        var annotations: [String: String] = [:]
        for (i, v) in values.enumerated() { annotations["k\(i)"] = v }
        let pod = KubeObject.pod(
            Pod(
                metadata: ObjectMeta(name: "p", namespace: "default", annotations: annotations),
                spec: PodSpec(containers: [
                    Container(name: "c", image: "busybox", command: values.filter { !$0.isEmpty })
                ])))
        assertRoundTrip(pod)
    }
}

extension ManifestWriterTests {
    func testTimesBeforeTheEpochAndAtTheExtremes() {
        XCTAssertEqual(t.format(VirtualTime(milliseconds: -1)), "2023-12-31T23:59:59Z")
        XCTAssertEqual(t.format(VirtualTime(milliseconds: -86_400_000)), "2023-12-31T00:00:00Z")
        _ = t.format(VirtualTime(milliseconds: .min))
        _ = t.format(VirtualTime(milliseconds: .max))
    }
}
