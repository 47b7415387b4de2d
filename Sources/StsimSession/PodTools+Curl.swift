import StsimEngine
import StsimLanguage
import StsimRender

/// curl inside a pod (Debian bookworm's curl 7.88.1, the nginx image's): cluster DNS with the
/// pod's search list, then the pod network. `-s`/`-S`, `-f`, `-o FILE` (in the container's
/// files), `-d`/`--data-binary` (`@FILE` read from the container), `-X`, `-H`, and `-L` (no app
/// stsim simulates answers with a redirect, so there is nothing to follow).
struct CurlOptions {
    var method: String?
    var data: [String] = []
    var silent = false
    var showError = false
    var fail = false
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
                case "-H", "--header": break
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
                    "stsim's curl inside a pod takes -s, -S, -f, -L, -o FILE, -X, -d, --data-binary and -H; not \(unknown)",
                    hint: "-i and -v (the response's headers) work with the curl command outside the pods")
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
        let long = ["--silent": "s", "--show-error": "S", "--fail": "f", "--location": "L"]
        let letters = word.hasPrefix("--") ? long[word].map { [Character($0)] } : Array(word.dropFirst())
        guard let letters else { return word }
        for letter in letters {
            switch letter {
            case "s": o.silent = true
            case "S": o.showError = true
            case "f": o.fail = true
            case "L": break
            default: return "-\(letter)"
            }
        }
        return nil
    }

    private func curlRequest(_ o: CurlOptions, call: ToolCall, files: ContainerFiles) throws -> ProcessResult {
        let pod = call.pod
        guard let urlText = o.url else { return ProcessResult(stderr: "curl: no URL specified!\n", exitCode: 2) }
        let url = CurlURL(urlText)
        let verb = o.method ?? (o.data.isEmpty ? "GET" : "POST")
        let local = ["localhost", "127.0.0.1"].contains(url.host)
        // To localhost the client is the loopback.
        let request = HTTPRequest(
            method: verb.uppercased(), path: url.path, body: o.data.joined(separator: "&"),
            client: local ? "127.0.0.1" : pod.status.podIP ?? "", userAgent: "curl/\(CurlOutput.version)")
        let host = local ? (pod.status.podIP ?? url.host) : url.host
        switch cluster.httpRequest(
            request, host: host, port: url.port, namespace: pod.metadata.namespace, from: pod.spec.nodeName)
        {
        case .success(let response):
            if o.fail, response.status >= 400 {
                return ProcessResult(
                    stderr: o.error("curl: (22) The requested URL returned error: \(response.status)\n"), exitCode: 22)
            }
            guard let output = o.output else { return ProcessResult(stdout: response.body) }
            // curl opens the file itself: a missing directory is its error 23.
            if files.write(output, response.body) != nil {
                let warning = o.silent ? "" : "Warning: Failed to open the file \(output): No such file or directory\n"
                return ProcessResult(
                    stderr: warning + o.error("curl: (23) Failure writing output to destination\n"), exitCode: 23)
            }
            return ProcessResult(stderr: o.silent ? "" : CurlOutput.progressMeter(bytes: response.body.utf8.count))
        case .failure(.unknownHost):
            return ProcessResult(stderr: o.error("curl: (6) Could not resolve host: \(url.host)\n"), exitCode: 6)
        case .failure(.timedOut):
            // Linux gives up on a connect after 6 SYN retries: 1+2+4+8+16+32+64 s.
            return ProcessResult(
                stderr: o.error(
                    "curl: (28) Failed to connect to \(url.host) port \(url.port) after 127000 ms: Couldn't connect to server\n"
                ), exitCode: 28)
        case .failure(.refused):
            return ProcessResult(
                stderr: o.error(
                    "curl: (7) Failed to connect to \(url.host) port \(url.port) after 0 ms: Couldn't connect to server\n"
                ),
                exitCode: 7)
        }
    }
}
