import StsimEngine

/// BusyBox's `wget`, the usual way to fetch a page from a busybox pod (`wget -qO- http://kubia-public`).
/// Quiet mode only: the progress bar of the loud mode is not simulated (its errors print alike,
/// so a loud wget that fails, as an init container's does without internet, runs).
extension Session {
    func wget(_ pod: Pod, container index: Int, _ args: [String]) throws -> ProcessResult {
        let options = try WgetOptions(args)
        if let failure = options.failure { return failure }
        let quiet = options.quiet
        let output = options.output
        let urlText = options.url
        guard let urlText else {
            return ProcessResult(
                stderr:
                    "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n",
                exitCode: 1)
        }
        let url = CurlURL(urlText)
        let local = ["localhost", "127.0.0.1"].contains(url.host)
        let request = HTTPRequest(
            path: url.path, client: local ? "127.0.0.1" : pod.status.podIP ?? "", userAgent: "Wget")
        let host = local ? (pod.status.podIP ?? url.host) : url.host
        switch cluster.httpRequest(
            request, host: host, port: url.port, namespace: pod.metadata.namespace, from: pod.spec.nodeName)
        {
        case .failure(.unknownHost):
            return ProcessResult(stderr: "wget: bad address '\(url.host)'\n", exitCode: 1)
        case .failure(.refused(let ip, _)):
            return ProcessResult(
                stderr: "wget: can't connect to remote host (\(ip)): Connection refused\n", exitCode: 1)
        case .failure(.timedOut):
            return ProcessResult(stderr: "wget: download timed out\n", exitCode: 1)
        case .success(let response):
            guard quiet else {
                throw SessionError("stsim's wget runs quiet only", hint: "wget -qO- \(urlText)")
            }
            guard response.status < 400 else {
                return ProcessResult(
                    stderr: "wget: server returned error: HTTP/1.1 \(response.status) \(response.reason)\n", exitCode: 1
                )
            }
            // -O - to stdout; otherwise a file in the working directory (/), named after the URL.
            let name =
                output ?? url.path.split(separator: "?")[0].split(separator: "/").last.map(String.init) ?? "index.html"
            if name == "-" { return ProcessResult(stdout: response.body) }
            cluster.writeFile(pod, container: index, path: name.hasPrefix("/") ? name : "/" + name, response.body)
            return ProcessResult()
        }
    }
}

/// What busybox wget was asked for; `failure` is wget's own answer to options it cannot read.
private struct WgetOptions {
    var quiet = false
    var output: String?
    var url: String?
    var failure: ProcessResult?

    init(_ args: [String]) throws {
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            if a == "-q" || a == "--quiet" {
                quiet = true
            } else if a.hasPrefix("--output-document=") {
                output = String(a.dropFirst("--output-document=".count))
            } else if a.hasPrefix("-"), a.count > 1, !a.hasPrefix("--") {
                // Clustered short options: -q, -O FILE (the value may be attached: -qO-).
                var letters = Substring(a.dropFirst())
                while let letter = letters.first {
                    letters = letters.dropFirst()
                    switch letter {
                    case "q": quiet = true
                    case "O":
                        if !letters.isEmpty {
                            output = String(letters)
                            letters = ""
                        } else if i < args.count {
                            output = args[i]
                            i += 1
                        } else {
                            failure = ProcessResult(stderr: "wget: option requires an argument -- 'O'\n", exitCode: 1)
                            return
                        }
                    default: throw SessionError("stsim's wget takes -q and -O FILE; not -\(letter)")
                    }
                }
            } else if a.hasPrefix("-") {
                throw SessionError("stsim's wget takes -q and -O FILE; not \(a)")
            } else {
                url = a
            }
        }
    }
}
