import XCTest

@testable import StsimEngine
@testable import StsimRender

final class DigOutputTests: XCTestCase {
    let base = "nginx.default.svc.cluster.local."

    func srvAnswer() -> DNSAnswer {
        DNSAnswer(
            status: .noError, name: base,
            answers: [
                DNSRecord(name: base, ttl: 30, data: .srv(priority: 0, weight: 50, port: 80, target: "web-0.\(base)")),
                DNSRecord(name: base, ttl: 30, data: .srv(priority: 0, weight: 50, port: 80, target: "web-1.\(base)")),
            ],
            additional: [
                DNSRecord(name: "web-0.\(base)", ttl: 30, data: .a("10.244.1.3")),
                DNSRecord(name: "web-1.\(base)", ttl: 30, data: .a("10.244.2.4")),
            ])
    }

    /// The records of reference 10.3, with the separators real dig 9.18 writes: the cluster
    /// names are longer than 24 columns, so BIND's column layout puts single spaces where the
    /// reference shows tabs, and a tab only where a column is reachable again (`BINDColumns`).
    func testSRVSectionsAsInTheReference() {
        let out = DigOutput.render(
            query: "nginx.default.svc.cluster.local", type: .srv, answer: srvAnswer(), now: Fixtures.at(12))
        XCTAssertTrue(
            out.contains(
                """

                ;; ANSWER SECTION:
                nginx.default.svc.cluster.local. 30 IN\tSRV\t0 50 80 web-0.nginx.default.svc.cluster.local.
                nginx.default.svc.cluster.local. 30 IN\tSRV\t0 50 80 web-1.nginx.default.svc.cluster.local.

                ;; ADDITIONAL SECTION:
                web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.1.3
                web-1.nginx.default.svc.cluster.local. 30 IN A\t10.244.2.4

                """), out)
    }

    func testWholeOutputIsDeterministic() {
        let out = DigOutput.render(
            query: "nginx.default.svc.cluster.local", type: .srv, answer: srvAnswer(), now: Fixtures.at(12))
        let id = DigOutput.messageID(type: .srv, name: base)
        XCTAssertEqual(
            out,
            """

            ; <<>> DiG 9.18.33 <<>> SRV nginx.default.svc.cluster.local
            ;; global options: +cmd
            ;; Got answer:
            ;; WARNING: .local is reserved for Multicast DNS
            ;; You are currently testing what happens when an mDNS query is leaked to DNS
            ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \(id)
            ;; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 3
            ;; WARNING: recursion requested but not available

            ;; OPT PSEUDOSECTION:
            ; EDNS: version: 0, flags:; udp: 1232
            ; COOKIE: \(DigOutput.cookie(type: .srv, name: base)) (echoed)
            ;; QUESTION SECTION:
            ;nginx.default.svc.cluster.local. IN\tSRV

            ;; ANSWER SECTION:
            nginx.default.svc.cluster.local. 30 IN\tSRV\t0 50 80 web-0.nginx.default.svc.cluster.local.
            nginx.default.svc.cluster.local. 30 IN\tSRV\t0 50 80 web-1.nginx.default.svc.cluster.local.

            ;; ADDITIONAL SECTION:
            web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.1.3
            web-1.nginx.default.svc.cluster.local. 30 IN A\t10.244.2.4

            ;; Query time: 0 msec
            ;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
            ;; WHEN: Mon Nov 24 19:20:12 UTC 2025
            ;; MSG SIZE  rcvd: 354


            """)
        XCTAssertEqual(
            out,
            DigOutput.render(
                query: "nginx.default.svc.cluster.local", type: .srv, answer: srvAnswer(), now: Fixtures.at(12)))
        XCTAssertNotEqual(id, DigOutput.messageID(type: .a, name: base))
    }

    func testNXDomainCarriesTheZoneSOA() {
        let name = "web-2.\(base)"
        let out = DigOutput.render(
            query: name, type: .a, answer: DNSAnswer(status: .nxDomain, name: name, answers: [], additional: []),
            now: .zero)
        XCTAssertTrue(out.contains("status: NXDOMAIN"), out)
        XCTAssertTrue(out.contains("QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1"), out)
        XCTAssertTrue(
            out.contains(
                """
                ;; AUTHORITY SECTION:
                cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1764012000 7200 1800 86400 30
                """), out)
        XCTAssertFalse(out.contains("ANSWER SECTION"))
    }

    /// A short name resolved through the search list asks, and so shows, the full name.
    func testQuestionShowsTheNameThatWasAsked() {
        let out = DigOutput.render(query: "nginx", type: .srv, answer: srvAnswer(), now: .zero)
        XCTAssertTrue(out.contains("; <<>> DiG 9.18.33 <<>> SRV nginx\n"), out)
        XCTAssertTrue(out.contains(";; QUESTION SECTION:\n;nginx.default.svc.cluster.local. IN\tSRV\n"), out)
    }

    /// Short owners are tabbed out to column 24, and every later field sits on its column.
    func testShortOwnerPadding() {
        XCTAssertEqual(
            DigOutput.recordLine(DNSRecord(name: "a.b.", ttl: 30, data: .a("10.0.0.1"))),
            "a.b.\t\t\t30\tIN\tA\t10.0.0.1")
        XCTAssertEqual(
            DigOutput.recordLine(DNSRecord(name: "www.google.com.", ttl: 30, data: .a("1.2.3.4"))),
            "www.google.com.\t\t30\tIN\tA\t1.2.3.4")
    }
}

extension DigOutputTests {
    /// The question line starts with `;`, which BIND writes before it counts columns.
    func testQuestionLineColumns() {
        XCTAssertEqual(
            ";" + BINDColumns.line("www.google.com.", [("IN", 32), ("A", 40)]), ";www.google.com.\t\t\tIN\tA")
        XCTAssertEqual(
            BINDColumns.record("kubernetes.default.svc.cluster.local.", ttl: 30, type: "A", data: "10.96.0.1"),
            "kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1")
        // Lines from real transcripts (their tabs shown as spaces there).
        XCTAssertEqual(
            BINDColumns.record("nginx.default.svc.cluster.local.", ttl: 2, type: "A", data: "10.32.0.56"),
            "nginx.default.svc.cluster.local. 2 IN\tA\t10.32.0.56")
        XCTAssertEqual(
            BINDColumns.record("web-clusterip.default.svc.cluster.local.", ttl: 30, type: "A", data: "10.102.13.85"),
            "web-clusterip.default.svc.cluster.local. 30 IN A 10.102.13.85")
    }
}

extension DigOutputTests {
    /// A real transcript (dig against a cluster's CoreDNS) reports 119 bytes for this answer:
    /// CoreDNS does not compress names, and the OPT record carries the echoed cookie.
    func testMessageSizeMatchesARealReply() {
        let name = "nginx.default.svc.cluster.local."
        let answer = DNSAnswer(
            status: .noError, name: name, answers: [DNSRecord(name: name, ttl: 30, data: .a("10.32.0.56"))],
            additional: [])
        XCTAssertEqual(DigOutput.messageSize(qname: name, answer: answer, authority: false), 119)
        XCTAssertEqual(DigOutput.cookie(type: .a, name: name).count, 16)
    }
}
