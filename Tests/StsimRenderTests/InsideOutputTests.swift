import XCTest

@testable import StsimEngine
@testable import StsimRender

/// The texts of the API's Status body, nslookup and curl -v, byte for byte.
final class InsideOutputTests: XCTestCase {
    func testStatusJSONAsTheAPIServerPrettyPrintsIt() {
        XCTAssertEqual(
            StatusJSON.render(.notFound(.pod, "kubia-9")),
            """
            {
              "kind": "Status",
              "apiVersion": "v1",
              "metadata": {},
              "status": "Failure",
              "message": "pods \\"kubia-9\\" not found",
              "reason": "NotFound",
              "details": {
                "name": "kubia-9",
                "kind": "pods"
              },
              "code": 404
            }

            """)
        let unavailable = APIError(reason: .serviceUnavailable, message: "no endpoints available for service \"kubia\"")
        XCTAssertTrue(
            StatusJSON.render(unavailable).hasSuffix("\"reason\": \"ServiceUnavailable\",\n  \"code\": 503\n}\n"))
        XCTAssertEqual(StatusJSON.quote("a<b>&\"c\"\\"), "\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\\\\"")
    }

    func testNslookupAnswersAndNXDOMAIN() {
        let name = "kubia.default.svc.cluster.local."
        let answer = DNSAnswer(
            status: .noError, name: name,
            answers: [DNSRecord(name: name, ttl: 30, data: .a("10.244.1.2"))], additional: [])
        XCTAssertEqual(
            NslookupOutput.render(query: "kubia", answer: answer, flavour: .bind).text,
            """
            Server:\t\t10.96.0.10
            Address:\t10.96.0.10#53

            Name:\tkubia.default.svc.cluster.local
            Address: 10.244.1.2


            """)
        let nx = DNSAnswer(status: .nxDomain, name: "nope.", answers: [], additional: [])
        let (text, failed) = NslookupOutput.render(query: "nope", answer: nx, flavour: .busybox)
        XCTAssertTrue(failed)
        XCTAssertEqual(
            text, "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\n")
    }

    func testCurlVerboseLines() {
        XCTAssertEqual(
            CurlOutput.requestLines(
                method: "POST", host: "localhost", ip: "127.0.0.1", port: 8001, path: "/x",
                headers: [], body: "hi"),
            [
                "*   Trying 127.0.0.1:8001...", "* Connected to localhost (127.0.0.1) port 8001 (#0)",
                "> POST /x HTTP/1.1", "> Host: localhost:8001", "> User-Agent: curl/7.88.1", "> Accept: */*",
                "> Content-Length: 2", "> Content-Type: application/x-www-form-urlencoded", "> ",
            ])
        XCTAssertEqual(
            CurlOutput.responseLines(
                status: 301, reason: "Moved Permanently", contentType: "text/html; charset=utf-8",
                bodyLength: 5, date: "D", extra: ["Location: /p/"]),
            [
                "< HTTP/1.1 301 Moved Permanently", "< Content-Length: 5", "< Content-Type: text/html; charset=utf-8",
                "< Date: D", "< Location: /p/", "< ",
            ])
        XCTAssertEqual(CurlOutput.httpDate(.zero), "Mon, 24 Nov 2025 19:20:00 GMT")
    }
}
