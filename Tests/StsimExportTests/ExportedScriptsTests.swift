import Foundation
import StsimTestSupport
import XCTest

/// `stsim export` end to end: every example and transcript that parses becomes a script bash
/// accepts, and exported scenarios run with the real kubectl against `stsim serve`.
final class ExportedScriptsTests: XCTestCase {
    private var root: String { Repository.root }

    /// Runs a program to the end; stdout and stderr apart.
    private func run(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        let out = Pipe()
        // Standard error goes to a file: two pipes read one after the other could stall the child.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stsim-export-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        p.standardOutput = out
        p.standardError = try FileHandle(forWritingTo: errFile)
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return (p.terminationStatus, String(decoding: stdout, as: UTF8.self), stderr)
    }

    private func scripts() throws -> [String] {
        let fm = FileManager.default
        var paths = try fm.contentsOfDirectory(atPath: root + "/examples").filter { $0.hasSuffix(".sts") }
            .map { "examples/" + $0 }
        let transcripts = try XCTUnwrap(fm.enumerator(atPath: root + "/Tests/Transcripts"))
        for case let path as String in transcripts where path.hasSuffix(".sts") {
            paths.append("Tests/Transcripts/" + path)
        }
        return paths.sorted()
    }

    func testEveryScriptThatParsesExportsToABashScript() throws {
        let stsim = try StsimExecutable.path()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var exported = 0
        var refused = 0
        for path in try scripts() {
            let result = try run(stsim, ["export", path])
            guard result.status == 0 else {
                // Scripts that show stsim's parse errors cannot be exported: the error is located.
                XCTAssertEqual(result.status, 1, path)
                let located = try NSRegularExpression(
                    pattern: "^" + NSRegularExpression.escapedPattern(for: path) + ":[0-9]+:[0-9]+: error: ")
                XCTAssertNotNil(
                    located.firstMatch(
                        in: result.stderr, range: NSRange(result.stderr.startIndex..., in: result.stderr)),
                    "\(path): \(result.stderr)")
                XCTAssertFalse(path.hasPrefix("examples/"), "\(path) should export: \(result.stderr)")
                refused += 1
                continue
            }
            XCTAssertEqual(result.stderr, "", path)
            XCTAssertTrue(result.stdout.hasPrefix("#!/usr/bin/env bash\n# Exported by `stsim export \(path)`"), path)
            let file = folder.appendingPathComponent("run.sh")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            let check = try run("/bin/bash", ["-n", file.path])
            XCTAssertEqual(check.status, 0, "bash -n refuses the export of \(path): \(check.stderr)")
            exported += 1
        }
        XCTAssertGreaterThan(exported, 100, "exported \(exported), refused \(refused)")
    }

    func testAParseErrorExitsNonZeroWithItsLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("bad.sts").path
        try "get pods\nscale sts web --replicas\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try run(try StsimExecutable.path(), ["export", script])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(
            result.stderr.hasPrefix("\(script):2:15: error: flag --replicas N needs a value\n"), result.stderr)
    }

    /// The script's own functions, with a stand-in kubectl that answers from fixed text: checks
    /// that hold pass, the first that does not stops the script at its line with what it saw,
    /// a long tick is cut short aloud, a stsim-only command says it was skipped.
    func testTheScriptsChecksHoldOrStopItAtTheirLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let kubectl = folder.appendingPathComponent("kubectl")
        try """
        #!/usr/bin/env bash
        case "$*" in
          *readyReplicas*) printf 2/3 ;;
          *'-o name'*) printf 'pod/web-0\\npod/web-1\\n' ;;
          *phase*) printf Bound ;;
        esac
        """.write(to: kubectl, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: kubectl.path)
        let sts = folder.appendingPathComponent("t.sts")
        try
            "expect count pods == 2\nexpect count pods >= 1\nexpect pvc data-web-0 Bound\ntick 5m\nclock\nexpect sts web Ready\necho not reached\n"
            .write(to: sts, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("t.sh")
        try run(try StsimExecutable.path(), ["export", sts.path]).stdout.write(
            to: script, atomically: true, encoding: .utf8)
        let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try run(
            "/bin/bash", [script.path], environment: ["PATH": path, "STSIM_CHECK_TIMEOUT": "0", "STSIM_TICK_MAX": "0"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stdout,
            "\(sts.path):4: tick: sleeping 0s of 300s (STSIM_TICK_MAX)\n\(sts.path):5: skipped (stsim only): clock\n")
        XCTAssertEqual(result.stderr, "\(sts.path):6: expectation failed: statefulset web Ready (saw: 2/3)\n")
    }

    /// The real kubectl runs the exported quickstart against `stsim serve`: every command is one
    /// kubectl accepts, the settles and checks hold, and a check that cannot hold stops the script
    /// at its line. Skipped, saying why, where no kubectl exists.
    func testAnExportedScenarioRunsWithTheRealKubectlAgainstStsimServe() throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/kubectl" }
        guard (["/usr/bin/kubectl"] + path).contains(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("no kubectl binary on this machine (looked at /usr/bin/kubectl and PATH)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let kubeconfig = folder.appendingPathComponent("kubeconfig").path
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try StsimExecutable.path())
        server.arguments = ["serve", "--kubeconfig", kubeconfig]
        // What the server prints goes to a file: a pipe nobody reads would fill and stall it.
        let log = folder.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        server.standardOutput = try FileHandle(forWritingTo: log)
        server.standardError = server.standardOutput
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: kubeconfig) { usleep(100_000) }
        let environment = [
            "KUBECONFIG": kubeconfig, "HOME": folder.path, "STSIM_SETTLE_TIMEOUT": "30s", "STSIM_CHECK_TIMEOUT": "30",
            "STSIM_WATCH_SECONDS": "2",
        ]

        let exported = try run(try StsimExecutable.path(), ["export", "examples/quickstart.sts"])
        let script = folder.appendingPathComponent("quickstart.sh")
        try exported.stdout.write(to: script, atomically: true, encoding: .utf8)
        let result = try run("/bin/bash", [script.path], environment: environment)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("statefulset.apps/web created\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("examples/quickstart.sts: done\n"), result.stdout)

        // A command of each family that the loopback API serves, the shortcuts included.
        let families = folder.appendingPathComponent("families.sts")
        try Self.families.write(to: families, atomically: true, encoding: .utf8)
        let familiesScript = folder.appendingPathComponent("families.sh")
        try run(try StsimExecutable.path(), ["export", families.path]).stdout
            .write(to: familiesScript, atomically: true, encoding: .utf8)
        let ran = try run("/bin/bash", [familiesScript.path], environment: environment)
        XCTAssertEqual(ran.status, 0, ran.stdout + ran.stderr)
        for line in [
            "statefulset.apps/db created\n", "statefulset.apps/db patched\n", "pod/db-2 condition met\n",
            "pod/db-0 labeled\n", "configmap/conf created\n", "\(families.path):17: skipped (stsim only): clock\n",
            "pod \"db-1\" deleted\n", "\(families.path): done\n",
        ] {
            XCTAssertTrue(ran.stdout.contains(line), "\(line) in:\n\(ran.stdout)")
        }

        let failing = folder.appendingPathComponent("t.sts")
        try "expect pod web-1 Ready\nexpect pod web-7 Ready\n".write(to: failing, atomically: true, encoding: .utf8)
        let failingScript = folder.appendingPathComponent("t.sh")
        try run(try StsimExecutable.path(), ["export", failing.path]).stdout
            .write(to: failingScript, atomically: true, encoding: .utf8)
        var quick = environment
        quick["STSIM_CHECK_TIMEOUT"] = "1"
        let failed = try run("/bin/bash", [failingScript.path], environment: quick)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(
            failed.stderr,
            "\(failing.path):2: expectation failed: pod web-7 Ready (saw: Error from server (NotFound): pods \"web-7\" not found)\n"
        )
    }

    static let families = """
        create svc headless db --selector app=db --port 80
        create sts db --image nginx:1.27 --replicas 2 --storage 1Mi
        wait sts db ready
        expect count pods -l app=db == 2
        get pods -w --watch-only
        patch sts db --replicas 3
        wait pod db-2 Ready --timeout 60s
        expect pod db-2 Ready
        label pod db-0 tier=front
        get pods -l tier=front
        expect output contains "db-0"
        expect error delete pod nosuch
        create configmap conf --from-literal mode=prod
        expect count configmaps -l app=none == 0
        tick 1s
        settle
        clock
        rollout status sts db
        delete pod db-1
        wait pod db-1 Ready
        expect sts db Ready
        events --for pod/db-1

        """
}
