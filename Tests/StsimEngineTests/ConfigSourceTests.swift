import XCTest

@testable import StsimEngine

/// What a pod takes from ConfigMaps and Secrets, and the API server's checks of them.
final class ConfigSourceTests: XCTestCase {
    private func pod(env: [EnvVar] = [], envFrom: [EnvFromSource] = [], volumes: [Volume] = []) -> Pod {
        var c = Container(name: "app", image: "busybox", command: ["sleep", "3600"], env: env)
        c.envFrom = envFrom
        if !volumes.isEmpty { c.volumeMounts = [VolumeMount(name: volumes[0].name, mountPath: "/etc/config")] }
        return Pod(metadata: ObjectMeta(name: "p"), spec: PodSpec(containers: [c], volumes: volumes))
    }

    func testEnvironmentOrderPrefixAndOverrides() {
        let c = Cluster()
        c.mustCreate(.configMap(ConfigMap(metadata: ObjectMeta(name: "cm"), data: ["b": "2", "a": "1", "1bad": "x"])))
        let container = pod(
            env: [
                EnvVar(name: "X_a", value: "literal"),
                EnvVar(name: "K", configMapKeyRef: KeySelector(name: "cm", key: "b")),
            ],
            envFrom: [EnvFromSource(source: .configMap, name: "cm", prefix: "X_")]
        ).spec.containers[0]
        let env = try? c.configEnvironment(container, namespace: "default").get()
        XCTAssertEqual(env?.map(\.0), ["X_1bad", "X_b", "X_a", "K"])
        XCTAssertEqual(env?.last?.1, "2")
        XCTAssertEqual(
            env?.first(where: { $0.0 == "X_a" })?.1 ?? "nil", "nil", "a literal env value replaces envFrom's")
    }

    func testMissingSourcesUseTheKubeletsWords() {
        let c = Cluster()
        let ref = pod(env: [EnvVar(name: "K", secretKeyRef: KeySelector(name: "s", key: "k"))]).spec.containers[0]
        XCTAssertEqual(
            c.configEnvironment(ref, namespace: "default").failureMessage, "secret \"s\" not found")
        c.mustCreate(.secret(Secret(metadata: ObjectMeta(name: "s"), data: ["other": [1]])))
        XCTAssertEqual(
            c.configEnvironment(ref, namespace: "default").failureMessage, "couldn't find key k in Secret default/s")
        let optional = pod(env: [EnvVar(name: "K", secretKeyRef: KeySelector(name: "s", key: "k", optional: true))])
        XCTAssertEqual(try c.configEnvironment(optional.spec.containers[0], namespace: "default").get().count, 0)
    }

    func testPodWaitsForItsConfigMapVolumeThenReadsItsItems() throws {
        let c = Cluster()
        let items = KeyProjection(name: "cm", items: [.init(key: "a", path: "conf/a.txt")])
        c.mustCreate(.pod(pod(volumes: [Volume(name: "cfg", source: .configMap(items))])))
        c.settle()
        XCTAssertEqual(c.pod("p")?.status.phase, .pending)
        XCTAssertTrue(
            c.list(Event.self).contains {
                $0.reason == "FailedMount" && $0.message.hasSuffix(": configmap \"cm\" not found")
            })
        c.mustCreate(.configMap(ConfigMap(metadata: ObjectMeta(name: "cm"), data: ["a": "hello", "b": "no"])))
        c.settle()
        let running = try XCTUnwrap(c.pod("p"))
        XCTAssertEqual(running.status.phase, .running)
        XCTAssertEqual(
            running.spec.volumes[0].source,
            .configMap(KeyProjection(name: "cm", items: items.items, defaultMode: 0o644)),
            "the API server defaults defaultMode to 0644")
        XCTAssertEqual(c.readFile(running, path: "/etc/config/conf/a.txt"), .success("hello"))
        XCTAssertEqual(c.readFile(running, path: "/etc/config/b"), .failure(.noSuchFile))
        XCTAssertEqual(
            ContainerFiles(cluster: c, pod: running, container: 0).write("/etc/config/new", "x"), .readOnly)
    }

    func testDataBoundAndKeyRules() {
        let big = String(repeating: "x", count: Validation.maxDataSize + 1)
        let c = Cluster()
        guard
            case .failure(let e) = c.create(.configMap(ConfigMap(metadata: ObjectMeta(name: "big"), data: ["k": big])))
        else { return XCTFail("a ConfigMap over 1 MiB is refused") }
        XCTAssertEqual(
            e.kubectlMessage, "The ConfigMap \"big\" is invalid: []: Too long: must have at most 1048576 bytes")
        guard
            case .failure(let s) = c.create(
                .secret(Secret(metadata: ObjectMeta(name: "big"), data: ["k": Array(big.utf8)])))
        else { return XCTFail("a Secret over 1 MiB is refused") }
        XCTAssertEqual(
            s.kubectlMessage, "The Secret \"big\" is invalid: data: Too long: must have at most 1048576 bytes")
        XCTAssertEqual(
            Validation.configKey("..x", "data").map(\.text),
            ["data[..x]: Invalid value: \"..x\": must not start with '..'"])
        XCTAssertEqual(
            c.create(.secret(Secret(metadata: ObjectMeta(name: "s")))).map { Secret($0)?.type }, .success("Opaque"))
    }

    func testBuiltInSecretTypesRequireTheirKeys() {
        let c = Cluster()
        let tls = Secret(metadata: ObjectMeta(name: "site"), type: "kubernetes.io/tls", data: ["tls.crt": [1]])
        guard case .failure(let e) = c.create(.secret(tls)) else { return XCTFail("tls.key is required") }
        XCTAssertEqual(e.kubectlMessage, "The Secret \"site\" is invalid: data[tls.key]: Required value")
        let auth = Secret(metadata: ObjectMeta(name: "a"), type: "kubernetes.io/basic-auth", data: ["password": []])
        XCTAssertNotNil(try? c.create(.secret(auth)).get(), "either username or password will do")
    }

    func testPodReferencesAreValidatedVolumesFirst() {
        let c = Cluster()
        let items = KeyProjection(name: "cm", items: [.init(key: "a", path: "/abs")])
        let p = pod(
            env: [EnvVar(name: "K", configMapKeyRef: KeySelector(name: "", key: "a"))],
            volumes: [Volume(name: "v", source: .configMap(items))])
        guard case .failure(let e) = c.create(.pod(p)) else { return XCTFail("the references are checked") }
        XCTAssertEqual(
            e.causes.map(\.text),
            [
                "spec.volumes[0].configMap.items[0].path: Invalid value: \"/abs\": must be a relative path",
                "spec.containers[0].env[0].valueFrom.configMapKeyRef.name: Required value",
            ])
    }

    func testInitContainersAreCheckedAsContainersAndShareTheirNames() {
        let c = Cluster()
        var p = pod()
        var first = Container(name: "app", image: "busybox", command: ["true"])
        first.envFrom = [EnvFromSource(source: .secret, name: "")]
        p.spec.initContainers = [first, Container(name: "setup", image: "", command: ["true"])]
        guard case .failure(let e) = c.create(.pod(p)) else { return XCTFail("init containers are checked") }
        XCTAssertEqual(
            e.causes.map(\.text),
            [
                "spec.initContainers[1].image: Required value",
                "spec.initContainers[0].envFrom[0].secretRef.name: Required value",
                "spec.initContainers[0].name: Duplicate value: \"app\"",
            ])
    }

    /// An init container's variables come from its own entry, though the kubelet runs it first.
    func testInitContainerTakesItsOwnVariables() {
        let c = Cluster()
        c.mustCreate(.configMap(ConfigMap(metadata: ObjectMeta(name: "cm"), data: ["k": "init"])))
        var p = pod()
        var setup = Container(name: "setup", image: "busybox", command: ["sh", "-c", "echo $K"])
        setup.env = [EnvVar(name: "K", configMapKeyRef: KeySelector(name: "cm", key: "k"))]
        p.spec.initContainers = [setup]
        let run = p.asRun.spec.containers
        XCTAssertEqual(run.map(\.name), ["setup", "app"])
        XCTAssertEqual(try? c.configEnvironment(run[0], namespace: "default").get().map(\.1), ["init"])
    }

    func testBase64MatchesGo() {
        XCTAssertEqual(Base64.encode(Array("s3cret".utf8)), "czNjcmV0")
        XCTAssertEqual(Base64.encode([0, 1, 2, 3]), "AAECAw==")
        XCTAssertEqual(try? Base64.decode("AAECAw==").get(), [0, 1, 2, 3])
        XCTAssertEqual(Base64.decode("abc!").failureOffset, 3)
        XCTAssertEqual(Base64.decode("abc").failureOffset, 0)
    }
}

extension Result where Failure == ConfigSourceError {
    fileprivate var failureMessage: String? { if case .failure(let e) = self { e.message } else { nil } }
}

extension Result where Failure == Base64.DecodeError {
    fileprivate var failureOffset: Int? { if case .failure(let e) = self { e.offset } else { nil } }
}
