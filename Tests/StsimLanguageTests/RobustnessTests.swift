import StsimEngine
import XCTest

@testable import StsimLanguage

/// Seeded random input from the language's own pieces: lexing, parsing and completing never
/// trap, and every diagnostic has a location inside the input.
final class RobustnessTests: XCTestCase {
    private struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    private static let pieces = [
        "get", "scale", "delete", "create", "apply", "wait", "expect", "let", "kubectl", "tick", "set", "dig", "help",
        "sts", "pod", "pods", "svc", "pv", "pvc", "node", "all", "web", "web-0", "3", "-1", "0", "count", "error",
        "dns", "output", "contains", "has", "on", "==", "=", "sts/web", "pod/", "/", "//", "-", "--", "-o", "-ojson",
        "-wA", "-wx", "--replicas", "--replicas=", "--replicas=2", "-f", "-l", "app=web", "--force", "--grace-period",
        "--wait=false", "--image", "nginx", "--selector", "--timeout", "1m30s", "99999999999999999999h", "Ready",
        "'", "\"", "'a b'", "\"x ${n}\"", "${n}", "${", "${1}", "\\", "\\\n", ";", "#", "# c", "\n", "\r\n", "\t",
        "for", "i", "in", "do", "done", "$i", "${i}", "$(seq 3)", "$(seq 1 ${n})", "$(", ")", "$(date)", "while",
        "<<EOF", "<<-EOF", "<<'EOF'", "<<", "EOF", "\tEOF", "kind: X", "ünï", "👍🏽", "e\u{301}", " ", " ", " ",
    ]

    func testRandomInputNeverTraps() {
        var g = Generator(state: 42)
        var commandsSeen = 0
        var errorsSeen = 0
        let completer = Completer(context: FakeCompletionContext())
        for _ in 0..<4000 {
            var source = ""
            for _ in 0..<(1 + g.next(12)) {
                source += Self.pieces[g.next(Self.pieces.count)]
                if g.next(3) > 0 { source += " " }
            }
            let lineCount = source.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
            for item in Lexer.lex(source, file: "fuzz") {
                switch item {
                case .error(let d, _):
                    errorsSeen += 1
                    XCTAssertNotNil(d.location, source)
                    if let l = d.location { XCTAssertTrue(l.line >= 1 && l.line <= lineCount, "\(l) in \(source)") }
                case .command(let c):
                    commandsSeen += 1
                    do {
                        _ = try Parser.parse(c, variables: ["n": "2"])
                    } catch {
                        errorsSeen += 1
                        XCTAssertNotNil(error.location, source)
                        XCTAssertFalse(error.message.isEmpty, source)
                    }
                case .loop(let loop):
                    commandsSeen += 1
                    do {
                        for c in try loop.commands(variables: ["n": "2"]) {
                            _ = try Parser.parse(c, variables: ["n": "2"])
                        }
                    } catch {
                        errorsSeen += 1
                        XCTAssertNotNil(error.location, source)
                    }
                }
            }
            for end in [source.count / 2, source.count] {
                _ = completer.complete(String(source.prefix(end)))
            }
        }
        XCTAssertGreaterThan(commandsSeen, 1000)
        XCTAssertGreaterThan(errorsSeen, 1000)
    }
}
