import Foundation
import StsimSession
import XCTest

/// Issue 17's findings about unbounded counts, each a located error naming the limit and how to
/// raise it, with the cluster left as it was before the command.
final class LimitsTests: XCTestCase {
    private func session(_ change: (inout SessionLimits) -> Void = { _ in }) -> (Session, CapturedOutput) {
        var options = Session.Options()
        change(&options.limits)
        let out = CapturedOutput()
        return (Session(options: options, output: out), out)
    }

    private func seconds(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    func testScalingToInt32MaxIsRefusedAtOnceAndChangesNothing() {
        let (s, out) = session()
        var status: Int32 = 0
        let took = seconds {
            status = s.runScript("create sts web --image nginx\nscale sts web 2147483647", file: "t.sts")
        }
        XCTAssertEqual(status, 1)
        XCTAssertLessThan(took, 5, "scale to 2147483647 grew memory until killed before the limit")
        XCTAssertTrue(
            out.text.contains(
                "t.sts:2:1: error: StatefulSet \"web\" asks for 2,147,483,647 replicas; stsim's limit is 100,000 per set"
            ),
            out.text)
        XCTAssertTrue(out.text.contains("hint: raise it with the flag: stsim --max-replicas N ..."), out.text)
        XCTAssertEqual(s.runScript("expect count pods == 1", file: "u.sts"), 0, out.text)
    }

    func testAManifestAskingForInt32MaxReplicasCreatesNothing() {
        let (s, out) = session()
        let script = """
            apply <<EOF
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: big}
            spec:
              replicas: 2147483647
              serviceName: big
              selector: {matchLabels: {app: big}}
              template:
                metadata: {labels: {app: big}}
                spec: {containers: [{name: c, image: nginx}]}
            EOF
            """
        XCTAssertEqual(s.runScript(script, file: "m.sts"), 1)
        XCTAssertTrue(out.text.contains("asks for 2,147,483,647 replicas; stsim's limit is 100,000 per set"), out.text)
        XCTAssertTrue(out.text.contains("hint: raise it with the flag: stsim --max-replicas N ..."), out.text)
        XCTAssertEqual(s.runScript("expect count pods == 0", file: "u.sts"), 0, out.text)
    }

    func testPodsAskedForByAllSetsTogetherAreBounded() {
        // The store's limit counts the cluster's own ten pods (CoreDNS, the control plane,
        // kube-proxy on each of the four nodes) too.
        let (s, out) = session { $0.objectsPerKind = 13 }
        XCTAssertEqual(s.runScript("create sts a --image nginx --replicas 3", file: "t.sts"), 0, out.text)
        XCTAssertEqual(s.runScript("create sts b --image nginx --replicas 11", file: "t.sts"), 1)
        XCTAssertTrue(
            out.text.contains(
                "StatefulSet \"b\" asks for 11 replicas, and with the 3 the other sets ask for that passes stsim's limit of 13 pods"
            ), out.text)
        XCTAssertTrue(out.text.contains("raise it with the flag: stsim --max-objects N ..."), out.text)
        XCTAssertEqual(s.runScript("expect count pods == 3\nscale sts a 2\nscale sts a 1", file: "u.sts"), 0, out.text)
    }

    func testDoublingAVariableStopsAtTheWordLimitBeforeBuildingIt() {
        let (s, out) = session { $0.wordBytes = 1024 }
        let script = "let x = 0123456789abcdef\n" + String(repeating: "let x = ${x}${x}\n", count: 27)
        XCTAssertEqual(s.runScript(script, file: "v.sts"), 1)
        XCTAssertTrue(
            out.text.contains("v.sts:8:9: error: this word would be 2,048 bytes, longer than stsim's limit of 1,024"),
            out.text)
        XCTAssertTrue(out.text.contains("hint: raise it with the flag: stsim --max-word BYTES ..."), out.text)
    }

    func testAllVariablesTogetherAreBounded() {
        let (s, out) = session { $0.wordBytes = 100 }
        let value = String(repeating: "v", count: 90)
        let script = (1...20).map { "let v\($0) = \(value)" }.joined(separator: "\n")
        XCTAssertEqual(s.runScript(script, file: "v.sts"), 1)
        XCTAssertTrue(out.text.contains("v.sts:18:1: error: the variables would hold"), out.text)
    }

    func testALongUnknownWordIsAnsweredQuickly() {
        let (s, out) = session()
        let word = String(repeating: "q", count: 200_000)
        var status: Int32 = 0
        // The suggestion search took 19 s on a 2 MB word (an edit-distance table per command name,
        // as long as the word): a tenth of that size still took minutes in a debug build.
        let took = seconds { status = s.runScript(word, file: "w.sts") }
        XCTAssertEqual(status, 1)
        XCTAssertLessThan(took, 5)
        XCTAssertTrue(out.text.contains("w.sts:1:1: error: unknown command"), String(out.text.prefix(200)))
    }

    func testEventsPerCommandStopTheScriptWithTheLimitNamed() {
        let (s, out) = session { $0.eventsPerCommand = 20 }
        XCTAssertEqual(s.runScript("create sts web --image nginx --replicas 10\nclock", file: "e.sts"), 1)
        XCTAssertTrue(
            out.text.contains(
                "e.sts:1:1: error: this command ran more than 20 events, stsim's limit per command in a script"),
            out.text)
        XCTAssertTrue(out.text.contains("hint: raise it with the flag: stsim --max-events N ..."), out.text)
        XCTAssertFalse(out.text.contains("since the cluster started"), "the script went on after the limit")
    }

    func testAScriptMayLowerALimitButNotRaiseIt() {
        let (s, out) = session()
        XCTAssertEqual(s.runScript("set max-replicas 3\ncreate sts web --image nginx --replicas 4", file: "s.sts"), 1)
        XCTAssertTrue(out.text.contains("max-replicas 3\n"), out.text)
        XCTAssertTrue(
            out.text.contains("s.sts:2:1: error: StatefulSet \"web\" asks for 4 replicas; stsim's limit is 3 per set"),
            out.text)
        XCTAssertEqual(s.runScript("set max-events 20,000,000", file: "r.sts"), 1)
        XCTAssertTrue(
            out.text.contains(
                "r.sts:1:1: error: a script may lower max-events, not raise it above the 10,000,000 stsim started with"),
            out.text)
        XCTAssertTrue(out.text.contains("hint: raise it with the flag: stsim --max-events 20000000 ..."), out.text)
    }
}
