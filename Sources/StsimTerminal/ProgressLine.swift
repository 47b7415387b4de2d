#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One updating line on a terminal for work that takes a while: nothing for the first half
/// second (most runs end before), then redrawn at most ten times a second, and erased when the
/// work ends so the output that follows starts on a clean line. Only created when standard
/// output is a terminal; it owns the wall clock the simulation never reads.
public final class ProgressLine {
    private let fd: Int32
    private let width: Int
    private var started = 0.0
    private var lastDraw = 0.0
    private var drawn = false
    /// Wait this long before the first draw, then at least `interval` between draws.
    static let delay = 0.5
    static let interval = 0.1

    public init(fd: Int32 = 1, width: Int) {
        self.fd = fd
        self.width = width
    }

    public func begin() {
        started = Self.seconds()
        lastDraw = 0
        drawn = false
    }

    /// Seconds since `begin`.
    public var elapsed: Double { Self.seconds() - started }

    /// Whether it is time to draw (past the delay, and the interval since the last draw).
    public func due() -> Bool {
        let now = Self.seconds()
        return now - started >= Self.delay && now - lastDraw >= Self.interval
    }

    public func draw(_ text: String) {
        lastDraw = Self.seconds()
        drawn = true
        send("\r\u{1b}[K" + String(text.prefix(max(1, width - 1))))
    }

    public func end() {
        if drawn { send("\r\u{1b}[K") }
        drawn = false
    }

    private func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
