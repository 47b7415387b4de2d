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
        guard case .drain(let n, false)? = parsed("drain node-2 --ignore-daemonsets --delete-emptydir-data") else {
            return XCTFail("drain")
        }
        guard case .drain(_, true)? = parsed("drain node-2 --force") else { return XCTFail("drain --force") }
        XCTAssertEqual(n.text, "node-2")
        guard case .crash? = parsed("crash node-2"), case .boot? = parsed("boot node-2") else {
            return XCTFail("crash/boot")
        }
        XCTAssertEqual(parseError("drain node-1 node-2")?.message, "drain: unexpected argument \"node-2\"")
    }
}
