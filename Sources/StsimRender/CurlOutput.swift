import StsimEngine

/// What `curl -v` prints on stderr around a request through kubectl proxy (curl 7.88, the
/// version Debian bookworm ships). The response headers are the ones Go's server adds to a
/// body without its own Content-Type (net/http sniffs one), in the sorted order Go writes them.
public enum CurlOutput {
    public static let version = "7.88.1"

    public static func requestLines(
        method: String, host: String, ip: String, port: Int, path: String,
        headers: [String], body: String
    ) -> [String] {
        var out = [
            "*   Trying \(ip):\(port)...", "* Connected to \(host) (\(ip)) port \(port) (#0)",
            "> \(method) \(path) HTTP/1.1", "> Host: \(host):\(port)", "> User-Agent: curl/\(version)", "> Accept: */*",
        ]
        out += headers.map { "> " + $0 }
        if !body.isEmpty || method == "POST" {
            out.append("> Content-Length: \(body.utf8.count)")
            if !headers.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
                out.append("> Content-Type: application/x-www-form-urlencoded")
            }
        }
        out.append("> ")
        return out
    }

    /// `extra`: further headers as `Name: value` (a redirect's Location), sorted in among Go's.
    public static func responseLines(
        status: Int, reason: String, contentType: String, bodyLength: Int, date: String, extra: [String] = []
    ) -> [String] {
        let headers = ["Content-Length: \(bodyLength)", "Content-Type: \(contentType)", "Date: \(date)"] + extra
        return ["< HTTP/1.1 \(status) \(reason)"]
            + headers.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "< " + $0 } + ["< "]
    }

    public static let closing = "* Connection #0 to host localhost left intact"

    /// `Mon, 24 Nov 2025 19:20:11 GMT` (HTTP's date form).
    public static func httpDate(_ t: VirtualTime, calendar: VirtualCalendar = .standard) -> String {
        calendar.rfc1123Z(t).replacingOccurrences(of: "+0000", with: "GMT")
    }
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}

extension CurlOutput {
    /// The progress meter curl writes on stderr when its output goes to a file and `-s` is not
    /// given: its last state, as the terminal shows it once the `\r` updates are done. Time is
    /// virtual and a pod's answer instant, so the speed is counted as over one millisecond.
    public static func progressMeter(bytes: Int) -> String {
        let speed = max5(bytes * 1000)
        let size = max5(bytes)
        return """
              % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                             Dload  Upload   Total   Spent    Left  Speed
            100 \(size)  100 \(size)    0     0  \(speed)      0 --:--:-- --:--:-- --:--:-- \(speed)

            """
    }

    /// curl's `max5data`: a count in five columns, in k, M, G when it would not fit.
    static func max5(_ n: Int) -> String {
        let text: String
        if n < 100_000 {
            text = String(n)
        } else if n < 10_000 * 1024 {
            text = "\(n / 1024)k"
        } else if n < 100 * 1024 * 1024 {
            let tenths = n * 10 / (1024 * 1024)
            text = "\(tenths / 10).\(tenths % 10)M"
        } else {
            text = "\(n / (1024 * 1024))M"
        }
        return String(repeating: " ", count: max(0, 5 - text.count)) + text
    }
}
