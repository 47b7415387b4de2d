/// What the official nginx image prints on its own: docker-nginx's entrypoint lines and nginx's
/// notices at start, and its graceful shutdown on SIGQUIT (the image's STOPSIGNAL). Lines as
/// nginx 1.2x writes them to the container's stdout and stderr, which `kubectl logs` shows.
enum NginxLog {
    /// The nginx release an image tag runs: the last patch release of a `MAJOR.MINOR` tag, the
    /// tag itself when it names one, else the stable release stsim's default page comes from.
    static func version(image: String) -> String {
        let tag = image.split(separator: "@").first?.split(separator: "/").last?.split(separator: ":").dropFirst().first
        let numbers = (tag ?? "").split(separator: "-").first.map(String.init) ?? ""
        let lastPatch = [
            "1.19": "1.19.10", "1.20": "1.20.2", "1.21": "1.21.6", "1.22": "1.22.1", "1.23": "1.23.4",
            "1.24": "1.24.0", "1.25": "1.25.5", "1.26": "1.26.3", "1.27": "1.27.4", "1.28": "1.28.0",
        ]
        if let v = lastPatch[numbers] { return v }
        let parts = numbers.split(separator: ".")
        if parts.count == 3, parts.allSatisfy({ Int($0) != nil }),
            lastPatch[parts.prefix(2).joined(separator: ".")] != nil
        {
            return numbers
        }
        return "1.27.4"
    }

    /// Whether the version is 1.25 or later (bookworm, and the local-resolvers entrypoint script).
    private static func isBookworm(_ version: String) -> Bool {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return parts.count >= 2 && (parts[0] > 1 || parts[1] >= 25)
    }

    /// The worker processes' PIDs: one per CPU (`worker_processes auto`), after the entrypoint's.
    static func workers(cpus: Int) -> [Int] { (0..<max(1, cpus)).map { 29 + $0 } }

    static func start(image: String, kernel: String, cpus: Int, at t: VirtualTime) -> [String] {
        let version = version(image: image)
        let bookworm = isBookworm(version)
        var lines = [
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        ]
        if bookworm { lines.append("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh") }
        lines += [
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
        ]
        let when = Nginx.errorLogTime(t)
        let gcc = bookworm ? "gcc 12.2.0 (Debian 12.2.0-14)" : "gcc 10.2.1 20210110 (Debian 10.2.1-6)"
        let notices = [
            "using the \"epoll\" event method", "nginx/\(version)", "built by \(gcc) ", "OS: Linux \(kernel)",
            "getrlimit(RLIMIT_NOFILE): 1048576:1048576", "start worker processes",
        ]
        lines += notices.map { "\(when) [notice] 1#1: \($0)" }
        lines += workers(cpus: cpus).map { "\(when) [notice] 1#1: start worker process \($0)" }
        return lines
    }

    /// SIGQUIT: each worker finishes its requests and exits, then the master.
    static func quit(cpus: Int, at t: VirtualTime) -> [String] {
        let when = Nginx.errorLogTime(t)
        var lines = ["\(when) [notice] 1#1: signal 3 (SIGQUIT) received, shutting down"]
        let pids = workers(cpus: cpus)
        for pid in pids {
            lines += ["gracefully shutting down", "exiting", "exit"].map { "\(when) [notice] \(pid)#\(pid): \($0)" }
        }
        for pid in pids {
            lines.append("\(when) [notice] 1#1: signal 17 (SIGCHLD) received from \(pid)")
            lines.append("\(when) [notice] 1#1: worker process \(pid) exited with code 0")
        }
        lines.append("\(when) [notice] 1#1: exit")
        return lines
    }
}

extension Kubelet {
    /// The official nginx image's own lines when its container starts or receives SIGQUIT.
    func logNginx(_ rp: RuntimePod, _ i: Int, starting: Bool) {
        let c = rp.containers[i]
        guard cluster.imageProfile(c.image).printsNginxLog else { return }
        let node = cluster.store.get(Node.self, namespace: "", name: nodeName)
        let cpus = node?.status.capacity.first { $0.name == "cpu" }.flatMap { Int($0.quantity) } ?? 2
        let entry =
            starting
            ? LogEntry.nginxStart(
                image: c.image, kernel: node?.status.kernelVersion ?? "6.8.0", cpus: cpus, at: cluster.now)
            : LogEntry.nginxQuit(cpus: cpus, at: cluster.now)
        cluster.apps.log(rp.uid, run: "\(c.name)#\(c.restartCount)", entry, at: cluster.now)
    }
}
