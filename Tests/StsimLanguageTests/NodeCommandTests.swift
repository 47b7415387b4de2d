import StsimEngine
import StsimLanguage
import XCTest

final class NodeCommandTests: XCTestCase {
    func testTaintSpecs() {
        guard
            case .taint(let node, let t)? = parsed(
                "taint node node-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute")
        else {
            return XCTFail("taint")
        }
        XCTAssertEqual(node.text, "node-1")
        XCTAssertEqual(
            t,
            TaintText(
                key: "node.kubernetes.io/out-of-service", value: "nodeshutdown", effect: .noExecute, remove: false))
        guard case .taint(_, let r)? = parsed("taint node node-1 node.kubernetes.io/out-of-service-") else {
            return XCTFail("untaint")
        }
        XCTAssertEqual(r, TaintText(key: "node.kubernetes.io/out-of-service", value: nil, effect: nil, remove: true))
        guard case .taint(_, let k)? = parsed("taint nodes node-1 dedicated:NoSchedule-") else {
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
        XCTAssertEqual(parsed("cordon node-1").map { "\($0)" }?.hasPrefix("cordon("), true)
        guard case .cordon(_, false)? = parsed("uncordon node-1") else { return XCTFail("uncordon") }
        guard case .drain(let d)? = parsed("drain node-2 --ignore-daemonsets --delete-emptydir-data") else {
            return XCTFail("drain")
        }
        XCTAssertEqual(d.node.text, "node-2")
        XCTAssertFalse(d.force)
        XCTAssertNil(d.timeout)
        XCTAssertNil(d.gracePeriodSeconds)
        guard case .drain(let forced)? = parsed("drain node-2 --force --timeout 1m --grace-period 0") else {
            return XCTFail("drain --force")
        }
        XCTAssertTrue(forced.force)
        XCTAssertEqual(forced.timeout, .seconds(60))
        XCTAssertEqual(forced.gracePeriodSeconds, 0)
        guard case .drain(let unset)? = parsed("drain node-2 --grace-period -1 --timeout 0s") else {
            return XCTFail("drain --grace-period -1")
        }
        XCTAssertNil(unset.gracePeriodSeconds)
        XCTAssertNil(unset.timeout)
        guard case .crash? = parsed("crash node-2"), case .boot? = parsed("boot node-2") else {
            return XCTFail("crash/boot")
        }
        XCTAssertEqual(parseError("drain node-1 node-2")?.message, "drain: unexpected argument \"node-2\"")
    }
}
