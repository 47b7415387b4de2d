import XCTest

@testable import StsimEngine

final class ReplicaSetTests: XCTestCase {
    func testReplicaSetRandomNamesOneClaimAndNewNameOnReplacement() {
        let c = Cluster()
        c.mustCreate(.persistentVolumeClaim(.make(name: "shared", storage: "1Mi")))
        c.mustCreate(.replicaSet(.make(name: "kubia", image: "luksa/kubia", replicas: 3, claimName: "shared")))
        c.settle()
        let names = c.podNames()
        XCTAssertEqual(names.count, 3)
        let alphabet = Set("bcdfghjklmnpqrstvwxz2456789")
        for n in names {
            XCTAssertTrue(n.hasPrefix("kubia-"))
            let suffix = n.dropFirst("kubia-".count)
            XCTAssertEqual(suffix.count, 5)
            XCTAssertTrue(suffix.allSatisfy(alphabet.contains), n)
        }
        XCTAssertEqual(c.list(PersistentVolumeClaim.self).map(\.metadata.name), ["shared"])
        XCTAssertTrue(c.list(Pod.self).allSatisfy { $0.spec.claimNames == ["shared"] && $0.isRunningAndReady })
        let created = c.events(about: .replicaSet, "kubia").filter { $0.reason == "SuccessfulCreate" }.map(\.message)
        XCTAssertEqual(Set(created), Set(names.map { "Created pod: \($0)" }))

        // A deleted pod is replaced at once, by a pod with a new name.
        _ = c.delete(.pod, names[0])
        c.advance(by: .zero)
        XCTAssertEqual(c.list(Pod.self).filter { $0.metadata.deletionTimestamp == nil }.count, 3)
        c.settle()
        let after = c.podNames()
        XCTAssertEqual(after.count, 3)
        XCTAssertFalse(after.contains(names[0]))
        XCTAssertEqual(Set(after).intersection(names).count, 2)
    }

    func testReplicaSetScaleDown() {
        let c = Cluster()
        c.mustCreate(.replicaSet(.make(name: "rs", image: "nginx", replicas: 3)))
        c.settle()
        c.scale(.replicaSet, "rs", replicas: 1)
        c.settle()
        XCTAssertEqual(c.podNames().count, 1)
        XCTAssertEqual(c.get(ReplicaSet.self, "rs")?.status.replicas, 1)
    }
}

final class DNSTests: XCTestCase {
    private func srvTargets(_ c: Cluster, _ name: String = "web.default.svc.cluster.local") -> [String] {
        c.dnsQuery(name, type: .srv).answers.compactMap {
            if case .srv(_, _, _, let t) = $0.data { return t } else { return nil }
        }
    }

    func testSRVListsOnlyReadyPodsAndFollowsScaling() {
        let c = Cluster()
        c.createWeb(replicas: 3, probe: true)
        c.settle()
        XCTAssertEqual(
            srvTargets(c),
            [
                "web-0.web.default.svc.cluster.local.", "web-1.web.default.svc.cluster.local.",
                "web-2.web.default.svc.cluster.local.",
            ])
        let answer = c.dnsQuery("web.default.svc.cluster.local", type: .srv)
        XCTAssertEqual(answer.answers.first?.ttl, 30)
        if case .srv(let priority, let weight, let port, _) = answer.answers[0].data {
            XCTAssertEqual(priority, 0)
            XCTAssertEqual(weight, 33)
            XCTAssertEqual(port, 8080)
        } else {
            XCTFail()
        }
        XCTAssertEqual(answer.additional.count, 3)
        XCTAssertEqual(srvTargets(c, "_http._tcp.web.default.svc.cluster.local").count, 3)

        c.setReadinessFailing("web-1", true)
        c.settle()
        XCTAssertEqual(srvTargets(c), ["web-0.web.default.svc.cluster.local.", "web-2.web.default.svc.cluster.local."])
        XCTAssertEqual(c.dnsQuery("web-1.web.default.svc.cluster.local", type: .a).status, .nxDomain)
        c.setReadinessFailing("web-1", false)
        c.settle()

        c.scale(.statefulSet, "web", replicas: 2)
        c.settle()
        XCTAssertEqual(srvTargets(c), ["web-0.web.default.svc.cluster.local.", "web-1.web.default.svc.cluster.local."])
        if case .srv(_, let weight, _, _) = c.dnsQuery("web.default.svc.cluster.local", type: .srv).answers[0].data {
            XCTAssertEqual(weight, 50)
        }
        c.scale(.statefulSet, "web", replicas: 4)
        c.settle()
        XCTAssertEqual(srvTargets(c).count, 4)
    }

    func testARecordsAndSearchDomains() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        let ip = c.pod("web-0")!.status.podIP!
        let a = c.dnsQuery("web-0.web.default.svc.cluster.local.", type: .a)
        XCTAssertEqual(a.status, .noError)
        XCTAssertEqual(a.answers.map(\.data), [.a(ip)])
        XCTAssertEqual(c.dnsQuery("web.default.svc.cluster.local", type: .a).answers.count, 2)
        XCTAssertEqual(c.dnsQuery("nope.default.svc.cluster.local", type: .a).status, .nxDomain)
        let viaSearch = c.dnsResolve("web-0.web", type: .a)
        XCTAssertEqual(viaSearch.name, "web-0.web.default.svc.cluster.local.")
        XCTAssertEqual(viaSearch.answers.map(\.data), [.a(ip)])
        XCTAssertEqual(c.dnsSearchDomains(), ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"])
        XCTAssertEqual(
            c.dnsQuery("kubernetes.default.svc.cluster.local", type: .a).answers.map(\.data), [.a("10.96.0.1")])
    }

    func testPublishNotReadyAddresses() {
        let c = Cluster()
        c.mustCreate(
            .service(.headless(name: "web", selector: ["app": "web"], port: 8080, publishNotReadyAddresses: true)))
        let p = Probe(handler: .httpGet(path: "/", port: "8080", scheme: nil))
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 1, readinessProbe: p)))
        c.settle()
        c.setReadinessFailing("web-0", true)
        c.settle()
        XCTAssertFalse(c.pod("web-0")!.isReady)
        XCTAssertEqual(srvTargets(c), ["web-0.web.default.svc.cluster.local."])
    }
}

final class ViewsTests: XCTestCase {
    func testRuntimeViewAndEndpointSlices() {
        let c = Cluster()
        c.createWeb(replicas: 2)
        c.settle()
        let node = c.pod("web-0")!.spec.nodeName!
        let running = c.runtimePods(onNode: node)
        XCTAssertEqual(running.map(\.name), ["web-0"])
        XCTAssertEqual(running[0].podIP, c.pod("web-0")!.status.podIP)
        XCTAssertTrue(c.isLinkConnected(node: node))
        let slices = c.endpointSlices(forService: "web")
        XCTAssertEqual(slices.count, 1)
        XCTAssertEqual(slices[0].metadata.labels[EndpointSlice.serviceNameLabel], "web")
        XCTAssertEqual(slices[0].endpoints.map(\.hostname), ["web-0", "web-1"])
        XCTAssertTrue(slices[0].endpoints.allSatisfy { $0.conditions.ready == true })
        XCTAssertEqual(slices[0].ports.first?.port, 8080)
        // A terminating pod is at once not ready in its slice (12.4).
        _ = c.delete(.pod, "web-1")
        c.advance(by: .zero)
        let ep = c.endpointSlices(forService: "web")[0].endpoints.first { $0.hostname == "web-1" }
        XCTAssertEqual(ep?.conditions.terminating, true)
        XCTAssertEqual(ep?.conditions.ready, false)
    }

    func testWhyNamesTheSchedulerReason() {
        var config = ClusterConfig()
        config.workerCount = 0
        let c = Cluster(config: config)
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 2)))
        c.settle()
        let why = c.blockers(statefulSet: "web")
        XCTAssertEqual(
            why,
            [
                "web-1 waits: web-0 is not Ready (Pending) (OrderedReady)",
                "web-0 is Pending: 0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
            ])
        _ = c.createNode("node-1")
        c.settle()
        XCTAssertEqual(c.blockers(statefulSet: "web"), [])
        XCTAssertEqual(c.sts("web")?.status.readyReplicas, 2)
    }
}

final class ServiceLifecycleTests: XCTestCase {
    func testDeletingAServiceRemovesItsSlicesAndNames() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        XCTAssertEqual(c.list(EndpointSlice.self).count, 1)
        _ = c.delete(.service, "web")
        c.settle()
        XCTAssertEqual(c.list(EndpointSlice.self).count, 0)
        XCTAssertEqual(c.dnsQuery("web-0.web.default.svc.cluster.local", type: .a).status, .nxDomain)
        XCTAssertEqual(
            c.dnsQuery("10-244-1-2.default.pod.cluster.local", type: .a).answers.map(\.data), [.a("10.244.1.2")])
    }
}
