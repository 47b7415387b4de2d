import Foundation
import StsimTestSupport
import XCTest

/// The real kubectl's exec over the WebSocket channel protocol (v5.channel.k8s.io): what the
/// prompt's exec prints, standard error apart, the exit status from the closing Status, and
/// `-it` with a shell read line by line through a real terminal.
final class KubectlExecTests: XCTestCase {
    func testExecPrintsWhatThePromptPrints() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        let hostname = try k.run("exec", "web-0", "--", "hostname")
        XCTAssertEqual(hostname.stdout, "web-0\n", hostname.stderr)
        XCTAssertEqual(hostname.stderr, "")
        let prompt = try StsimProcess.run(
            [
                "-c",
                "create -f examples/web.yaml; exec web-0 -- hostname; exec web-0 -- sh -c 'echo hi > /tmp/x; cat /tmp/x'",
            ],
            in: StsimProcess.packageRoot)
        XCTAssertTrue(prompt.output.hasSuffix("\nweb-0\nhi\n"), prompt.output)

        let written = try k.run("exec", "web-0", "--", "sh", "-c", "echo hi > /tmp/x; cat /tmp/x")
        XCTAssertEqual(written.stdout, "hi\n", written.stderr)
        // The file stays in the container, as in the cluster the prompt sees.
        XCTAssertEqual(try k.run("exec", "web-0", "--", "cat", "/tmp/x").stdout, "hi\n")

        let failed = try k.run("exec", "web-0", "--", "sh", "-c", "echo out; echo oops >&2; exit 3")
        XCTAssertEqual(failed.stdout, "out\n")
        XCTAssertEqual(failed.stderr, "oops\ncommand terminated with exit code 3\n")
        XCTAssertEqual(failed.status, 3)

        let missing = try k.run("exec", "web-0", "-c", "sidecar", "--", "hostname")
        XCTAssertEqual(missing.stderr, "Error from server (BadRequest): container sidecar is not valid for pod web-0\n")
        XCTAssertEqual(missing.status, 1)
    }

    func testStandardInputReachesTheCommand() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        XCTAssertEqual(
            try k.run(["exec", "-i", "web-0", "--", "cat"], input: "hello\nworld\n").stdout, "hello\nworld\n")
        let script = try k.run(["exec", "-i", "web-0", "--", "sh"], input: "hostname\ncd /tmp && pwd\nexit 4\n")
        XCTAssertEqual(script.stdout, "web-0\n/tmp\n")
        XCTAssertEqual(script.stderr, "command terminated with exit code 4\n")
        XCTAssertEqual(script.status, 4)
        // -t without a terminal: kubectl says so and goes on without one, as on a real cluster.
        let noTTY = try k.run(["exec", "-it", "web-0", "--", "sh"], input: "hostname\n")
        XCTAssertEqual(noTTY.stdout, "web-0\n")
        XCTAssertEqual(noTTY.stderr, "Unable to use a TTY - input is not a terminal or the right kind of file\n")
    }

    /// `script` gives kubectl a terminal, so it asks for one (tty=true) and sends the keys raw.
    func testInteractiveShellThroughATerminal() throws {
        let k = try KubectlHarness()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("no /usr/bin/script (util-linux) to give kubectl a terminal")
        }
        try k.run("create", "-f", "examples/web.yaml")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "\(k.kubectl) exec -it web-0 -- sh", "/dev/null"]
        p.environment = k.environment
        let input = Pipe()
        let out = Pipe()
        p.standardInput = input
        p.standardOutput = out
        try p.run()
        let seen = SeenOutput()
        let handle = out.fileHandleForReading
        Thread.detachNewThread {
            while case let data = handle.availableData, !data.isEmpty { seen.append(data) }
            seen.append(nil)
        }
        // Keys as a person types them, each line once the shell's prompt shows (so kubectl has
        // made the terminal raw): a slip mended with Backspace, then Enter (CR).
        for (keys, prompts) in [("hostnamx\u{7f}e\r", 1), ("echo $((1+2)) > /tmp/y; cat /tmp/y\r", 2), ("exit 3\r", 3)]
        {
            let deadline = Date().addingTimeInterval(20)
            while seen.text.components(separatedBy: "# ").count <= prompts && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
            input.fileHandleForWriting.write(Data(keys.utf8))
        }
        p.waitUntilExit()
        while !seen.snapshot.1 { Thread.sleep(forTimeInterval: 0.05) }
        let text = seen.text
        XCTAssertTrue(text.hasPrefix("# hostnamx\u{8} \u{8}e"), text.debugDescription)
        XCTAssertTrue(text.contains("\nweb-0\r\n# echo $((1+2)) > /tmp/y; cat /tmp/y"), text.debugDescription)
        XCTAssertTrue(text.contains("\n3\r\n# exit 3"), text.debugDescription)
        XCTAssertTrue(text.hasSuffix("command terminated with exit code 3\r\n"), text.debugDescription)
        XCTAssertEqual(p.terminationStatus, 3)
    }

    /// Behind a cut link the kubelet cannot be dialled, and a crashed container cannot be
    /// entered: kubectl prints the refusals as the prompt does.
    func testRefusalsReadAsAtThePrompt() throws {
        let k = try KubectlHarness(script: "Tests/StsimAPITests/Scripts/exec-partitioned.sts")
        let exec = try k.run("exec", "web-0", "--", "hostname")
        XCTAssertEqual(exec.status, 1)
        let prompt = try StsimProcess.run(
            ["-c", "run Tests/StsimAPITests/Scripts/exec-partitioned.sts; exec web-0 -- hostname"],
            in: StsimProcess.packageRoot)
        XCTAssertTrue(exec.stderr.hasPrefix("Error from server: error dialing backend: dial tcp "), exec.stderr)
        XCTAssertTrue(prompt.output.hasSuffix(exec.stderr), "kubectl: \(exec.stderr)\nprompt:\n\(prompt.output)")

        try k.run("run", "crash", "--image=busybox:1.36", "--", "false")
        let crashed = try k.run("exec", "crash", "--", "hostname")
        XCTAssertEqual(crashed.stderr, "error: unable to upgrade connection: container not found (\"crash\")\n")
    }

    /// Older clients (and the Python client) speak v4.channel.k8s.io: the same frames, without
    /// v5's end-of-input message.
    func testTheV4ChannelProtocol() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        let upgrade = try upgradeRequest(
            k, query: "command=hostname&stdout=true", protocols: "v4.channel.k8s.io, base64.channel.k8s.io")
        let text = try k.bash(
            "exec 3<>/dev/tcp/127.0.0.1/\(try k.port()); printf '\(upgrade)' >&3; timeout 5 cat <&3 | od -An -tx1 -v | tr -d ' \\n'"
        )
        // The 101 names v4; then "web-0\n" on channel 1, the Success Status on 3, a normal close.
        let response = String(decoding: hexBytes(text), as: UTF8.self)
        XCTAssertTrue(response.contains("Sec-WebSocket-Protocol: v4.channel.k8s.io\r\n"), response)
        XCTAssertTrue(text.contains("82070177656" + "22d300a"), text)
        XCTAssertTrue(response.contains("\u{3}{\"metadata\":{},\"status\":\"Success\"}"), response)
        XCTAssertTrue(text.hasSuffix("880203e8"), text)
    }

    /// An exec's upgrade request for web-0, escaped for bash's printf.
    private func upgradeRequest(_ k: KubectlHarness, query: String, protocols: String) throws -> String {
        let path = "/\(try k.token())/api/v1/namespaces/default/pods/web-0/exec?\(query)"
        return "GET \(path) HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: Upgrade\\r\\nUpgrade: websocket\\r\\n"
            + "Sec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n"
            + "Sec-WebSocket-Protocol: \(protocols)\\r\\n\\r\\n"
    }

    private func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var i = hex.startIndex
        while let j = hex.index(i, offsetBy: 2, limitedBy: hex.endIndex), i < hex.endIndex {
            if let b = UInt8(hex[i..<j], radix: 16) { bytes.append(b) }
            i = j
        }
        return bytes
    }

    /// Frames that break the WebSocket protocol close that connection (1002), nothing else.
    func testMalformedFramesCloseOnlyTheirConnection() throws {
        let k = try KubectlHarness()
        try k.run("create", "-f", "examples/web.yaml")
        let upgrade = try upgradeRequest(k, query: "command=cat&stdin=true&stdout=true", protocols: "v5.channel.k8s.io")
        // An unmasked frame with a reserved opcode (0x3): a client must mask, and 0x3 means nothing.
        let text = try k.bash(
            "exec 3<>/dev/tcp/127.0.0.1/\(try k.port()); printf '\(upgrade)' >&3; sleep 0.5; printf '\\x83\\x02ab' >&3; "
                + "timeout 5 cat <&3 | od -An -tx1 -v | tr -d ' \\n'; echo; echo status=${PIPESTATUS[0]}")
        // "HTTP/1.1 101" in hex, then a close frame whose code is 1002 (protocol error).
        XCTAssertTrue(text.hasPrefix("485454502f312e3120313031"), text)
        XCTAssertTrue(text.contains("880203ea"), text)
        // The connection ended well before cat's timeout.
        XCTAssertTrue(text.contains("status=0"), text)
        XCTAssertEqual(try k.run("exec", "web-0", "--", "hostname").stdout, "web-0\n")
        // Without the token there is no upgrade: 401, as for any request.
        let anonymous = upgrade.replacingOccurrences(of: "GET /\(try k.token())/", with: "GET /")
        let refused = try k.bash(
            "exec 3<>/dev/tcp/127.0.0.1/\(try k.port()); printf '\(anonymous)' >&3; timeout 5 head -c 25 <&3")
        XCTAssertEqual(refused, "HTTP/1.1 401 Unauthorized")
    }
}
