/// The line discipline of the terminal `kubectl exec -it POD -- sh` asks for: kubectl sends the
/// keys raw, and a pty in cooked mode echoes them, lets Backspace and Ctrl-U edit the line, hands
/// the shell whole lines, turns Ctrl-C into an interrupt and Ctrl-D on an empty line into the end
/// of input. Arrow keys and other escape sequences are dropped (no history or cursor moves).
struct TerminalLine {
    enum Event: Equatable {
        /// What the terminal shows as the keys arrive.
        case echo(String)
        case line(String)
        case interrupt
        case endOfInput
    }

    private var line: [UInt8] = []
    private enum Escape { case none, started, sequence }
    private var escape = Escape.none

    mutating func feed(_ bytes: [UInt8]) -> [Event] {
        var events: [Event] = []
        var echo: [UInt8] = []
        func flushEcho() {
            if !echo.isEmpty { events.append(.echo(String(decoding: echo, as: UTF8.self))) }
            echo = []
        }
        for byte in bytes {
            switch escape {
            case .started:
                escape = byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O") ? .sequence : .none
                continue
            case .sequence:
                if (0x40...0x7e).contains(byte) { escape = .none }
                continue
            case .none: break
            }
            switch byte {
            case 0x1b: escape = .started
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                echo += Array("\r\n".utf8)
                flushEcho()
                events.append(.line(String(decoding: line, as: UTF8.self)))
                line = []
            case 0x7f, 0x08:
                guard !line.isEmpty else { break }
                // One character, however many UTF-8 bytes it took.
                while let last = line.popLast(), (0x80...0xbf).contains(last), !line.isEmpty {}
                echo += Array("\u{8} \u{8}".utf8)
            case 0x15:
                let characters = String(decoding: line, as: UTF8.self).count
                echo += Array(String(repeating: "\u{8} \u{8}", count: characters).utf8)
                line = []
            case 0x03:
                echo += Array("^C\r\n".utf8)
                flushEcho()
                events.append(.interrupt)
                line = []
            case 0x04:
                guard line.isEmpty else { break }
                flushEcho()
                events.append(.endOfInput)
                return events
            case UInt8(ascii: "\t"), 0x20...0xff:
                line.append(byte)
                echo.append(byte)
            default: break
            }
        }
        flushEcho()
        return events
    }
}
