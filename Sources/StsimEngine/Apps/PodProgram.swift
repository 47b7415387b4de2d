/// A simulated program serving HTTP in a pod's container, selected by the container's image
/// (`ProgramCatalog`). It reads and writes the pod's files and reaches peers through `PodContext`.
protocol PodProgram: Sendable {
    /// The TCP port it listens on.
    var port: Int { get }
    func serve(_ request: HTTPRequest, in pod: PodContext) -> HTTPResponse
}

/// What a program can touch: its pod's hostname and files, its log, cluster DNS, and other pods.
struct PodContext {
    unowned let cluster: Cluster
    let pod: Pod
    let container: Int

    /// `os.hostname()`: the pod's hostname (a StatefulSet pod's name).
    var hostname: String { pod.spec.hostname ?? pod.metadata.name }

    var now: VirtualTime { cluster.now }

    func read(_ path: String) -> String? {
        if case .success(let text) = cluster.readFile(pod, container: container, path: path) { return text }
        return nil
    }

    func isDirectory(_ path: String) -> Bool {
        ContainerFiles(cluster: cluster, pod: pod, container: container).kind(path) == .directory
    }

    func write(_ path: String, _ text: String) { cluster.writeFile(pod, container: container, path: path, text) }

    func log(_ line: String) {
        cluster.log(pod, container: container, line)
    }

    /// `dns.resolveSrv`: c-ares asks the cluster DNS for the name as given, without the search
    /// list (unlike `http.get`, whose getaddrinfo uses it).
    func resolveSRV(_ name: String) -> DNSAnswer { cluster.dnsQuery(name, type: .srv) }

    /// `http.get` to another host in the cluster, from this pod's address.
    func httpGet(host: String, port: Int, path: String) -> Result<HTTPResponse, ConnectError> {
        cluster.httpRequest(
            HTTPRequest(path: path, client: pod.status.podIP ?? ""), host: host, port: port,
            namespace: pod.metadata.namespace, from: pod.spec.nodeName)
    }
}
