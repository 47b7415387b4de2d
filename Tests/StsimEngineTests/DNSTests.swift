import XCTest

@testable import StsimEngine

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
