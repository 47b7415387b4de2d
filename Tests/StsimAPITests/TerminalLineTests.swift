import XCTest

@testable import StsimAPI

/// The line discipline behind `kubectl exec -it`: what the terminal echoes and which lines the
/// shell gets, key by key.
final class TerminalLineTests: XCTestCase {
    func testKeysBecomeEchoedLines() {
        var t = TerminalLine()
        XCTAssertEqual(t.feed(Array("ls".utf8)), [.echo("ls")])
        XCTAssertEqual(t.feed([0x7f, 0x7f, 0x7f]), [.echo("\u{8} \u{8}\u{8} \u{8}")])
        XCTAssertEqual(t.feed(Array("pwd\r".utf8)), [.echo("pwd\r\n"), .line("pwd")])
        // A paste of two lines gives both.
        XCTAssertEqual(t.feed(Array("a\nb\r".utf8)), [.echo("a\r\n"), .line("a"), .echo("b\r\n"), .line("b")])
    }

    func testControlKeysAndEscapes() {
        var t = TerminalLine()
        // Arrow keys (ESC [ A) are dropped; Ctrl-U erases the line; é is one character to erase.
        XCTAssertEqual(t.feed(Array("x\u{1b}[Ay".utf8)), [.echo("xy")])
        XCTAssertEqual(t.feed([0x15]), [.echo("\u{8} \u{8}\u{8} \u{8}")])
        XCTAssertEqual(t.feed(Array("é".utf8) + [0x7f] + Array("e\r".utf8)), [.echo("é\u{8} \u{8}e\r\n"), .line("e")])
        XCTAssertEqual(t.feed(Array("sleep".utf8) + [0x03]), [.echo("sleep^C\r\n"), .interrupt])
        // Ctrl-D ends the input only on an empty line.
        XCTAssertEqual(t.feed(Array("q".utf8) + [0x04]), [.echo("q")])
        XCTAssertEqual(t.feed([0x15, 0x04]), [.echo("\u{8} \u{8}"), .endOfInput])
    }
}
