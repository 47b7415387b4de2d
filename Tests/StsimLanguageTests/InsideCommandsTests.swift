import XCTest

@testable import StsimLanguage

/// curl, exec, logs, proxy and kubectl run as typed from the book.
final class InsideCommandsTests: XCTestCase {
    func testCurlTakesCurlsFlagsAnywhere() throws {
        guard
            case .curl(let c)? = parsed(
                "curl localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/ -X POST -d hello -d x -sv -H 'A: b'")
        else {
            return XCTFail("not curl")
        }
        XCTAssertEqual(c.url.text, "localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/")
        XCTAssertEqual(c.effectiveMethod, "POST")
        XCTAssertEqual(c.body, "hello&x")
        XCTAssertEqual(c.headers, ["A: b"])
        XCTAssertTrue(c.silent && c.verbose)
        guard case .curl(let d)? = parsed("curl -d 'data' localhost:8001/x") else { return XCTFail("not curl") }
        XCTAssertEqual(d.effectiveMethod, "POST")
    }

    func testExecKeepsTheCommandsOwnFlags() {
        guard
            case .exec(let pod, let container, let command)? = parsed(
                "exec -it kubia-0 -c kubia -- curl -s http://kubia/")
        else {
            return XCTFail("not exec")
        }
        XCTAssertEqual(pod.text, "kubia-0")
        XCTAssertEqual(container, "kubia")
        XCTAssertEqual(command.map(\.text), ["curl", "-s", "http://kubia/"])
        XCTAssertNotNil(parseError("exec kubia-0"))
    }

    func testKubectlRunAsTypedInTheBook() {
        guard
            case .runPod(let r)? = parsed(
                "kubectl run -it srvlookup --image=tutum/dnsutils --rm --restart=Never -- dig SRV kubia.default.svc.cluster.local"
            )
        else {
            return XCTFail("not run")
        }
        XCTAssertEqual(r.name.text, "srvlookup")
        XCTAssertEqual(r.image, "tutum/dnsutils")
        XCTAssertTrue(r.remove && r.attach)
        XCTAssertEqual(r.restart, "Never")
        XCTAssertEqual(r.command, ["dig", "SRV", "kubia.default.svc.cluster.local"])
        XCTAssertEqual(parsed("proxy"), .proxy(port: 8001))
        XCTAssertEqual(parsed("kubectl proxy &"), .proxy(port: 8001))
        XCTAssertEqual(parsed("proxy -p 8002"), .proxy(port: 8002))
        XCTAssertNotNil(parseError("run x --image=busybox --restart=Sometimes -- ls"))
    }
}
