#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a session's text goes. Everything a command prints passes through here, so
/// `expect output contains` can look at the previous command's output, and tests can capture it.
public protocol OutputSink: AnyObject {
    func write(_ text: String, toStandardError: Bool)
}

/// The process's stdout and stderr, written unbuffered (plain `write(2)`) so that the two
/// interleave in the order they were written when a transcript captures both.
public final class StandardOutput: OutputSink {
    public init() {}

    public func write(_ text: String, toStandardError: Bool) {
        let fd: Int32 = toStandardError ? 2 : 1
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// Collects everything, for tests.
public final class CapturedOutput: OutputSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String, toStandardError: Bool) { self.text += text }
}

/// The session's printer: lines to stdout or stderr, remembering what the current command printed.
final class Printer {
    let sink: OutputSink
    private(set) var commandOutput = ""
    /// Whether stsim's own colour sequences may pass the control-character escaping.
    var allowColour = false
    /// While set, nothing reaches the sink and error lines are kept here instead: a lesson's
    /// setup and checks run quietly and show only their verdict.
    var quiet: [String]?

    init(sink: OutputSink) { self.sink = sink }

    func line(_ text: String) { emit(text + "\n", error: false) }
    func errorLine(_ text: String) { emit(text + "\n", error: true) }
    /// Text that already ends with its newline (or a block of lines).
    func block(_ text: String) {
        guard !text.isEmpty else { return }
        // By bytes: a CRLF ending is one Character, which hasSuffix("\n") would not see.
        let ends = text.utf8.last == UInt8(ascii: "\n")
        emit(ends ? text : text + "\n", error: false)
        lineEndAdded = !ends
    }

    /// True when the last output lacked its line end and stsim added one (`get --template`): a
    /// shell's `echo` after it would only have ended that line.
    private var lineEndAdded = false

    /// `echo WORDS`: its line, or nothing more when it only ends the line stsim already ended.
    func echo(_ text: String) {
        if text.isEmpty, lineEndAdded {
            lineEndAdded = false
            return
        }
        line(text)
    }

    /// Text as it is, with no newline added: a piece of a longer output.
    func piece(_ text: String) { emit(text, error: false) }

    func startCommand() { commandOutput = "" }

    /// What `expect output contains` may search is kept up to this many bytes: a listing of
    /// 50,000 pods streams hundreds of megabytes that memory should not hold twice.
    static let keptOutputBytes = 8 << 20

    /// Called before anything reaches the sink (a progress line clears itself).
    var beforeWrite: (() -> Void)?

    private func emit(_ text: String, error: Bool) {
        lineEndAdded = false
        if commandOutput.utf8.count < Printer.keptOutputBytes {
            commandOutput +=
                text.utf8.count <= Printer.keptOutputBytes
                ? text : String(decoding: text.utf8.prefix(Printer.keptOutputBytes), as: UTF8.self)
        }
        if quiet != nil {
            if error { quiet?.append(text) }
            return
        }
        beforeWrite?()
        sink.write(ControlEscaping.escaped(text, allowColour: allowColour), toStandardError: error)
    }
}
