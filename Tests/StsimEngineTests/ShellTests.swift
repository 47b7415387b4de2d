import XCTest

@testable import StsimEngine

/// The engine's exec entry point, as a probe would call it: `sh -c` scripts over the
/// container's files, with the image's tools and messages.
final class ShellTests: XCTestCase {
    private var slept: [VirtualDuration] = []

    private func web() throws -> (Cluster, Pod) {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        return (c, try XCTUnwrap(c.pod("web-0")))
    }

    private func sh(_ c: Cluster, _ pod: Pod, _ script: String) throws -> ProcessResult {
        let hooks = ShellHooks(sleep: { [unowned self] d in slept.append(d) })
        return try c.execInContainer(pod, argv: ["sh", "-c", script], hooks: hooks)
    }

    func testRedirectsPipesAndControlFlow() throws {
        let (c, pod) = try web()
        let r = try sh(
            c, pod,
            """
            echo "$(hostname)" > /tmp/name
            for i in 1 2 3; do echo "line $i" >> /tmp/name; done
            n=0; while [ $n -lt 2 ]; do n=$((n + 1)); done
            if grep -q 'line 2' /tmp/name && [ "$n" = 2 ]; then echo yes; else echo no; fi
            wc -l < /tmp/name; cat /tmp/name | head -n 1; tail -1 /tmp/name
            """)
        XCTAssertEqual(r.stdout, "yes\n4\nweb-0\nline 3\n")
        XCTAssertEqual(r.exitCode, 0)
    }

    func testFunctionsTakeArgumentsReturnAStatusAndTheExitTrapRunsLast() throws {
        let (c, pod) = try web()
        let r = try sh(
            c, pod,
            """
            greet() {
              echo "$# $1 $2"
              return 3
            }
            greet a b; echo "status $? args $#"
            save() { echo "in $1" > /tmp/f; }
            save file; cat /tmp/f
            trap 'echo bye' EXIT; trap; echo last
            trap x BOGUS
            """)
        XCTAssertEqual(r.stdout, "2 a b\nstatus 3 args 0\nin file\ntrap -- 'echo bye' EXIT\nlast\nbye\n")
        XCTAssertEqual(r.stderr, "sh: 1: trap: BOGUS: bad trap\n")
        XCTAssertEqual(
            try sh(c, pod, "f() echo hi").stderr, "sh: 1: Syntax error: \"echo\" unexpected (expecting \"{\")\n")
        XCTAssertThrowsError(try sh(c, pod, "f() { f; }; f"), "endless recursion stops in stsim's words") {
            XCTAssertEqual(
                ($0 as? ShellStopped)?.error as? ShellFailure,
                .unsupported("functions call each other at most 100 deep"))
        }
    }

    func testExitStatusAndQuotingAndErrorsInOrder() throws {
        let (c, pod) = try web()
        let r = try sh(c, pod, "x='a  b'; echo $x \"$x\"; cat /nope; echo \"status $?\"; nosuch || exit 4; echo never")
        XCTAssertEqual(r.stdout, "a b a  b\nstatus 1\n")
        XCTAssertEqual(
            r.inOrder.map(\.text),
            ["a b a  b\n", "cat: /nope: No such file or directory\n", "status 1\n", "sh: 1: nosuch: not found\n"])
        XCTAssertEqual(r.exitCode, 4)
    }

    func testTheWritableLayerHidesAnImageFileAndIsLostOnRestart() throws {
        let (c, pod) = try web()
        let index = "/usr/share/nginx/html/index.html"
        XCTAssertTrue(try sh(c, pod, "cat \(index)").stdout.contains("Welcome to nginx!"))
        XCTAssertEqual(try sh(c, pod, "rm \(index); ls /usr/share/nginx/html; test -e \(index)").exitCode, 1)
        XCTAssertEqual(try sh(c, pod, "mkdir -p /tmp/a/b && touch /tmp/a/b/f && ls /tmp/a/b").stdout, "f\n")
        _ = c.killContainer(pod: "web-0", exitCode: 1)
        c.settle()
        let restarted = try XCTUnwrap(c.pod("web-0"))
        XCTAssertTrue(try sh(c, restarted, "cat \(index)").stdout.contains("Welcome to nginx!"))
        XCTAssertEqual(try sh(c, restarted, "ls /tmp").stdout, "")
    }

    func testSleepIsLentAndProbesGetNoNetworkTools() throws {
        let (c, pod) = try web()
        XCTAssertEqual(try sh(c, pod, "sleep 1.5; sleep 2m").exitCode, 0)
        XCTAssertEqual(slept, [.milliseconds(1500), .seconds(120)])
        XCTAssertThrowsError(try sh(c, pod, "curl -s localhost"))
        XCTAssertThrowsError(try sh(c, pod, "chown root /tmp")) { e in
            XCTAssertEqual((e as? ShellStopped)?.error as? ShellFailure, .notSimulated("chown"))
        }
    }

    func testImagesDecideWhichToolsExist() throws {
        let (c, pod) = try web()
        var distroless = pod
        distroless.spec.containers[0].image = "gcr.io/distroless/static:nonroot"
        let r = try c.execInContainer(distroless, argv: ["sh"], hooks: ShellHooks(sleep: { _ in }))
        XCTAssertEqual(r.exitCode, 126)
        XCTAssertEqual(
            r.stderr,
            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"sh\": executable file not found in $PATH: unknown\n"
        )
        XCTAssertEqual(try sh(c, pod, "ps").stderr, "sh: 1: ps: not found\n")
        var busybox = pod
        busybox.spec.containers[0].image = "busybox:1.36"
        XCTAssertEqual(try sh(c, busybox, "nosuch").stderr, "sh: nosuch: not found\n")
    }

    func testNginxServesItsDocrootAndLogsEachRequest() throws {
        let (c, pod) = try web()
        let port = pod.spec.containers[0].ports.first?.containerPort ?? 80
        let ip = try XCTUnwrap(pod.status.podIP)
        let get = { (path: String) in
            c.httpRequest(HTTPRequest(path: path, client: "10.244.9.9"), host: ip, port: port, namespace: "default")
        }
        XCTAssertEqual(try get("/").get().body.utf8.count, 615)
        XCTAssertEqual(try get("/missing").get().status, 404)
        _ = try sh(c, pod, "rm /usr/share/nginx/html/index.html")
        XCTAssertEqual(try get("/").get().status, 403)
        XCTAssertEqual(
            c.logs(of: pod)?.last,
            "10.244.9.9 - - [24/Nov/2025:19:20:\(WallClock(c.now).two(WallClock(c.now).second)) +0000] \"GET / HTTP/1.1\" 403 153 \"-\" \"-\" \"-\""
        )
    }
}
