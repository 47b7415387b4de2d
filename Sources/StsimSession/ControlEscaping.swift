import StsimRender

/// Control characters from scripts, files and pods' output are shown, never sent: a raw ESC or
/// BEL would let a script written by a stranger retitle or clear the learner's terminal. Newline,
/// tab and CR-LF pass; every other C0 or C1 control and DEL prints as `\x1b`. The only escape
/// sequences that pass are stsim's own colours (`Session.Paint`), and only with colour on.
enum ControlEscaping {
    private static let colours: [[Unicode.Scalar]] =
        (["\u{1b}[1;31m", "\u{1b}[1;33m", "\u{1b}[36m", "\u{1b}[0m"] + TimelineText.sequences)
        .map { Array($0.unicodeScalars) }

    /// Whether any byte may start a control character, scanned over the string's contiguous
    /// bytes (a listing of 100,000 pods is 700 MB of text passing through here).
    private static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 < 0x20 && $0 != 10 && $0 != 9 || $0 == 0x7f || $0 == 0xc2 }
        }
    }

    static func escaped(_ text: String, allowColour: Bool) -> String {
        guard needsEscaping(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if allowColour, s == "\u{1b}", let c = colours.first(where: { scalars[i...].starts(with: $0) }) {
                out.append(contentsOf: c)
                i += c.count
                continue
            }
            // A carriage return before a newline (HTTP bodies, Windows text) only ends the line;
            // alone it would let text overwrite what came before it.
            if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                out.append(s)
            } else if isControl(s) {
                out.append(contentsOf: "\\x\(hex(s.value))".unicodeScalars)
            } else {
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 10 && v != 9) || (0x7f...0x9f).contains(v)
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }
}
