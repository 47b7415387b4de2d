import StsimEngine
import StsimLanguage

/// One container run `logs` reads: the pod (as the kubelet runs it) and the container's index.
struct LogStream {
    let pod: Pod
    let index: Int
    var container: String { pod.spec.containers[index].name }
    /// `--prefix`: kubectl's `[pod/NAME/CONTAINER] `.
    var prefix: String { "[pod/\(pod.metadata.name)/\(container)] " }
}

extension Session {
    /// `logs POD`, `logs -l SELECTOR`: what the containers' programs printed, through the kubelet
    /// (so a cut-off node's logs time out, as a real API server's proxy to it does). Several
    /// streams (-l, --all-containers) print one after the other, as kubectl reads them.
    func logs(_ l: LogsCommand) throws {
        let pods: [Pod]
        if let selector = l.selector {
            pods = cluster.list(Pod.self, selector: try SelectorText.parse(selector.text, at: selector.location))
            if pods.isEmpty {
                printer.errorLine("No resources found in \(cluster.currentNamespace) namespace.")
                return
            }
        } else {
            let name = try logsPod(l.pod)
            guard let api = cluster.get(Pod.self, name.text) else { throw APIError.notFound(.pod, name.text) }
            pods = [api]
        }
        var streams: [LogStream] = []
        for api in pods {
            let indexes =
                l.allContainers ? Array(api.asRun.spec.containers.indices) : [try containerIndex(api, l.container)]
            streams += indexes.map { LogStream(pod: api.asRun, index: $0) }
        }
        if l.follow, !l.previous, streams.count > l.maxLogRequests {
            throw SessionError(
                "you are attempting to follow \(streams.count) log streams, but maximum allowed concurrency is \(l.maxLogRequests), use --max-log-requests to increase the limit"
            )
        }
        var printed: [Int] = []
        for stream in streams { printed.append(try printLog(stream, l)) }
        if l.follow, !l.previous { follow(streams, from: printed, l) }
    }

    /// Prints one stream's lines (after kubectl's and the kubelet's checks); returns how many
    /// lines the run has, where -f goes on from.
    private func printLog(_ s: LogStream, _ l: LogsCommand) throws -> Int {
        let pod = s.pod
        let c = pod.spec.containers[s.index]
        if !l.previous, let status = pod.status.containerStatuses.first(where: { $0.name == c.name }),
            case .waiting(let reason, _) = status.state, status.lastState == nil
        {
            throw APIError(
                reason: .badRequest,
                message:
                    "container \"\(c.name)\" in pod \"\(pod.metadata.name)\" is waiting to start: \(reason ?? "ContainerCreating")"
            )
        }
        if pod.status.containerStatuses.isEmpty {
            throw APIError(
                reason: .badRequest,
                message:
                    "container \"\(c.name)\" in pod \"\(pod.metadata.name)\" is waiting to start: ContainerCreating")
        }
        if let kubelet = unreachableKubelet(pod) {
            let url = "https://\(kubelet)/containerLogs/\(pod.metadata.namespace)/\(pod.metadata.name)/\(c.name)"
            printer.errorLine("Error from server: Get \"\(url)\": dial tcp \(kubelet): i/o timeout")
            throw AlreadyReported()
        }
        guard let lines = try timedLines(s, previous: l.previous, l) else {
            throw APIError(
                reason: .badRequest,
                message: "previous terminated container \"\(c.name)\" in pod \"\(pod.metadata.name)\" not found")
        }
        // The kubelet finds the last --tail lines, then leaves out those before --since.
        let since = l.since.map { cluster.now - $0 }
        for entry in lines.suffix(l.tail ?? lines.count) where since.map({ entry.time >= $0 }) ?? true {
            printer.line(logLine(entry, s, l))
        }
        return lines.count
    }

    /// The run's lines, with their times when --timestamps or --since needs them.
    private func timedLines(_ s: LogStream, previous: Bool, _ l: LogsCommand) throws -> [(
        time: VirtualTime, line: String
    )]? {
        guard l.timestamps || l.since != nil else {
            return cluster.logs(of: s.pod, container: s.index, previous: previous)?.map { (VirtualTime.zero, $0) }
        }
        guard cluster.logs(of: s.pod, container: s.index, previous: previous) != nil else { return nil }
        guard let timed = cluster.timedLogs(of: s.pod, container: s.index, previous: previous) else {
            throw SessionError(
                "stsim keeps when each log line was written only for lines written since the cluster was loaded: a save keeps the lines, not their times",
                hint: "logs \(s.pod.metadata.name) without --timestamps and --since")
        }
        return timed
    }

    private func logLine(_ entry: (time: VirtualTime, line: String), _ s: LogStream, _ l: LogsCommand) -> String {
        (l.prefix ? s.prefix : "") + (l.timestamps ? Self.rfc3339Nano(entry.time) + " " : "") + entry.line
    }

    /// Go's time.RFC3339Nano: the fraction without its trailing zeros, none when whole.
    static func rfc3339Nano(_ t: VirtualTime) -> String {
        let whole = Session.timestamps.format(t)
        var fraction = String(t.milliseconds % 1000 + 1000).dropFirst()
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? whole : whole.dropLast() + "." + fraction + "Z"
    }
}
