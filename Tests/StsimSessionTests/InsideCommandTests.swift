import Foundation
import StsimSession
import XCTest

/// proxy, curl, exec, logs and kubectl run as the session runs them: kubectl's and curl's texts.
final class InsideCommandTests: XCTestCase {
    private func run(_ script: String) -> (status: Int32, text: String) {
        let out = CapturedOutput()
        let status = Session(output: out).runScript(script, file: "t.sts")
        return (status, out.text)
    }

    private let kubia =
        "create svc headless kubia --selector app=kubia --port 80\ncreate sts kubia --image luksa/kubia-pet --replicas 1 --storage 1Mi\n"

    func testCurlNeedsTheProxy() {
        let r = run("curl localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.text, "curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server\n")
        XCTAssertEqual(run("curl -s localhost:8001/").text, "")
        XCTAssertEqual(run("curl http://kubia/").text, "curl: (6) Could not resolve host: kubia\n")
    }

    func testProxyStartsOnce() {
        let r = run("proxy\nproxy")
        XCTAssertTrue(r.text.hasPrefix("Starting to serve on 127.0.0.1:8001\n"))
        XCTAssertTrue(r.text.contains("listen tcp 127.0.0.1:8001: bind: address already in use"))
        XCTAssertEqual(r.status, 1)
    }

    func testExecReadsTheFilesAndSaysWhatItCannotSimulate() {
        // `create sts` mounts the claim where the book's app keeps its data, and declares its port.
        let r = run(
            kubia + "proxy\ncurl -d hi localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/\n"
                + "exec kubia-0 -- cat /var/data/kubia.txt\nexec kubia-0 -- cat /var/data/other.txt")
        XCTAssertTrue(r.text.contains("Data stored on pod kubia-0\nhi\n"), r.text)
        XCTAssertTrue(
            r.text.contains(
                "cat: /var/data/other.txt: No such file or directory\ncommand terminated with exit code 1\n"), r.text)
        // Outside the volumes is the image's filesystem under the container's own layer.
        let etc = run(kubia + "exec kubia-0 -- ls /etc")
        XCTAssertTrue(etc.text.contains("hostname\nhosts\nresolv.conf\n"), etc.text)
        let sh = run(kubia + "exec kubia-0 -- sh -c 'echo hi > /tmp/x; cat /tmp/x; chown root /tmp/x'")
        XCTAssertTrue(sh.text.contains("\nhi\n"), sh.text)
        XCTAssertTrue(
            sh.text.contains("error: stsim does not simulate chown; this container runs [, cat, chmod, cp, curl"),
            sh.text)
        XCTAssertTrue(run("exec nope -- ls").text.contains("pods \"nope\" not found"))
    }

    func testRunRemovesItsPod() {
        // BusyBox 1.29+ tries the search list only for a name without a dot: the full name.
        let r = run(
            kubia
                + "run -it lookup --image=busybox --rm --restart=Never -- nslookup kubia-0.kubia.default.svc.cluster.local\nget pods"
        )
        XCTAssertTrue(
            r.text.contains(
                "Address:\t10.96.0.10:53\n\nName:\tkubia-0.kubia.default.svc.cluster.local\nAddress: 10.244."), r.text)
        XCTAssertTrue(r.text.contains("pod \"lookup\" deleted\n"), r.text)
        XCTAssertFalse(r.text.hasSuffix("lookup") || r.text.contains("lookup   0/1     Completed"), r.text)
    }

    func testUndoTakesBackAPostAndSleepTakesVirtualTime() {
        let proxy = "localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/"
        let r = run(kubia + "proxy\ncurl -d a \(proxy)\nundo\ncurl \(proxy)\nexec kubia-0 -- sleep 2m\nclock")
        XCTAssertTrue(r.text.contains("undone: curl -d a \(proxy)\n"), r.text)
        XCTAssertTrue(
            r.text.hasSuffix(
                "Data stored on this pod: No data posted yet\n00:02:05 (2m5.5s since the cluster started)\n"), r.text)
    }

    func testCurlIncludeShowsTheStatusLineAndHeaders() {
        let r = run(kubia + "proxy\ncurl -i localhost:8001/api/v1/namespaces/default/pods/kubia-0/proxy/")
        XCTAssertTrue(
            r.text.hasSuffix(
                """
                HTTP/1.1 200 OK
                Content-Length: 63
                Content-Type: text/plain; charset=utf-8
                Date: Mon, 24 Nov 2025 19:20:05 GMT

                You've hit kubia-0
                Data stored on this pod: No data posted yet

                """), r.text)
    }

    func testBusyboxWget() {
        let r = run(kubia + "run -it b --image=busybox --rm --restart=Never -- wget -qO- http://kubia-0.kubia:8080/")
        XCTAssertTrue(r.text.contains("You've hit kubia-0\nData stored on this pod: No data posted yet\n"), r.text)
        let bad = run(kubia + "run -it c --image=busybox --restart=Never -- wget -q -O - kubia-9.kubia:8080")
        XCTAssertTrue(bad.text.contains("wget: bad address 'kubia-9.kubia'\n"), bad.text)
        XCTAssertTrue(bad.text.hasSuffix("pod default/c terminated (Error)\n"), bad.text)
    }
}
