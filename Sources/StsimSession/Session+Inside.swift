import StsimEngine
import StsimLanguage
import StsimRender

/// Inside the cluster: the simulated `kubectl proxy`, `curl` through it, `exec` and `logs`.
extension Session {
    func startProxy(port: Int) throws {
        if proxyPort == port {
            throw SessionError(
                "listen tcp 127.0.0.1:\(port): bind: address already in use",
                hint: "the proxy is already serving: curl localhost:\(port)/api/v1/namespaces/default/pods/POD/proxy/")
        }
        // One proxy at a time in stsim: a second one on another port replaces the first.
        proxyPort = port
        printer.line("Starting to serve on 127.0.0.1:\(port)")
    }

    /// `curl` on the learner's machine: only kubectl proxy's port leads into the cluster. With -L
    /// each redirect is followed in turn (curl's limit is 50), every response on the way shown
    /// as -v and -i show it; 301, 302 and 303 turn a POST into a GET, as curl does.
    func curl(_ c: CurlCommand) throws -> Outcome {
        var url = CurlURL(c.url.text)
        var method = c.effectiveMethod.uppercased()
        var requestBody = try curlBody(c)
        for hop in 0...50 {
            guard let answer = try proxyExchange(url, method: method, body: requestBody, c) else { return .failed }
            let location = answer.extra.first { $0.hasPrefix("Location: ") }.map { String($0.dropFirst(10)) }
            if c.follow, [301, 302, 303, 307, 308].contains(answer.status), let location {
                if c.include {
                    printer.block(answer.headerLines.map { String($0.dropFirst(2)) }.joined(separator: "\n") + "\n")
                }
                guard hop < 50 else { return curlFailed(47, "Maximum (50) redirects followed", silent: c.silent) }
                if c.verbose { printer.errorLine("* Issue another request to this URL: '\(location)'") }
                url = CurlURL(location.hasPrefix("/") ? "\(url.scheme)://\(url.host):\(url.port)\(location)" : location)
                if [301, 302, 303].contains(answer.status), method == "POST" { (method, requestBody) = ("GET", "") }
                continue
            }
            if c.fail, answer.status >= 400 {
                return curlFailed(22, "The requested URL returned error: \(answer.status)", silent: c.silent)
            }
            if c.include {
                // -i: the same lines on stdout, without -v's `< ` marks (the last one is the blank line).
                printer.block(
                    answer.headerLines.map { String($0.dropFirst(2)) }.joined(separator: "\n") + "\n" + answer.body)
            } else {
                printer.block(answer.body)
            }
            if c.verbose { printer.errorLine(CurlOutput.closing) }
            return .ok
        }
        return .ok
    }

    /// One request to the proxy and its answer (nil when curl could not connect: the error is
    /// printed); -v's lines are printed on the way.
    private func proxyExchange(_ url: CurlURL, method: String, body requestBody: String, _ c: CurlCommand) throws
        -> ProxyExchange?
    {
        guard ["localhost", "127.0.0.1"].contains(url.host) else {
            _ = curlFailed(6, "Could not resolve host: \(url.host)", silent: c.silent)
            return nil
        }
        guard url.port == proxyPort, url.scheme == "http" else {
            if url.port == proxyPort {
                _ = curlFailed(
                    35, "OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number", silent: c.silent)
                return nil
            }
            _ = curlFailed(
                7, "Failed to connect to \(url.host) port \(url.port) after 0 ms: Couldn't connect to server",
                silent: c.silent)
            return nil
        }
        let answer: (status: Int, contentType: String, body: String, extra: [String])
        if let route = ProxyRoute(url.path) {
            answer = proxyAnswer(route, method: method, body: requestBody)
        } else if let path = APIPath(url.path) {
            guard method == "GET" else {
                throw SessionError(
                    "stsim's kubectl proxy answers only GET on the API's own paths, not \(method)",
                    hint: "change objects with apply, patch, label or delete")
            }
            let (status, body) = apiAnswer(path)
            answer = (status, "application/json", body, [])
        } else {
            throw SessionError(
                "stsim's kubectl proxy serves /version, the objects' paths (/api/v1/namespaces/NS/pods[/NAME], /apis/apps/v1/namespaces/NS/statefulsets) and the proxy paths (/api/v1/namespaces/NS/pods/POD/proxy/PATH, .../services/SVC/proxy/PATH)",
                hint: "for other views use get, describe or get -o json")
        }
        let ip = url.host == "localhost" ? "127.0.0.1" : url.host
        if c.verbose {
            for line in CurlOutput.requestLines(
                method: method, host: url.host, ip: ip, port: url.port, path: url.path, headers: c.headers,
                body: requestBody
            ) {
                printer.errorLine(line)
            }
        }
        let headerLines = CurlOutput.responseLines(
            status: answer.status, reason: HTTPResponse(status: answer.status, body: "").reason,
            contentType: answer.contentType, bodyLength: answer.body.utf8.count, date: CurlOutput.httpDate(cluster.now),
            extra: answer.extra)
        if c.verbose {
            for line in headerLines { printer.errorLine(line) }
        }
        return ProxyExchange(status: answer.status, body: answer.body, extra: answer.extra, headerLines: headerLines)
    }

    /// What `kubectl proxy` answers on a proxy path: the pod's or Service's own response, the API
    /// server's Status on failure, or its redirect from `.../proxy` to `.../proxy/`.
    func proxyAnswer(_ route: ProxyRoute, method: String, body requestBody: String) -> (
        status: Int, contentType: String, body: String, extra: [String]
    ) {
        switch route {
        case .redirect(let to):
            let body = method == "GET" ? "<a href=\"\(to)\">Moved Permanently</a>.\n\n" : ""
            return (301, "text/html; charset=utf-8", body, ["Location: \(to)"])
        case .proxy(let ns, let resource, let name, let path):
            var request = HTTPRequest(method: method, path: path, body: requestBody, client: "")
            // kubectl proxy forwards with the API server's address as the Host (its handler's
            // UseLocationHost), and the API server passes it on: an app's absolute redirect names
            // that host, which the server's proxy does not rewrite (not the pod's own address).
            request.host = "127.0.0.1:6443"
            switch cluster.proxy(request, namespace: ns, resource: resource, name: name) {
            case .success(let r):
                let extra = r.location.map { ["Location: \($0)"] } ?? []
                return (r.status, r.contentType ?? "text/plain; charset=utf-8", r.body, extra)
            case .failure(let e): return (e.code, "application/json", StatusJSON.render(e), [])
            }
        }
    }

    /// `-d TEXT`, or `-d @FILE`: the file's text without its line breaks, as curl sends it;
    /// `--data-binary @FILE` keeps them.
    func curlBody(_ c: CurlCommand) throws -> String {
        let data = try c.data.map { d in
            guard d.hasPrefix("@") else { return d }
            let text = try readFile(Argument(String(d.dropFirst()), at: c.url.location))
            return String(text.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
        }
        let binary = try c.binaryData.map { d in
            d.hasPrefix("@") ? try readFile(Argument(String(d.dropFirst()), at: c.url.location)) : d
        }
        return (data + binary).joined(separator: "&")
    }

    /// curl's own failure line on stderr (none with -s) and its exit status.
    func curlFailed(_ code: Int, _ message: String, silent: Bool) -> Outcome {
        if !silent { printer.errorLine("curl: (\(code)) \(message)") }
        return .failed
    }

    /// The container `-c NAME` names, as an index into `pod.asRun` (init containers first, as
    /// kubectl's FindContainerByName finds them too); without -c, the default app container.
    func containerIndex(_ pod: Pod, _ name: String?) throws -> Int {
        guard let name else { return pod.spec.initContainers.count + defaultContainer(pod) }
        guard let i = pod.asRun.spec.containers.firstIndex(where: { $0.name == name }) else {
            throw APIError(reason: .badRequest, message: "container \(name) is not valid for pod \(pod.metadata.name)")
        }
        return i
    }
}

extension Session {
    /// kubectl's podcmd.FindOrDefaultContainerByName without -c: the container the
    /// `kubectl.kubernetes.io/default-container` annotation names, else the first, said on stderr
    /// when the pod has others (init containers included).
    func defaultContainer(_ pod: Pod) -> Int {
        if let name = pod.metadata.annotations["kubectl.kubernetes.io/default-container"],
            let i = pod.spec.containers.firstIndex(where: { $0.name == name })
        {
            return i
        }
        if pod.spec.containers.count > 1 || !pod.spec.initContainers.isEmpty {
            let names = pod.spec.containers.map(\.name) + pod.spec.initContainers.map { "\($0.name) (init)" }
            printer.errorLine(
                "Defaulted container \"\(pod.spec.containers.first?.name ?? "")\" out of: \(names.joined(separator: ", "))"
            )
        }
        return 0
    }
}

/// One response through kubectl proxy, with its header lines as -v prints them (`< `).
struct ProxyExchange {
    var status: Int
    var body: String
    var extra: [String]
    var headerLines: [String]
}

/// A URL as curl takes it: scheme optional (http), port by scheme.
struct CurlURL {
    var scheme = "http"
    var host: String
    var port: Int
    /// Path and query, at least `/`.
    var path: String

    init(_ text: String) {
        var rest = Substring(text)
        if let r = rest.range(of: "://") {
            scheme = rest[..<r.lowerBound].lowercased()
            rest = rest[r.upperBound...]
        }
        let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<slash]
        path = String(rest[slash...])
        if path.isEmpty { path = "/" } else if path.hasPrefix("?") { path = "/" + path }
        let defaultPort = scheme == "https" ? 443 : 80
        if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = Int(authority[authority.index(after: colon)...]) ?? defaultPort
        } else {
            host = String(authority)
            port = defaultPort
        }
    }
}

/// The API server's proxy paths, `/api/v1/namespaces/NS/pods|services/NAME/proxy[/PATH]`
/// (https://kubectl.docs.kubernetes.io/references/kubectl/proxy/).
enum ProxyRoute {
    case proxy(namespace: String, resource: Cluster.ProxyResource, name: String, path: String)
    /// `.../proxy` without the slash: the server answers 301 to `.../proxy/`.
    case redirect(to: String)

    init?(_ full: String) {
        let pathOnly = full.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let query = full.dropFirst(pathOnly.count)
        let parts = pathOnly.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "", api, v1, namespaces, NS, pods, NAME, proxy, ...
        guard parts.count >= 8, parts[0].isEmpty, parts[1] == "api", parts[2] == "v1", parts[3] == "namespaces",
            let resource = Cluster.ProxyResource(rawValue: parts[5]), parts[7] == "proxy", !parts[6].isEmpty
        else { return nil }
        if parts.count == 8 {
            self = .redirect(to: pathOnly + "/" + query)
            return
        }
        self = .proxy(
            namespace: parts[4], resource: resource, name: parts[6],
            path: "/" + parts[8...].joined(separator: "/") + query)
    }
}
