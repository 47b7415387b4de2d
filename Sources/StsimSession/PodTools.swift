import StsimEngine
import StsimLanguage
import StsimRender

/// What a command run in a container printed, and its exit status.
struct ProcessResult {
    var stdout = ""
    var stderr = ""
    var exitCode = 0
}

/// The commands stsim runs inside a pod's container, each as the image's own tool prints it:
/// `cat`, `ls`, `hostname`, `sleep`, `curl`, `dig`, `nslookup`. Which of them an image has is
/// `ProgramCatalog.tools(ofImage:)`.
extension Session {
    static let simulatedTools = ["cat", "curl", "dig", "hostname", "ls", "nslookup", "sleep", "wget"]

    func runTool(_ pod: Pod, container index: Int, _ argv: [String]) throws -> ProcessResult {
        let program = argv[0].split(separator: "/").last.map(String.init) ?? argv[0]
        let args = Array(argv.dropFirst())
        guard Session.simulatedTools.contains(program) else {
            throw SessionError(
                "stsim's containers run \(Session.simulatedTools.joined(separator: ", ")); not \(program)",
                hint:
                    "exec \(pod.metadata.name) -- cat /etc/hosts, exec \(pod.metadata.name) -- curl -s http://SERVICE/")
        }
        let image = pod.spec.containers[index].image
        guard ProgramCatalog.tools(ofImage: image).contains(program) else {
            // containerd's words when the binary is not in the image (kubectl exits 126).
            return ProcessResult(
                stderr:
                    "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(program)\": executable file not found in $PATH: unknown\n",
                exitCode: 126)
        }
        switch program {
        case "cat": return try cat(pod, index, args)
        case "ls": return try ls(pod, index, args)
        case "hostname": return hostname(pod, args)
        case "sleep": return try sleep(args)
        case "curl": return try curlInside(pod, args)
        case "dig": return try digInside(pod, args)
        case "wget": return try wget(pod, container: index, args)
        default: return nslookup(pod, args, busybox: !image.contains("dnsutils"))
        }
    }

    private func outsideVolumes(_ pod: Pod, _ index: Int, _ path: String) -> SessionError {
        let mounts = cluster.mountPaths(pod, container: index)
        return SessionError(
            "\(path) is part of the container image, whose files stsim does not keep",
            hint: mounts.isEmpty
                ? "this container mounts no volumes; /etc/hosts, /etc/hostname and /etc/resolv.conf are there"
                : "the pod's volumes are mounted at \(mounts.joined(separator: ", ")); /etc/hosts, /etc/hostname and /etc/resolv.conf are there too"
        )
    }

    private func cat(_ pod: Pod, _ index: Int, _ args: [String]) throws -> ProcessResult {
        var r = ProcessResult()
        for path in args {
            switch cluster.readFile(pod, container: index, path: path) {
            case .success(let text): r.stdout += text
            case .failure(.noSuchFile):
                r.stderr += "cat: \(path): No such file or directory\n"
                r.exitCode = 1
            case .failure(.isDirectory):
                r.stderr += "cat: \(path): Is a directory\n"
                r.exitCode = 1
            case .failure(.outsideVolumes): throw outsideVolumes(pod, index, path)
            }
        }
        return r
    }

    private func ls(_ pod: Pod, _ index: Int, _ args: [String]) throws -> ProcessResult {
        if let flag = args.first(where: { $0.hasPrefix("-") }) {
            throw SessionError("stsim's ls lists names only; \(flag) is not simulated")
        }
        let paths = args.isEmpty ? ["/"] : args
        var r = ProcessResult()
        for (i, path) in paths.enumerated() {
            switch cluster.listFiles(pod, container: index, path: path) {
            case .success(let names):
                if paths.count > 1 { r.stdout += (i > 0 ? "\n" : "") + "\(path):\n" }
                r.stdout += names.map { $0 + "\n" }.joined()
            case .failure(.outsideVolumes): throw outsideVolumes(pod, index, path)
            case .failure:
                r.stderr += "ls: cannot access '\(path)': No such file or directory\n"
                r.exitCode = 2
            }
        }
        return r
    }

    private func hostname(_ pod: Pod, _ args: [String]) -> ProcessResult {
        let host = pod.spec.hostname ?? pod.metadata.name
        switch args.first {
        case "-f", "--fqdn", "--long":
            let fqdn = pod.spec.subdomain.map { "\(host).\($0).\(pod.metadata.namespace).svc.cluster.local" } ?? host
            return ProcessResult(stdout: fqdn + "\n")
        case "-i", "--ip-address":
            return ProcessResult(stdout: (pod.status.podIP ?? "") + "\n")
        default:
            return ProcessResult(stdout: host + "\n")
        }
    }

    /// `sleep N` takes N seconds of virtual time, during which the cluster goes on.
    private func sleep(_ args: [String]) throws -> ProcessResult {
        guard let text = args.first else { return ProcessResult(stderr: "sleep: missing operand\n", exitCode: 1) }
        if text == "infinity" {
            throw SessionError("sleep infinity never returns", hint: "sleep N takes N seconds of virtual time")
        }
        // coreutils takes a number with an optional unit: s, m, h, d.
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        let unit = text.last.flatMap { units[$0] }
        guard let n = Int64(unit == nil ? text : String(text.dropLast())), n >= 0 else {
            return ProcessResult(
                stderr:
                    "sleep: invalid time interval \u{2018}\(text)\u{2019}\nTry 'sleep --help' for more information.\n",
                exitCode: 1)
        }
        tick(.seconds(n * (unit ?? 1)))
        return ProcessResult()
    }
}
