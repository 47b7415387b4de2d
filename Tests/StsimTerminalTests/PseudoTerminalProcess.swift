import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program running in a pseudo-terminal, driven like a user at a keyboard: keystrokes go in
/// through the pty master, and everything the program draws is collected for matching. A pty
/// rather than pipes because the REPL only uses libedit (and Ctrl-C only becomes SIGINT) on a
/// real terminal; `forkpty` rather than tmux so a fresh machine needs nothing installed.
final class PseudoTerminalProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    private var exitStatus: Int32?

    /// Position in the output so far, to match only what is drawn after a keystroke.
    var mark: Int { output.count }

    init(
        executable: String, arguments: [String] = [], environment: [String: String], columns: UInt16 = 120,
        rows: UInt16 = 40
    ) throws {
        // Everything the child needs is allocated before fork: between fork and exec only
        // async-signal-safe calls are allowed (the test process has other threads).
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var master: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        let pid = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envpBuffer in
                let pid = forkpty(&master, nil, nil, &size)
                if pid == 0 {
                    execve(argvBuffer[0]!, argvBuffer.baseAddress!, envpBuffer.baseAddress!)
                    _exit(127)
                }
                return pid
            }
        }
        guard pid > 0 else { throw Failure(description: "forkpty failed: \(String(cString: strerror(errno)))") }
        self.pid = pid
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `keys` (text, control characters such as "\u{3}", escape sequences such as
    /// "\u{1b}[A").
    func send(_ keys: String) {
        var bytes = Array(keys.utf8)
        while !bytes.isEmpty {
            let written = write(master, bytes, bytes.count)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes.removeFirst(written)
        }
    }

    /// Everything drawn since `mark`, with terminal control sequences and carriage returns
    /// removed, so typed and completed text reads as the user sees it on one line.
    func text(since mark: Int = 0) -> String {
        Self.plainText(Array(output[min(mark, output.count)...]))
    }

    /// Reads until `condition` holds for the text drawn since `mark`, or fails after `timeout`
    /// seconds with what was seen.
    @discardableResult
    func waitFor(
        _ what: String, since mark: Int, timeout: Double = 30, until condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let seen = text(since: mark)
            if condition(seen) { return seen }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || !readAvailable(waitingUpTo: remaining) {
                if condition(text(since: mark)) { return text(since: mark) }
                throw Failure(description: "timed out waiting for \(what); the terminal showed:\n\(text(since: mark))")
            }
        }
    }

    /// Reads until `needle` appears after `mark`.
    @discardableResult
    func waitFor(_ needle: String, since mark: Int, timeout: Double = 30) throws -> String {
        try waitFor("\"\(needle)\"", since: mark, timeout: timeout) { $0.contains(needle) }
    }

    /// Waits until the program has put the terminal in raw (non-canonical) mode, which libedit
    /// does only while it reads a line. Keys sent before that are cooked by the terminal driver:
    /// a Ctrl-D sent just after the prompt is drawn, but before libedit switched modes, becomes
    /// an end-of-file marker in the canonical buffer and reaches libedit as a NUL byte.
    func waitForRawMode(timeout: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var settings = termios()
        // On a pty master, tcgetattr reports the slave side's settings: the program's.
        while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
            guard Date() < deadline, reap() == nil else {
                throw Failure(description: "the terminal never left canonical mode; it showed:\n\(text())")
            }
            _ = readAvailable(waitingUpTo: 0.01)
        }
    }

    /// Waits for the program to exit and returns its exit code (or 128 + signal).
    func waitForExit(timeout: Double = 30) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = reap() { return status }
            _ = readAvailable(waitingUpTo: 0.05)  // keeps the pty drained so the program cannot block on output
        }
        throw Failure(description: "the program did not exit within \(timeout)s; the terminal showed:\n\(text())")
    }

    /// Whether the program is still running (not exited, not killed by a signal).
    var isRunning: Bool { reap() == nil }

    private func reap() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        // WIFEXITED/WEXITSTATUS are C macros Swift does not import.
        let signal = status & 0x7f
        exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return exitStatus
    }

    /// Waits up to `seconds` for output and appends what arrived; false when nothing came
    /// (timeout, or the program closed the terminal).
    private func readAvailable(waitingUpTo seconds: Double) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, seconds * 1000)))
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }  // EIO once the program has exited
        output += buffer[..<count]
        return true
    }

    /// Drops escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL`, two-byte `ESC x`),
    /// carriage returns and bells.
    static func plainText(_ bytes: [UInt8]) -> String {
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x1b where index < bytes.count && bytes[index] == UInt8(ascii: "["):
                index += 1
                while index < bytes.count, !(0x40...0x7e).contains(bytes[index]) { index += 1 }
                index += 1
            case 0x1b where index < bytes.count && bytes[index] == UInt8(ascii: "]"):
                while index < bytes.count, bytes[index] != 0x07 { index += 1 }
                index += 1
            case 0x1b:
                index += 1
            case UInt8(ascii: "\r"), 0x07:
                continue
            default:
                kept.append(byte)
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
