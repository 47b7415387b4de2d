import StsimEngine
import StsimLanguage
import StsimRender

/// curl inside a pod (Debian bookworm's curl 7.88.1, the nginx image's): cluster DNS with the
/// pod's search list, then the pod network. `-s`/`-S`, `-f`, `-o FILE` (in the container's
/// files), `-d`/`--data-binary` (`@FILE` read from the container), `-X`, `-H`, `-L` (nginx
/// redirects a directory asked for without its slash), `-i` and `-v`.
struct CurlOptions {
    var method: String?
    var data: [String] = []
    var headers: [String] = []
    var silent = false
    var showError = false
    var fail = false
    var follow = false
    var include = false
    var verbose = false
    var output: String?
    var url: String?
    /// curl's warnings (a data file it could not read), printed before the rest; `-s` hides them.
    var warnings = ""

    /// The flags that take a value.
    static let valued: Set<String> = [
        "-X", "--request", "-d", "--data", "--data-binary", "--data-raw", "-H", "--header", "-o", "--output",
    ]

    /// The stderr text of an error, unless `-s` without `-S` hides it.
    func error(_ text: String) -> String { silent && !showError ? "" : text }
}

extension Session {
    func curlInside(_ call: ToolCall) throws -> ProcessResult {
        let files = ContainerFiles(cluster: cluster, pod: call.pod, container: call.container)
        func path(_ p: String) -> String { p.hasPrefix("/") ? p : (call.cwd == "/" ? "" : call.cwd) + "/" + p }
        var o = CurlOptions()
        let args = Array(call.argv.dropFirst())
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            if CurlOptions.valued.contains(a) {
                guard i < args.count else {
                    return ProcessResult(stderr: "curl: option \(a): requires parameter\n", exitCode: 2)
                }
                let value = args[i]
                i += 1
                switch a {
                case "-X", "--request": o.method = value
                case "-o", "--output": o.output = path(value)
                case "-H", "--header": o.headers.append(value)
                default:
                    guard value.hasPrefix("@"), a != "--data-raw" else {
                        o.data.append(value)
                        continue
                    }
                    guard case .success(var text) = files.read(path(String(value.dropFirst()))) else {
                        o.warnings +=
                            "Warning: Couldn't read data from file \"\(value.dropFirst())\", this makes an empty POST.\n"
                        o.data.append("")
                        continue
                    }
                    // -d strips the file's line ends; --data-binary keeps them.
                    if a != "--data-binary" { text = text.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" } }
                    o.data.append(text)
                }
                continue
            }
            guard a.hasPrefix("-"), a.count > 1 else {
                o.url = a
                continue
            }
            if let unknown = try switches(a, &o) {
                throw SessionError(
                    "stsim's curl inside a pod takes -s, -S, -f, -L, -i, -v, -o FILE, -X, -d, --data-binary and -H; not \(unknown)",
                    hint: "curl --help all in a real container lists the rest")
            }
        }
        var result = try curlRequest(o, call: call, files: files)
        if !o.warnings.isEmpty, !o.silent {
            result.chunks = [OutputChunk(text: o.warnings, isError: true)] + result.inOrder
            result.stderr = o.warnings + result.stderr
        }
        return result
    }

    /// Short switches combine (`-sSfL`); returns the first one stsim does not know.
    private func switches(_ word: String, _ o: inout CurlOptions) throws -> String? {
        let long = [
            "--silent": "s", "--show-error": "S", "--fail": "f", "--location": "L", "--include": "i", "--verbose": "v",
        ]
        let letters = word.hasPrefix("--") ? long[word].map { [Character($0)] } : Array(word.dropFirst())
        guard let letters else { return word }
        for letter in letters {
            switch letter {
            case "s": o.silent = true
            case "S": o.showError = true
            case "f": o.fail = true
            case "L": o.follow = true
            case "i": o.include = true
            case "v": o.verbose = true
            default: return "-\(letter)"
            }
        }
        return nil
    }

    /// The request, and with -L each redirect's target in turn (curl's limit is 50), as
    /// curl sends them: 301, 302 and 303 turn a POST into a GET.
    private func curlRequest(_ o: CurlOptions, call: ToolCall, files: ContainerFiles) throws -> ProcessResult {
        guard let urlText = o.url else { return ProcessResult(stderr: "curl: no URL specified!\n", exitCode: 2) }
        var url = CurlURL(urlText)
        var verb = (o.method ?? (o.data.isEmpty ? "GET" : "POST")).uppercased()
        var body = o.data.joined(separator: "&")
        var shown = CurlTranscript(verbose: o.verbose, include: o.include)
        for hop in 0...50 {
            switch send(url, verb, body, o, call: call, transcript: &shown) {
            case .failure(let e):
                return shown.result(curlFailure(e, url: url, o), code: e.curlCode)
            case .success(let response):
                if o.follow, [301, 302, 303, 307, 308].contains(response.status), let location = response.location {
                    guard hop < 50 else {
                        return shown.result(o.error("curl: (47) Maximum (50) redirects followed\n"), code: 47)
                    }
                    shown.redirect(to: location)
                    url = CurlURL(
                        location.hasPrefix("/") ? "\(url.scheme)://\(url.host):\(url.port)\(location)" : location)
                    if [301, 302, 303].contains(response.status), verb == "POST" { (verb, body) = ("GET", "") }
                    continue
                }
                return deliver(response, o, files: files, transcript: shown)
            }
        }
        return ProcessResult()
    }

    private func send(
        _ url: CurlURL, _ verb: String, _ body: String, _ o: CurlOptions, call: ToolCall,
        transcript: inout CurlTranscript
    ) -> Result<HTTPResponse, ConnectError> {
        let pod = call.pod
        let local = ["localhost", "127.0.0.1"].contains(url.host)
        let defaultPort = url.scheme == "https" ? 443 : 80
        // To localhost the client is the loopback.
        var request = HTTPRequest(
            method: verb, path: url.path, body: body, client: local ? "127.0.0.1" : pod.status.podIP ?? "",
            userAgent: "curl/\(CurlOutput.version)")
        request.host = url.port == defaultPort ? url.host : "\(url.host):\(url.port)"
        let host = local ? (pod.status.podIP ?? url.host) : url.host
        if o.verbose {
            let ip = local ? "127.0.0.1" : resolvedAddress(url.host, namespace: pod.metadata.namespace)
            transcript.request(
                CurlOutput.requestLines(
                    method: verb, host: url.host, ip: ip, port: url.port, path: url.path, headers: o.headers, body: body
                ),
                host: url.host, hostHeader: request.host ?? url.host)
        }
        let answer = cluster.httpRequest(
            request, host: host, port: url.port, namespace: pod.metadata.namespace, from: pod.spec.nodeName)
        if case .success(let response) = answer {
            transcript.response(response, date: CurlOutput.httpDate(cluster.now))
        }
        return answer
    }

    /// The address curl connects to, for -v's `Trying` line: the name's first A record.
    private func resolvedAddress(_ host: String, namespace: String) -> String {
        if Cluster.isIPv4Address(host) { return host }
        for record in cluster.dnsResolve(host, type: .a, namespace: namespace).answers {
            if case .a(let a) = record.data { return a }
        }
        return host
    }

    private func deliver(_ response: HTTPResponse, _ o: CurlOptions, files: ContainerFiles, transcript: CurlTranscript)
        -> ProcessResult
    {
        if o.fail, response.status >= 400 {
            return transcript.result(
                o.error("curl: (22) The requested URL returned error: \(response.status)\n"), code: 22)
        }
        guard let output = o.output else { return transcript.result(body: response.body) }
        // curl opens the file itself: a missing directory is its error 23.
        if files.write(output, response.body) != nil {
            let warning = o.silent ? "" : "Warning: Failed to open the file \(output): No such file or directory\n"
            return transcript.result(warning + o.error("curl: (23) Failure writing output to destination\n"), code: 23)
        }
        return transcript.result(o.silent ? "" : CurlOutput.progressMeter(bytes: response.body.utf8.count), code: 0)
    }

    private func curlFailure(_ e: ConnectError, url: CurlURL, _ o: CurlOptions) -> String {
        switch e {
        case .unknownHost: o.error("curl: (6) Could not resolve host: \(url.host)\n")
        // Linux gives up on a connect after 6 SYN retries: 1+2+4+8+16+32+64 s.
        case .timedOut:
            o.error(
                "curl: (28) Failed to connect to \(url.host) port \(url.port) after 127000 ms: Couldn't connect to server\n"
            )
        case .refused:
            o.error(
                "curl: (7) Failed to connect to \(url.host) port \(url.port) after 0 ms: Couldn't connect to server\n")
        }
    }
}

extension ConnectError {
    var curlCode: Int {
        switch self {
        case .unknownHost: 6
        case .timedOut: 28
        case .refused: 7
        }
    }
}
