#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines of a file descriptor, read in fixed chunks so that memory stays bounded by the longest
/// line allowed, whatever the input (`stsim - < /dev/zero` included). A longer line is read
/// is reported, and reading stops there.
struct LineReader {
    enum Item: Equatable {
        case line(String)
        /// A line of more than the limit.
        case tooLong
    }

    private let fd: Int32
    /// Bytes of the longest line (`set max-line` may change it between lines).
    var limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes after `start` already searched for a newline (a long line is not searched again).
    private var scanned = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var atEnd = false
    /// Called when `read` was interrupted by a signal: true stops reading (SIGINT in a script).
    private let interrupted: () -> Bool

    init(fd: Int32, limit: Int, interrupted: @escaping () -> Bool) {
        self.fd = fd
        self.limit = limit
        self.interrupted = interrupted
    }

    /// The next line without its newline (a `\r` before it stays: the lexer takes it as a blank),
    /// or nil at the end of input. A line longer than the limit is reported as soon as it is,
    /// without reading the rest of it (`/dev/zero` has no end).
    mutating func next() -> Item? {
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: 10) {
                let bytes = buffer[start..<newline]
                start = newline + 1
                scanned = 0
                if bytes.count > limit { return .tooLong }
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            scanned = buffer.count - start
            if scanned > limit { return .tooLong }
            if atEnd {
                guard start < buffer.count else { return nil }
                let bytes = buffer[start...]
                start = buffer.count
                scanned = 0
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            fill()
        }
    }

    private mutating func fill() {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        if n > 0 { buffer.append(contentsOf: chunk[0..<n]) }
        if n == 0 { atEnd = true }
        if n < 0 && (errno != EINTR || interrupted()) { atEnd = true }
    }
}
