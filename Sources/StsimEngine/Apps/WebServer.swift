/// Any other image: a small web server in the manner of the book's first app (`luksa/kubia`,
/// Chapter02): it logs each request, serves files from its volumes by path, and otherwise
/// answers with its hostname.
struct WebServer: PodProgram {
    let port: Int
    /// The container's mount points, deepest last, where files are looked up.
    let roots: [String]

    func serve(_ request: HTTPRequest, in pod: PodContext) -> HTTPResponse {
        pod.log("Received request from ::ffff:\(request.client)")
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        if path != "/" {
            for root in roots {
                if let text = pod.read(root + path) { return HTTPResponse(body: text) }
            }
            return HTTPResponse(status: 404, body: "Not Found\n")
        }
        for root in roots {
            if let text = pod.read(root + "/index.html") { return HTTPResponse(body: text) }
        }
        return HTTPResponse(body: "You've hit \(pod.hostname)\n")
    }
}
