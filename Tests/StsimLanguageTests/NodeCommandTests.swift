import StsimEngine
import StsimLanguage
import XCTest

final class NodeCommandTests: XCTestCase {
    func testTaintSpecs() {
        guard
            case .fault(.taint(let node, let t))? = parsed(
                "taint node node-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute")
        else {
            return XCTFail("taint")
        }
        XCTAssertEqual(node.text, "node-1")
        XCTAssertEqual(
            t,
            TaintText(
                key: "node.kubernetes.io/out-of-service", value: "nodeshutdown", effect: .noExecute, remove: false))
        guard case .fault(.taint(_, let r))? = parsed("taint node node-1 node.kubernetes.io/out-of-service-") else {
            return XCTFail("untaint")
        }
        XCTAssertEqual(r, TaintText(key: "node.kubernetes.io/out-of-service", value: nil, effect: nil, remove: true))
        guard case .fault(.taint(_, let k))? = parsed("taint nodes node-1 dedicated:NoSchedule-") else {
            return XCTFail("untaint")
        }
        XCTAssertEqual(k.effect, .noSchedule)
        XCTAssertEqual(
            parseError("taint node node-1 a=b:Sometimes")?.message,
            "invalid taint effect: Sometimes, unsupported taint effect")
        XCTAssertEqual(parseError("taint node node-1 a=b")?.message, "invalid taint spec: a=b, a taint needs an effect")
        XCTAssertEqual(parseError("taint pod web-0 a:NoSchedule")?.message, "taint works on nodes, not \"pod\"")
    }

    func testNodeCommands() {
        guard case .fault(.cordon(_, true))? = parsed("cordon node-1") else { return XCTFail("cordon") }
        guard case .fault(.cordon(_, false))? = parsed("uncordon node-1") else { return XCTFail("uncordon") }
        guard case .fault(.drain(let d))? = parsed("drain node-2 --ignore-daemonsets --delete-emptydir-data") else {
            return XCTFail("drain")
        }
        XCTAssertEqual(d.node.text, "node-2")
        XCTAssertFalse(d.force)
        XCTAssertNil(d.timeout)
        XCTAssertNil(d.gracePeriodSeconds)
        guard case .fault(.drain(let forced))? = parsed("drain node-2 --force --timeout 1m --grace-period 0") else {
            return XCTFail("drain --force")
        }
        XCTAssertTrue(forced.force)
        XCTAssertEqual(forced.timeout, .seconds(60))
        XCTAssertEqual(forced.gracePeriodSeconds, 0)
        guard case .fault(.drain(let unset))? = parsed("drain node-2 --grace-period -1 --timeout 0s") else {
            return XCTFail("drain --grace-period -1")
        }
        XCTAssertNil(unset.gracePeriodSeconds)
        XCTAssertNil(unset.timeout)
        guard case .fault(.crash)? = parsed("crash node-2"), case .fault(.boot)? = parsed("boot node-2") else {
            return XCTFail("crash/boot")
        }
        XCTAssertEqual(parseError("drain node-1 node-2")?.message, "drain: unexpected argument \"node-2\"")
    }
}
