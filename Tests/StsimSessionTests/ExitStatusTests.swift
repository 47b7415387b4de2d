import Foundation
import StsimTestSupport
import XCTest

/// The executable's contract of command-language.md, "Running": exit 0 when every command and
/// `expect` held, 1 on an error or failed expectation, 2 on a usage error.
final class ExitStatusTests: XCTestCase {
    func testAGoodScriptExitsZero() throws {
        let r = try StsimProcess.run(["-c", "create sts web --image nginx --replicas 2; expect pod web-1 Ready"])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.output.contains("statefulset.apps/web created"), r.output)
    }

    func testAnUnknownCommandIsALocatedErrorWithASuggestion() throws {
        let r = try StsimProcess.run(["-c", "scael sts web 3"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.output,
            """
            <command-line>:1:1: error: unknown command "scael"
              scael sts web 3
              ^
              hint: did you mean "scale"?

            """)
    }

    func testAFailedExpectationExitsOneAndStopsTheScript() throws {
        let r = try StsimProcess.run(["-c", "expect count pods == 1; clock"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.output, "<command-line>:1:1: expectation failed: there are 0 pods, expected == 1\n")
    }

    /// Each failure of `-c 'a; b; c'` is located at its own command, not at the line's start.
    func testEveryFailureOnOneLineHasItsOwnColumn() throws {
        let r = try StsimProcess.run(["--keep-going", "-c", "expect count pods == 1; clock; expect count pvc > 0"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.output.hasPrefix("<command-line>:1:1: expectation failed: there are 0 pods, expected == 1\n"), r.output)
        XCTAssertTrue(
            r.output.hasSuffix(
                "<command-line>:1:32: expectation failed: there are 0 persistentvolumeclaims, expected > 0\n"),
            r.output)
    }

    func testKeepGoingRunsEverythingButStillExitsOne() throws {
        let r = try StsimProcess.run(["--keep-going", "-c", "bogus; clock"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.output.hasSuffix("00:00:00 (0s since the cluster started)\n"), r.output)
    }

    func testAnUnknownFlagIsAUsageError() throws {
        let r = try StsimProcess.run(["--bogus"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.output.contains("Unknown option '--bogus'"), r.output)
    }

    func testAMissingScriptIsAUsageError() throws {
        let r = try StsimProcess.run(["no-such-script.sts"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.output, "stsim: cannot read the script \"no-such-script.sts\"\n")
    }

    func testStandardInputIsAScriptWithoutAPrompt() throws {
        let r = try StsimProcess.run(["-"], input: "help\n")
        XCTAssertEqual(r.status, 0)
        for command in ["create", "scale", "partition", "dig", "expect", "quit"] {
            XCTAssertTrue(r.output.contains("\n  \(command) "), "help does not list \(command)")
        }
        XCTAssertFalse(r.output.contains("stsim 00:00:00>"), "a prompt appeared without a terminal")
    }

    func testScriptArgumentsDefineVariables() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-args-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "#!/usr/bin/env stsim\ncreate sts web --image nginx --replicas ${n}\nexpect count pods == ${n}\n"
            .write(to: dir.appendingPathComponent("s.sts"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try StsimProcess.run(["s.sts", "n=2"], in: dir.path).status, 0)
        let bad = try StsimProcess.run(["s.sts", "2"], in: dir.path)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.output, "stsim: script arguments are NAME=VALUE, not \"2\"\n")
    }

    func testTheSameSeedGivesTheSameRandomNames() throws {
        let script =
            "create -f -  <<EOF\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: rs\n  template:\n    metadata:\n      labels:\n        app: rs\n    spec:\n      containers:\n      - name: c\n        image: nginx\nEOF\nget pods -o name\n"
        let a = try StsimProcess.run(["--seed", "7", "-"], input: script)
        let b = try StsimProcess.run(["--seed", "7", "-"], input: script)
        let c = try StsimProcess.run(["--seed", "8", "-"], input: script)
        XCTAssertEqual(a.status, 0, a.output)
        XCTAssertEqual(a.output, b.output)
        XCTAssertNotEqual(a.output, c.output)
    }

    func testFeatureGatesFlagKeepsMaxUnavailableAndRefusesUnknownGates() throws {
        let script = """
            create sts web --image nginx --replicas 3
            patch sts web --type merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":2}}}}'
            get sts web -o jsonpath='{.spec.updateStrategy.rollingUpdate.maxUnavailable}'

            """
        let on = try StsimProcess.run(["--feature-gates", "MaxUnavailableStatefulSet=true", "-"], input: script)
        XCTAssertEqual(on.status, 0, on.output)
        XCTAssertTrue(on.output.hasSuffix("statefulset.apps/web patched\n2\n"), on.output)
        let off = try StsimProcess.run(["-"], input: script)
        XCTAssertTrue(off.output.hasSuffix("statefulset.apps/web patched (no change)\n"), off.output)
        let bad = try StsimProcess.run(["--feature-gates", "MaxUnavailable=true", "-"], input: script)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(
            bad.output.hasPrefix(
                "stsim: Error: --feature-gates: unrecognized feature gate: MaxUnavailable (stsim models only MaxUnavailableStatefulSet (Kubernetes 1.32))"
            ), bad.output)
    }
}
