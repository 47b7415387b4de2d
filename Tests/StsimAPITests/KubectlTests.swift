import Foundation
import StsimTestSupport
import XCTest

/// The real kubectl against `stsim serve`: the issue's measure (create the web example, watch,
/// scale, delete a pod) and each output form, compared with what the prompt prints.
final class KubectlTests: XCTestCase {
    func testCreateThenTablesMatchThePrompt() throws {
        let k = try KubectlHarness()
        let created = try k.run("create", "-f", "examples/web.yaml")
        XCTAssertEqual(created.stdout, "service/nginx created\nstatefulset.apps/web created\n", created.stderr)
        let prompt = try StsimProcess.run(
            ["-c", "create -f examples/web.yaml; get pods; get sts; get pvc; get svc nginx -o wide"],
            in: StsimProcess.packageRoot)
        for args in [["get", "pods"], ["get", "sts"], ["get", "pvc"], ["get", "svc", "nginx", "-o", "wide"]] {
            let table = try k.run(args)
            XCTAssertEqual(table.status, 0, table.stderr)
            XCTAssertFalse(table.stdout.isEmpty)
            XCTAssertTrue(
                prompt.output.contains(table.stdout), "kubectl \(args):\n\(table.stdout)\nprompt:\n\(prompt.output)")
        }
        XCTAssertTrue(try k.run("get", "pods").stdout.contains("web-2   1/1     Running"))
    }

    func testOutputForms() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        XCTAssertEqual(try k.run("get", "pods", "-o", "name").stdout, "pod/web-0\npod/web-1\npod/web-2\n")
        let json = try k.run("get", "pod", "web-0", "-o", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["metadata"] as? [String: Any])?["name"] as? String, "web-0")
        XCTAssertTrue(try k.run("get", "sts", "web", "-o", "yaml").stdout.contains("serviceName: nginx"))
        let wide = try k.run("get", "pods", "-o", "wide").stdout
        XCTAssertTrue(wide.hasPrefix("NAME    READY   STATUS    RESTARTS   AGE   IP"), wide)
        let labelled = try k.run("get", "pods", "-l", "apps.kubernetes.io/pod-index=1", "-o", "name")
        XCTAssertEqual(labelled.stdout, "pod/web-1\n", labelled.stderr)
        let field = try k.run("get", "pods", "--field-selector", "metadata.name=web-2", "-o", "name")
        XCTAssertEqual(field.stdout, "pod/web-2\n", field.stderr)
        let all = try k.run("get", "all").stdout
        XCTAssertTrue(all.contains("statefulset.apps/web   3/3"), all)
        let missing = try k.run("get", "pod", "web-9")
        XCTAssertEqual(missing.stderr, "Error from server (NotFound): pods \"web-9\" not found\n")
    }

    func testScaleWatchAndDeleteAPodThatReturns() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        let (watch, out, _) = k.process(["get", "pods", "-w"])
        try watch.run()
        let scaled = try k.run("scale", "sts", "web", "--replicas=5")
        XCTAssertEqual(scaled.stdout, "statefulset.apps/web scaled\n", scaled.stderr)
        let deleted = try k.run("delete", "pod", "web-0")
        XCTAssertEqual(deleted.stdout, "pod \"web-0\" deleted\n", deleted.stderr)
        Thread.sleep(forTimeInterval: 1)
        watch.terminate()
        watch.waitUntilExit()
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map {
                $0.split(separator: " ", omittingEmptySubsequences: true).prefix(3).joined(separator: " ")
            }
        XCTAssertEqual(lines.first, "NAME READY STATUS")
        XCTAssertTrue(lines.contains("web-4 1/1 Running"), "\(lines)")
        let web0 = lines.filter { $0.hasPrefix("web-0 ") }
        XCTAssertEqual(web0.first, "web-0 1/1 Running")
        XCTAssertTrue(web0.contains("web-0 1/1 Terminating"), "\(web0)")
        XCTAssertEqual(web0.last, "web-0 1/1 Running", "\(web0)")
        XCTAssertEqual(try k.run("get", "pods", "-o", "name").stdout.split(separator: "\n").count, 5)
    }

    func testPatchesLogsAndEvents() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        let merge = try k.run("patch", "sts", "web", "--type", "merge", "-p", #"{"spec":{"replicas":2}}"#)
        XCTAssertEqual(merge.stdout, "statefulset.apps/web patched\n", merge.stderr)
        let json = try k.run(
            "patch", "sts", "web", "--type", "json", "-p", #"[{"op":"replace","path":"/spec/replicas","value":4}]"#)
        XCTAssertEqual(json.stdout, "statefulset.apps/web patched\n", json.stderr)
        let labels = try k.run("patch", "pod", "web-1", "-p", #"{"metadata":{"labels":{"tier":"front"}}}"#)
        XCTAssertEqual(labels.stdout, "pod/web-1 patched\n", labels.stderr)
        XCTAssertEqual(try k.run("get", "pods", "-l", "tier=front", "-o", "name").stdout, "pod/web-1\n")
        XCTAssertEqual(try k.run("get", "sts", "web", "-o", "jsonpath={.spec.replicas}").stdout, "4")
        let logs = try k.run("logs", "web-0")
        XCTAssertEqual(logs.status, 0, logs.stderr)
        let events = try k.run("get", "events")
        XCTAssertTrue(events.stdout.contains("SuccessfulCreate"), events.stdout + events.stderr)
    }

    func testTokenIsRequiredAndBadRequestsGetAStatus() throws {
        let k = try KubectlHarness()
        let text = try String(contentsOf: k.directory.appendingPathComponent("kubeconfig"), encoding: .utf8)
        let token = try k.token()
        let wrong = k.directory.appendingPathComponent("wrong")
        try text.replacingOccurrences(of: "/" + token, with: "/x" + token).write(
            to: wrong, atomically: true, encoding: .utf8)
        let denied = try k.run("--kubeconfig", wrong.path, "get", "pods")
        XCTAssertNotEqual(denied.status, 0)
        XCTAssertTrue(denied.stderr.contains("error: You must be logged in to the server"), denied.stderr)
        let bad = k.directory.appendingPathComponent("bad.json")
        try "{not json".write(to: bad, atomically: true, encoding: .utf8)
        // --raw paths replace the server URL's path, so they carry the token themselves.
        let raw = try k.run("create", "--raw", "/\(token)/api/v1/namespaces/default/pods", "-f", bad.path)
        XCTAssertNotEqual(raw.status, 0)
        XCTAssertTrue(raw.stderr.contains("Error from server (BadRequest)"), raw.stderr)
        let strict = k.directory.appendingPathComponent("typo.yaml")
        try "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  portz: []\n".write(
            to: strict, atomically: true, encoding: .utf8)
        let refused = try k.run("create", "-f", strict.path)
        XCTAssertTrue(refused.stderr.contains(#"unknown field "spec.portz""#), refused.stderr)
    }
}

extension KubectlTests {
    /// Not HTTP at all, and a body over the limit: each gets a Status, and the server goes on.
    func testMalformedAndOversizedRequestsGetAStatus() throws {
        let k = try KubectlHarness()
        let url = try k.serverURL()
        let text = try k.bash(
            "exec 3<>/dev/tcp/127.0.0.1/\(try k.port()); printf 'GARBAGE\\r\\n\\r\\n' >&3; timeout 5 cat <&3; "
                + "head -c 4000000 /dev/zero | curl -s -X POST --data-binary @- \(url)/api/v1/namespaces/default/pods")
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 400 Bad Request"), text)
        XCTAssertTrue(text.contains(#""reason":"BadRequest""#), text)
        XCTAssertTrue(text.contains(#""reason":"RequestEntityTooLarge","code":413"#), text)
        XCTAssertEqual(try k.run("get", "nodes", "-o", "name").status, 0)
    }
}

extension KubectlTests {
    /// A watch from a list's resourceVersion sees what happened after it, in order; one from
    /// before the history kept is told 410 Gone; both end at their timeoutSeconds.
    func testWatchFromAResourceVersion() throws {
        let k = try KubectlHarness()
        let token = try k.token()
        try k.run("create", "-f", "examples/web.yaml")
        let list = try k.run("get", "--raw", "/\(token)/apis/apps/v1/namespaces/default/statefulsets")
        let object = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let rv = try XCTUnwrap((object?["metadata"] as? [String: Any])?["resourceVersion"] as? String)
        try k.run("scale", "sts", "web", "--replicas=1")
        let watch = try k.run(
            "get", "--raw",
            "/\(token)/api/v1/namespaces/default/pods?watch=true&resourceVersion=\(rv)&timeoutSeconds=1&allowWatchBookmarks=true"
        )
        let types = watch.stdout.split(separator: "\n").compactMap { line -> String? in
            let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return event?["type"] as? String
        }
        XCTAssertEqual(types.filter { $0 == "DELETED" }.count, 2, watch.stdout)
        XCTAssertEqual(types.last, "BOOKMARK", watch.stdout)
        let old = try k.run(
            "get", "--raw", "/\(token)/api/v1/namespaces/default/pods?watch=true&resourceVersion=1&timeoutSeconds=1")
        XCTAssertTrue(old.stdout.hasPrefix(#"{"type":"ERROR","object":{"kind":"Status""#), old.stdout)
        XCTAssertTrue(old.stdout.contains(#""reason":"Expired","code":410"#), old.stdout)
    }
}
