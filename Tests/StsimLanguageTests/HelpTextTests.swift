import XCTest

@testable import StsimLanguage

final class HelpTextTests: XCTestCase {
    let registry = CommandRegistry.standard

    func testCommandHelp() {
        XCTAssertEqual(
            HelpText.command(registry.spec(named: "tick")!),
            """
            tick: advance the clock, printing what happened

            Usage:
              tick DURATION

            Examples:
              tick 30s
              tick 500ms
              tick 5m
            """)
    }

    func testCommandHelpWithDetailsAndFlags() {
        XCTAssertEqual(
            HelpText.command(registry.spec(named: "scale")!),
            """
            scale: change the number of replicas of a StatefulSet or ReplicaSet

            Usage:
              scale sts NAME N
              scale sts NAME --replicas=N
              scale sts N

            `scale sts N` works when exactly one StatefulSet exists.

            Flags:
              --replicas N         the new number of replicas
              -n, --namespace NS   the namespace (default: the current one, see config set-context)

            Examples:
              scale sts web 3
              scale sts web --replicas=1
              kubectl scale sts kubia --replicas=3
            """)
    }

    /// rollout's usage lines come from each sub-command's declaration (flags included), and
    /// none of them is marked as still to come.
    func testRolloutHelp() {
        let text = HelpText.command(registry.spec(named: "rollout")!)
        XCTAssertTrue(text.hasPrefix("rollout: follow or steer a template update\n"), text)
        XCTAssertFalse(text.contains("Not yet available"), text)
        for line in [
            "  rollout status sts NAME [--revision N] [--timeout D] [--watch]\n",
            "  rollout history sts NAME [--revision N]\n", "  rollout undo sts NAME [--to-revision N]\n",
            "  rollout restart sts NAME\n", "  rollout pause sts NAME\n", "  rollout resume sts NAME\n",
        ] {
            XCTAssertTrue(text.contains(line), line)
        }
    }

    func testAliasesAndMultiLineExamples() {
        let heal = HelpText.command(registry.spec(named: "heal")!)
        XCTAssertTrue(
            heal.hasPrefix(
                "heal: give a partitioned node its link back\n"
                    + "Also: reconnect\n\nUsage:\n  heal NODE...\n"), heal)
        let apply = HelpText.command(registry.spec(named: "apply")!)
        XCTAssertTrue(
            apply.hasSuffix(
                "Examples:\n  apply -f web.yaml\n  apply <<EOF\n  apiVersion: v1\n  kind: Service\n"
                    + "  ...\n  EOF\n  apply -f web.yaml --dry-run=server -o yaml"), apply)
    }

    func testOverview() {
        let text = HelpText.overview()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(
            lines.first, "stsim: a simulated Kubernetes cluster, in virtual time, for learning StatefulSets.")
        XCTAssertEqual(
            lines.suffix(3),
            [
                "help COMMAND shows its usage and examples. A leading \"kubectl\" is accepted and ignored.",
                "help cluster describes the real clusters stsim can imitate (--cluster, reset --cluster).",
                "stsim export FILE.sts > run.sh writes a script's scenario as kubectl commands for a real cluster.",
            ])
        let headers = CommandGroup.allCases.map(\.rawValue)
        XCTAssertEqual(lines.filter { headers.contains($0) }, headers, "every group, in order")
        XCTAssertTrue(lines.contains("  scale          change the number of replicas of a StatefulSet or ReplicaSet"))
        XCTAssertTrue(
            lines.contains(
                "  heal           give a partitioned node its link back (also: reconnect)"))
        XCTAssertTrue(lines.contains("  quit           leave (Ctrl-D does too) (also: exit)"))
        for spec in registry.specs {
            XCTAssertEqual(lines.filter { $0.hasPrefix("  \(spec.name) ") }.count, 1, spec.name)
        }
    }

    func testEveryCommandHasHelp() {
        for spec in registry.specs {
            let text = HelpText.command(spec)
            XCTAssertTrue(text.hasPrefix("\(spec.name): \(spec.summary)"), spec.name)
            for usage in spec.usage { XCTAssertTrue(text.contains("\n  \(usage)\n"), "\(spec.name): \(usage)") }
            for flag in spec.flags { XCTAssertTrue(text.contains(flag.display), "\(spec.name): \(flag.long)") }
            XCTAssertEqual(text.contains("Not yet available"), spec.isPlanned, spec.name)
        }
    }

    func testPadding() {
        XCTAssertEqual("ab".padding(to: 5), "ab   ")
        XCTAssertEqual("abcde".padding(to: 5), "abcde ")
        XCTAssertEqual("abcdef".padding(to: 5), "abcdef ")
    }
}
