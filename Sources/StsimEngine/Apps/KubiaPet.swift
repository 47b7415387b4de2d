/// The chapter's data store (`luksa/kubia-pet`, Chapter10/kubia-pet-image/app.js): POST stores
/// the body in /var/data/kubia.txt, anything else shows this pod's data.
struct KubiaPet: PodProgram {
    static let dataFile = "/var/data/kubia.txt"
    let port = 8080

    func serve(_ request: HTTPRequest, in pod: PodContext) -> HTTPResponse {
        if request.method == "POST" {
            pod.write(Self.dataFile, request.body)
            pod.log("New data has been received and stored.")
            return HTTPResponse(body: "Data stored on pod \(pod.hostname)\n")
        }
        let data = pod.read(Self.dataFile) ?? "No data posted yet"
        return HTTPResponse(body: "You've hit \(pod.hostname)\nData stored on this pod: \(data)\n")
    }
}
