/// The peer-aware data store (`luksa/kubia-pet-peers`, Chapter10/kubia-pet-peers-image/app.js):
/// `GET /data` is this pod's data; any other GET finds the peers through the SRV records of the
/// service the app names and asks each one for its `/data`.
struct KubiaPetPeers: PodProgram {
    /// Hard-wired in the app, like its port.
    static let serviceName = "kubia.default.svc.cluster.local"
    let port = 8080

    func serve(_ request: HTTPRequest, in pod: PodContext) -> HTTPResponse {
        if request.method == "POST" {
            pod.write(KubiaPet.dataFile, request.body)
            return HTTPResponse(body: "Data stored on pod \(pod.hostname)\n")
        }
        if request.path == "/data" {
            return HTTPResponse(body: pod.read(KubiaPet.dataFile) ?? "No data posted yet")
        }
        var body = "You've hit \(pod.hostname)\nData stored in the cluster:\n"
        let answer = pod.resolveSRV(Self.serviceName)
        // Node's resolver reports NXDOMAIN as ENOTFOUND and an empty answer as ENODATA.
        if answer.status == .nxDomain {
            return HTTPResponse(
                body: body + "Could not look up DNS SRV records: Error: querySrv ENOTFOUND \(Self.serviceName)")
        }
        let peers: [String] = answer.answers.compactMap {
            if case .srv(_, _, _, let target) = $0.data { return String(target.dropLast()) }
            return nil
        }
        if peers.isEmpty {
            return HTTPResponse(
                body: body + "Could not look up DNS SRV records: Error: querySrv ENODATA \(Self.serviceName)")
        }
        for name in peers {
            let returned: String
            switch pod.httpGet(host: name, port: port, path: "/data") {
            case .success(let r): returned = r.body
            case .failure(.unknownHost(let h)): returned = "Error: getaddrinfo ENOTFOUND \(h) \(h):\(port)"
            case .failure(.refused(let ip, let p)): returned = "Error: connect ECONNREFUSED \(ip):\(p)"
            case .failure(.timedOut(let ip, let p)): returned = "Error: connect ETIMEDOUT \(ip):\(p)"
            }
            body += "- \(name): \(returned)\n"
        }
        return HTTPResponse(body: body)
    }
}
