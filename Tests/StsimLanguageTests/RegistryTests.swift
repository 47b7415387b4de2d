import StsimEngine
import XCTest

@testable import StsimLanguage

/// The declarations: every example parses, names are unique, and the spec's commands are all there.
final class RegistryTests: XCTestCase {
    let registry = CommandRegistry.standard

    /// Each example goes through `Lexer.lex` and `Parser.parse`, as typed at the prompt; a `let` in
    /// an example defines its variable for the examples after it (`let n = 3`, `scale sts web ${n}`).
    func testEveryExampleOfEveryCommandParses() {
        var variables: [String: String] = [:]
        var count = 0
        for spec in registry.specs.flatMap({ [$0] + $0.subcommands }) {
            XCTAssertFalse(spec.examples.isEmpty, "\(spec.name) has no example")
            for example in spec.examples {
                count += 1
                let items = Lexer.lex(example, file: "help \(spec.name)", shellLines: false)
                guard items.count == 1, case .command(let text) = items[0] else {
                    XCTFail("\(spec.name): example \"\(example)\" lexes to \(items)")
                    continue
                }
                let command: Command?
                do {
                    command = try Parser.parse(text, variables: variables)
                } catch {
                    XCTFail("\(spec.name): example \"\(example)\" fails: \(error.message) (\(error.hint ?? ""))")
                    continue
                }
                guard let command else {
                    XCTFail("\(spec.name): example \"\(example)\" parses to nothing")
                    continue
                }
                if case .define(let name, let value) = command { variables[name] = value }
                if let planned = spec.plannedWith {
                    XCTAssertEqual(command, .unavailable(name: spec.name, plannedWith: planned), example)
                } else if case .unavailable = command, !spec.isPlanned {
                    XCTFail("\(spec.name): example \"\(example)\" is unavailable, but the command is not planned")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(count, 80)
    }

    func testExamplesParseToTheirOwnCommand() throws {
        func parse(_ s: String) throws -> Command? {
            guard case .command(let c) = Lexer.lex(s, file: "x").first else { return nil }
            return try Parser.parse(c, variables: ["n": "3"])
        }
        for spec in registry.specs {
            for example in spec.examples {
                let words = example.split(separator: " ").map(String.init)
                let head = words.first == "kubectl" ? words[1] : words[0]
                if spec.name == "let" && head == "scale" { continue }
                XCTAssertTrue(
                    head == spec.name || spec.aliases.contains(head),
                    "\(spec.name): example \"\(example)\" is another command's")
            }
        }
        XCTAssertEqual(
            try parse("scale sts web ${n}"),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: Argument("web", at: at(1, 11, file: "x")),
                    replicas: 3, replicasLocation: at(1, 15, file: "x"))))
    }

    func testNamesAndAliasesAreUniqueAndFound() {
        let names = registry.allNames
        XCTAssertEqual(Set(names).count, names.count, "a name is declared twice: \(names)")
        for spec in registry.specs {
            XCTAssertEqual(registry.spec(named: spec.name)?.name, spec.name)
            for alias in spec.aliases { XCTAssertEqual(registry.spec(named: alias)?.name, spec.name, alias) }
        }
        XCTAssertEqual(registry.spec(named: "exit")?.name, "quit")
        XCTAssertEqual(registry.spec(named: "reconnect")?.name, "heal")
        XCTAssertNil(registry.spec(named: "kubectl"))
        XCTAssertNil(registry.spec(named: "Scale"))
        XCTAssertNil(registry.spec(named: ""))
    }

    /// Every command of command-language.md, "Commands (the minimum set)", is declared.
    func testTheLanguageSpecCommandsAreDeclared() {
        let expected = [
            "create", "apply", "delete", "get", "describe", "scale", "edit", "patch", "set", "rollout",
            "cordon", "uncordon", "drain", "partition", "heal", "reconnect", "crash", "boot", "kill",
            "break", "fix", "tick", "settle", "wait", "clock", "mode", "dig", "curl", "exec", "logs",
            "snapshot", "events", "timeline", "expect", "help", "history", "save", "load", "reset",
            "undo", "seed", "quit", "exit", "let", "run",
        ]
        for name in expected { XCTAssertNotNil(registry.spec(named: name), name) }
    }

    func testPlannedCommands() {
        let planned = registry.specs.filter(\.isPlanned).map(\.name)
        XCTAssertEqual(planned, [])
        let rollout = registry.spec(named: "rollout")?.subcommands.map(\.word)
        XCTAssertEqual(rollout, ["status", "history", "undo", "restart", "pause", "resume"])
    }

    func testDeclarationsAreConsistent() {
        for spec in registry.specs.flatMap({ [$0] + $0.subcommands }) {
            XCTAssertFalse(spec.usage.isEmpty, spec.name)
            for usage in spec.usage {
                XCTAssertTrue(usage.hasPrefix(spec.name + " ") || usage == spec.name, "\(spec.name): \(usage)")
            }
            XCTAssertFalse(spec.summary.isEmpty, spec.name)
            let longs = spec.flags.map(\.long)
            XCTAssertEqual(Set(longs).count, longs.count, "\(spec.name) declares a flag twice")
            let shorts = spec.flags.compactMap(\.short)
            XCTAssertEqual(Set(shorts).count, shorts.count, "\(spec.name) declares a short flag twice")
            for (index, source) in spec.positionals.enumerated() {
                if case .objectNames(let kindArgument) = source {
                    XCTAssertLessThan(kindArgument, index, "\(spec.name): names before their kind")
                }
            }
        }
    }

    func testFlagDisplay() {
        XCTAssertEqual(FlagSpec("replicas", value: "N", help: "").display, "--replicas N")
        XCTAssertEqual(FlagSpec("output", short: "o", value: "FORMAT", help: "").display, "-o, --output FORMAT")
        XCTAssertEqual(FlagSpec("force", help: "").display, "--force")
        XCTAssertEqual(FlagSpec("watch", short: "w", help: "").display, "-w, --watch")
    }

    func testShortFlagsFollowKubectl() {
        func short(_ command: String, _ letter: Character) -> String? {
            registry.spec(named: command)?.flag(short: letter)?.long
        }
        XCTAssertEqual(short("apply", "f"), "filename")
        XCTAssertEqual(short("create", "f"), "filename")
        XCTAssertEqual(short("delete", "f"), "filename")
        XCTAssertEqual(short("get", "o"), "output")
        XCTAssertEqual(short("get", "l"), "selector")
        XCTAssertEqual(short("get", "n"), "namespace")
        XCTAssertEqual(short("get", "w"), "watch")
        XCTAssertEqual(short("get", "A"), "all-namespaces")
        XCTAssertEqual(short("delete", "l"), "selector")
        XCTAssertEqual(registry.spec(named: "rollout")?.subcommand("status")?.flag(short: "w")?.long, "watch")
    }

    func testKindSpellings() {
        let spellings: [(String, ResourceKind)] = [
            ("pod", .pod), ("pods", .pod), ("po", .pod), ("statefulset", .statefulSet), ("sts", .statefulSet),
            ("replicaset", .replicaSet), ("rs", .replicaSet), ("persistentvolumeclaim", .persistentVolumeClaim),
            ("pvc", .persistentVolumeClaim), ("persistentvolume", .persistentVolume), ("pv", .persistentVolume),
            ("service", .service), ("svc", .service), ("node", .node), ("no", .node), ("endpoints", .endpoints),
            ("ep", .endpoints), ("event", .event), ("ev", .event), ("storageclass", .storageClass),
            ("sc", .storageClass), ("controllerrevision", .controllerRevision), ("StatefulSet", .statefulSet),
        ]
        for (word, kind) in spellings {
            guard case .get(let g) = parsed("get \(word)") else {
                XCTFail(word)
                continue
            }
            XCTAssertEqual(g.kinds, [kind], word)
        }
        XCTAssertTrue(ResourceKind.spellings.contains("sts"))
        XCTAssertTrue(ResourceKind.spellings.contains("persistentvolumeclaims"))
        XCTAssertEqual(ResourceKind.unknown("stss").message, "the server doesn't have a resource type \"stss\"")
        XCTAssertEqual(ResourceKind.unknown("stss").hint, "did you mean \"sts\"?")
    }
}
