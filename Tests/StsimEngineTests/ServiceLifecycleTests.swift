import XCTest

@testable import StsimEngine

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
