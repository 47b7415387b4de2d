/// nginx as the official image configures it (docker-nginx's `conf.d/default.conf`): port 80,
/// `root /usr/share/nginx/html`, `index index.html index.htm`, and every request in the access
/// log, which the image links to the container's stdout.
struct Nginx: PodProgram {
    static let docroot = "/usr/share/nginx/html"
    let port: Int
    /// The release its error pages name (`nginx/1.25.5`).
    var version = "1.27.4"

    func serve(_ request: HTTPRequest, in pod: PodContext) -> HTTPResponse {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        var response: HTTPResponse
        if path.hasSuffix("/") {
            let dir = Self.docroot + path
            if let page = ["index.html", "index.htm"].lazy.compactMap({ pod.read(dir + $0) }).first {
                response = HTTPResponse(body: page, contentType: "text/html")
            } else {
                // ngx_http_index_module: no index file, and autoindex is off.
                pod.log(
                    "\(Self.errorLogTime(pod.now)) [error] 29#29: *1 directory index of \"\(dir)\" is forbidden, client: \(request.client), server: localhost, request: \"\(request.method) \(request.path) HTTP/1.1\", host: \"localhost\""
                )
                response = Self.errorPage(403, version: version)
            }
        } else if pod.isDirectory(Self.docroot + path) {
            // ngx_http_static_module: a directory asked for without its slash is redirected to
            // it, absolutely (absolute_redirect on): $host, the port when not 80, then the query.
            let query = request.path.dropFirst(path.count)
            let host = (request.host ?? "localhost").split(separator: ":").first.map(String.init) ?? "localhost"
            response = Self.redirect(
                to: "http://\(host)\(port == 80 ? "" : ":\(port)")\(path)/\(query)", version: version)
        } else if let text = pod.read(Self.docroot + path) {
            response = HTTPResponse(body: text, contentType: "text/html")
        } else {
            response = Self.errorPage(404, version: version)
        }
        response.server = "nginx/\(version)"
        let agent = request.userAgent ?? "-"
        pod.log(
            "\(request.client) - - [\(Self.accessLogTime(pod.now))] \"\(request.method) \(request.path) HTTP/1.1\" \(response.status) \(response.body.utf8.count) \"-\" \"\(agent)\" \"-\""
        )
        return response
    }

    /// ngx_http_special_response.c's page, with CRLF line ends as nginx sends it.
    static func errorPage(_ status: Int, version: String = "1.27.4") -> HTTPResponse {
        let title = "\(status) \(HTTPResponse(status: status, body: "").reason)"
        let lines = [
            "<html>", "<head><title>\(title)</title></head>", "<body>", "<center><h1>\(title)</h1></center>",
            "<hr><center>nginx/\(version)</center>", "</body>", "</html>",
        ]
        return HTTPResponse(status: status, body: lines.map { $0 + "\r\n" }.joined(), contentType: "text/html")
    }

    /// A 301 with nginx's own page for it and the Location header.
    static func redirect(to location: String, version: String) -> HTTPResponse {
        var response = errorPage(301, version: version)
        response.location = location
        return response
    }

    /// `$time_local` in UTC: `24/Nov/2025:19:20:04 +0000`.
    static func accessLogTime(_ t: VirtualTime) -> String {
        let c = WallClock(t)
        return "\(c.two(c.day))/\(c.monthName)/\(c.year):\(c.two(c.hour)):\(c.two(c.minute)):\(c.two(c.second)) +0000"
    }

    /// The error log's `2025/11/24 19:20:04`.
    static func errorLogTime(_ t: VirtualTime) -> String {
        let c = WallClock(t)
        return "\(c.year)/\(c.two(c.month))/\(c.two(c.day)) \(c.two(c.hour)):\(c.two(c.minute)):\(c.two(c.second))"
    }
}
