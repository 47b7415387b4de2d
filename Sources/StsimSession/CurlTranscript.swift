import StsimEngine
import StsimRender

/// What curl inside a pod shows of its exchanges: with -v each request and response on stderr
/// (`> `, `< `), with -i each response's status line and headers on stdout before the body, as
/// curl 7.88.1 prints them (with -L, every response on the way).
struct CurlTranscript {
    let verbose: Bool
    let include: Bool
    /// What was written so far, in order: -v's lines go to stderr as they happen, before the body.
    private var chunks: [OutputChunk] = []
    /// The host of the last request, which -v's closing line names.
    private var host = ""

    init(verbose: Bool, include: Bool) {
        self.verbose = verbose
        self.include = include
    }

    /// CurlOutput's request lines, with the Host header as curl sends it (no port when the
    /// scheme's own).
    mutating func request(_ lines: [String], host: String, hostHeader: String) {
        self.host = host
        err(lines.map { ($0.hasPrefix("> Host: ") ? "> Host: \(hostHeader)" : $0) + "\n" }.joined())
    }

    mutating func response(_ r: HTTPResponse, date: String) {
        let lines = Self.headerLines(r, date: date)
        if verbose { err(lines.map { "< " + $0 + "\n" }.joined()) }
        // curl writes the header's CRLF line ends; the terminal shows plain lines.
        if include { out(lines.map { $0 + "\n" }.joined()) }
    }

    mutating func redirect(to location: String) {
        guard verbose else { return }
        err("* Connection #0 to host \(host) left intact\n* Issue another request to this URL: '\(location)'\n")
    }

    /// The status line and headers in the order the server writes them: nginx's
    /// (ngx_http_header_filter_module), else Node's `http` (Date, Connection).
    static func headerLines(_ r: HTTPResponse, date: String) -> [String] {
        var lines = ["HTTP/1.1 \(r.status) \(r.reason)"]
        if let server = r.server {
            lines += ["Server: \(server)", "Date: \(date)"]
            if let type = r.contentType { lines.append("Content-Type: \(type)") }
            lines.append("Content-Length: \(r.body.utf8.count)")
            if let location = r.location { lines.append("Location: \(location)") }
            lines.append("Connection: keep-alive")
        } else {
            if let type = r.contentType { lines.append("Content-Type: \(type)") }
            lines += ["Date: \(date)", "Connection: keep-alive", "Content-Length: \(r.body.utf8.count)"]
        }
        return lines + [""]
    }

    private mutating func out(_ text: String) { chunks.append(OutputChunk(text: text, isError: false)) }
    private mutating func err(_ text: String) { chunks.append(OutputChunk(text: text, isError: true)) }

    /// The run's output: the body after any headers, and -v's closing line.
    func result(body: String) -> ProcessResult {
        var t = self
        t.out(body)
        if verbose { t.err("* Connection #0 to host \(host) left intact\n") }
        return t.finished(code: 0)
    }

    /// A run that ends with `message` on stderr (curl's error, or the progress meter) and `code`.
    func result(_ message: String, code: Int) -> ProcessResult {
        var t = self
        t.err(message)
        return t.finished(code: code)
    }

    private func finished(code: Int) -> ProcessResult {
        let written = chunks.filter { !$0.text.isEmpty }
        var r = ProcessResult(
            stdout: written.filter { !$0.isError }.map(\.text).joined(),
            stderr: written.filter(\.isError).map(\.text).joined(), exitCode: code)
        r.chunks = written
        return r
    }
}
