import XCTest

@testable import StsimEngine

/// The chapter's programs, with their exact texts (Chapter10 app.js of kubernetes-in-action).
final class ProgramTests: XCTestCase {
    func kubia(_ image: String, replicas: Int = 2) -> Cluster {
        let c = Cluster()
        c.mustCreate(.service(.headless(name: "kubia", selector: ["app": "kubia"], port: 80)))
        c.mustCreate(
            .statefulSet(.make(name: "kubia", image: image, replicas: replicas, storage: "1Mi", mountPath: "/var/data"))
        )
        c.settle()
        return c
    }

    func call(_ c: Cluster, _ pod: String, _ method: String = "GET", path: String = "/", body: String = "") -> Result<
        HTTPResponse, APIError
    > {
        c.proxy(
            HTTPRequest(method: method, path: path, body: body, client: ""), namespace: "default", resource: .pods,
            name: pod)
    }

    func testKubiaPetStoresOnTheClaimAndKeepsItAcrossPodReplacement() throws {
        let c = kubia("luksa/kubia-pet")
        XCTAssertEqual(
            try call(c, "kubia-0").get().body, "You've hit kubia-0\nData stored on this pod: No data posted yet\n")
        XCTAssertEqual(
            try call(c, "kubia-0", "POST", body: "Hey there! This greeting was submitted to kubia-0.").get().body,
            "Data stored on pod kubia-0\n")
        let pod = try XCTUnwrap(c.pod("kubia-0"))
        XCTAssertEqual(c.logs(of: pod), ["New data has been received and stored."])
        XCTAssertNil(c.logs(of: pod, previous: true), "never restarted")
        _ = c.killContainer(pod: "kubia-0", exitCode: 1)
        c.settle()
        let restarted = try XCTUnwrap(c.pod("kubia-0"))
        XCTAssertEqual(c.logs(of: restarted), [])
        XCTAssertEqual(c.logs(of: restarted, previous: true), ["New data has been received and stored."])
        _ = c.delete(.pod, "kubia-0")
        c.settle()
        XCTAssertEqual(
            try call(c, "kubia-0").get().body,
            "You've hit kubia-0\nData stored on this pod: Hey there! This greeting was submitted to kubia-0.\n")
        XCTAssertEqual(
            try call(c, "kubia-1").get().body, "You've hit kubia-1\nData stored on this pod: No data posted yet\n")
    }

    func testProxyErrorsAreTheAPIServers() {
        let c = kubia("luksa/kubia-pet", replicas: 1)
        XCTAssertEqual(call(c, "kubia-9").failure?.message, "pods \"kubia-9\" not found")
        XCTAssertEqual(call(c, "kubia-9").failure?.code, 404)
        _ = c.killContainer(pod: "kubia-0", exitCode: 1)
        XCTAssertEqual(call(c, "kubia-0").failure?.code, 503)
        XCTAssertEqual(
            call(c, "kubia-0").failure?.message.hasPrefix("error trying to reach service: dial tcp 10.244."), true)
    }

    func testPeersGatherEveryPodsData() throws {
        let c = kubia("luksa/kubia-pet-peers", replicas: 3)
        _ = call(c, "kubia-1", "POST", body: "The sun is shining")
        XCTAssertEqual(try call(c, "kubia-1", path: "/data").get().body, "The sun is shining")
        XCTAssertEqual(
            try call(c, "kubia-2").get().body,
            """
            You've hit kubia-2
            Data stored in the cluster:
            - kubia-0.kubia.default.svc.cluster.local: No data posted yet
            - kubia-1.kubia.default.svc.cluster.local: The sun is shining
            - kubia-2.kubia.default.svc.cluster.local: No data posted yet

            """)
    }

    func testImagesSelectPrograms() {
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "docker.io/luksa/kubia-pet:latest"), .kubiaPet)
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "luksa/kubia-pet-peers"), .kubiaPetPeers)
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "tutum/dnsutils"), .toolbox)
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "busybox:1.36"), .toolbox)
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "localhost:5000/nginx:1.27"), .nginx)
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "registry.k8s.io/nginx-slim:0.24"), .nginx)
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "gcr.io/distroless/static:nonroot"), .distroless)
        XCTAssertEqual(ProgramCatalog.kind(ofImage: "example.com/team/app:1"), .webServer)
        XCTAssertEqual(ProgramCatalog.repository("localhost:5000/nginx:1.27"), "nginx")
    }
}

extension ProgramTests {
    /// A peer behind a cut link does not answer at all, and the proxy cannot reach it either.
    func testPeersBehindAPartitionTimeOut() throws {
        let c = kubia("luksa/kubia-pet-peers", replicas: 3)
        let node = try XCTUnwrap(c.pod("kubia-2")?.spec.nodeName)
        c.kubelets[node]?.link.isConnected = false
        let body = try call(c, "kubia-0").get().body
        XCTAssertTrue(
            body.contains("- kubia-2.kubia.default.svc.cluster.local: Error: connect ETIMEDOUT 10.244."), body)
        XCTAssertEqual(call(c, "kubia-2").failure?.message.hasSuffix(":8080: i/o timeout"), true)
    }
}
