import StsimEngine
import StsimLanguage
import StsimManifests

/// `exec POD -- COMMAND` and `run NAME --image=IMG -- COMMAND` (kubectl run, a one-off pod).
extension Session {
    func exec(_ name: Argument, container: String?, command: [Argument]) throws -> Outcome {
        guard let (pod, index) = try execTarget(name, container: container) else { return .failed }
        let argv = command.map(\.text)
        let hasShell = ProgramCatalog.tools(ofImage: pod.spec.containers[index].image).contains("sh")
        if argv.count == 1, hasShell, Cluster.interactiveShells.contains(argv[0]) {
            throw SessionError(
                "without -i, kubectl gives \(argv[0]) no input: it would end at once, printing nothing",
                hint:
                    "exec -it \(pod.metadata.name) -- \(argv[0]) opens its prompt; or give the commands to sh -c, as in exec \(pod.metadata.name) -- sh -c 'hostname; ls /'"
            )
        }
        return report(try runTool(pod, container: index, argv))
    }

    /// The pod and container an exec runs in, after kubectl's and the kubelet's checks; nil
    /// when the kubelet cannot be reached (the error is printed).
    func execTarget(_ name: Argument, container: String?) throws -> (Pod, Int)? {
        guard let pod = cluster.get(Pod.self, name.text) else { throw APIError.notFound(.pod, name.text) }
        let index = try runningContainer(pod, container)
        if let kubelet = unreachableKubelet(pod) {
            printer.errorLine("Error from server: error dialing backend: dial tcp \(kubelet): i/o timeout")
            return nil
        }
        return (pod.asRun, index)
    }

    /// The container an exec (or cp, which execs tar) runs in, as an index into `pod.asRun`:
    /// it must be running (a running init container may be entered too).
    func runningContainer(_ api: Pod, _ container: String?) throws -> Int {
        let index = try containerIndex(api, container)
        let pod = api.asRun
        if pod.status.phase == .succeeded || pod.status.phase == .failed {
            throw SessionError(
                "cannot exec into a container in a completed pod; current phase is \(pod.status.phase?.rawValue ?? "")")
        }
        let c = pod.spec.containers[index]
        let running =
            pod.status.containerStatuses.first { $0.name == c.name }.map {
                if case .running = $0.state { return true } else { return false }
            } ?? false
        guard running else { throw SessionError("unable to upgrade connection: container not found (\"\(c.name)\")") }
        return index
    }

    /// exec and logs go through the API server to the pod's kubelet (port 10250): behind a cut
    /// link the dial times out. Returns the kubelet's address, or nil when it is reachable.
    func unreachableKubelet(_ pod: Pod) -> String? {
        guard let node = pod.spec.nodeName, !cluster.isLinkConnected(node: node) else { return nil }
        return "\(cluster.get(Node.self, node)?.status.internalIP ?? node):10250"
    }

    /// Prints what the process printed; a failed one ends like kubectl exec does.
    func report(_ result: ProcessResult) -> Outcome {
        printStreams(result)
        guard result.exitCode == 0 else {
            printer.errorLine("command terminated with exit code \(result.exitCode)")
            return .failed
        }
        return .ok
    }

    /// Standard output and error in the order the process wrote them.
    func printStreams(_ result: ProcessResult) {
        for chunk in result.inOrder {
            if chunk.isError {
                printer.errorLine(String(chunk.text.dropLast(chunk.text.utf8.last == UInt8(ascii: "\n") ? 1 : 0)))
            } else {
                printer.block(chunk.text)
            }
        }
    }

    func runPod(_ r: RunPodCommand) throws -> Outcome {
        let began = cluster.now
        let name = r.name.text
        if r.options.dryRun == .client {
            let tree = GeneratedPod.tree(name: name, image: r.image, restart: r.restart ?? "Always", args: r.command)
            switch r.options.output {
            case .yaml?: printer.block(ManifestWriter.yaml(value: tree))
            case .json?: printer.block(ManifestWriter.json(value: tree))
            case .name?: printer.line("pod/\(name)")
            default: printer.line("pod/\(name) created (dry run)")
            }
            return .ok
        }
        let kind = ProgramCatalog.kind(ofImage: r.image)
        try checkRun(r)
        let policy: RestartPolicy = r.restart.map { RestartPolicy(rawValue: $0) } ?? .always
        let container = runContainer(r)
        let pod = Pod(
            metadata: ObjectMeta(name: name, labels: ["run": name]),
            spec: PodSpec(containers: [container], restartPolicy: policy))
        if case .failure(let e) = cluster.create(.pod(pod)) { throw e }
        if !r.attach { printer.line("pod/\(name) created") }
        let started = cluster.run(
            until: { c in
                guard let p = c.get(Pod.self, name) else { return true }
                return p.status.phase == .running || p.status.phase == .succeeded || p.status.phase == .failed
            }, timeout: settleLimit, shouldStop: interrupted)
        // Attached, the command's output comes between the pod starting and ending.
        if r.attach { printChanges(only: nil) }
        if kind == .toolbox, !r.command.isEmpty, r.input == nil {
            return try followMainProcess(r, began: began)
        }
        guard started.reason == .satisfied, let running = cluster.get(Pod.self, name), running.status.phase == .running
        else {
            throw SessionError("pod/\(name) did not start within \(settleLimit)", hint: "describe pod \(name) says why")
        }
        if let input = r.input, r.command.isEmpty || Self.isLoneShell(r.command) {
            return try attachShell(running, run: r, input: input)
        }
        // A server, or `sleep` as the main process: the container just keeps running.
        guard !r.command.isEmpty, kind == .toolbox || !isServerCommand(r.command), r.command.first != "sleep" else {
            autoSettle(since: began)
            return .ok
        }
        // The command is the container's main process: its output is the pod's log, and when it
        // ends the container ends with its exit status.
        var stdin = ""
        if case .text(let text)? = r.input { stdin = text }
        let result = try runTool(running, container: 0, r.command, stdin: stdin)
        cluster.appendLog(running, result.stdout + result.stderr)
        if r.attach {
            printer.block(result.stdout)
            if !result.stderr.isEmpty {
                printer.errorLine(String(result.stderr.dropLast(result.stderr.hasSuffix("\n") ? 1 : 0)))
            }
        }
        return finishRun(r, exitCode: result.exitCode)
    }

    /// The main process of a `run` pod ended: the container stops with its status, and an
    /// attached kubectl reports it and, with --rm, deletes the pod.
    func finishRun(_ r: RunPodCommand, exitCode: Int) -> Outcome {
        let name = r.name.text
        _ = cluster.killContainer(pod: name, exitCode: exitCode)
        if r.attach {
            _ = cluster.run(
                until: { c in c.get(Pod.self, name).map { $0.status.phase != .running } ?? true },
                timeout: .seconds(5), shouldStop: interrupted)
            printChanges(only: nil)
        }
        // kubectl deletes the pod in a deferred call, so its line comes before the exit error.
        if r.remove, r.attach {
            if case .success = cluster.delete(.pod, name) { printer.line("pod \"\(name)\" deleted") }
        }
        if r.attach, exitCode != 0 { printer.errorLine("pod \(cluster.currentNamespace)/\(name) terminated (Error)") }
        autoSettle()
        return exitCode == 0 ? .ok : .failed
    }

    /// What kubectl refuses before it creates anything, and what stsim cannot attach to.
    private func checkRun(_ r: RunPodCommand) throws {
        // kubectl's own check, before it creates anything.
        if r.remove, !r.attach { throw SessionError("--rm should only be used for attached containers") }
        if case .terminal? = r.input, r.command.isEmpty || Self.isLoneShell(r.command), !canOpenNestedPrompt {
            throw Self.promptOnlyError
        }
        if case .text? = r.input, !r.command.isEmpty, ProgramCatalog.kind(ofImage: r.image) == .toolbox,
            !Cluster.interactiveShells.contains(r.command.joined(separator: " "))
        {
            // The kubelet runs the command as PID 1, and stsim gives a main process no input.
            throw SessionError(
                "stsim passes a here-document only to the image's own shell, not to a command",
                hint:
                    "put the commands in the document: run -i \(r.name.text) --image=\(r.image) --rm --restart=Never <<EOF"
            )
        }
        if r.attach, r.command.isEmpty, r.input == nil {
            throw SessionError(
                "stsim cannot attach to a server's output",
                hint: "run it without -it, then curl it through the proxy or read its logs")
        }
    }

    /// The container kubectl run writes: the command as args; -i keeps stdin open (once, when
    /// attached), and -t adds a terminal.
    private func runContainer(_ r: RunPodCommand) -> Container {
        var container = Container(name: r.name.text, image: r.image, args: r.command.isEmpty ? nil : r.command)
        if r.input != nil {
            (container.stdin, container.stdinOnce) = (true, r.attach ? true : nil)
            if r.tty { container.tty = true }
        }
        return container
    }

    /// `-- sh` (or `/bin/sh`, `ash`, `bash`) alone: the shell reads the input as the image's own
    /// shell does when no command is given, so `run -it ... -- sh` opens the same prompt.
    static func isLoneShell(_ command: [String]) -> Bool {
        command.count == 1 && Cluster.interactiveShells.contains(command[0])
    }

    /// A busybox or dnsutils pod: the kubelet runs its command as the main process. Attached,
    /// kubectl prints what it prints until it ends, with its exit status.
    private func followMainProcess(_ r: RunPodCommand, began: VirtualTime) throws -> Outcome {
        let name = r.name.text
        guard r.attach else {
            autoSettle(since: began)
            return .ok
        }
        let ended = cluster.run(
            until: { c in
                guard let p = c.get(Pod.self, name), let s = p.status.containerStatuses.first else { return true }
                if case .running = s.state { return false }
                return s.restartCount > 0 || s.lastState != nil || p.status.phase != .running
            }, timeout: settleLimit, shouldStop: interrupted)
        guard let pod = cluster.get(Pod.self, name) else { return .ok }
        if let lines = cluster.logs(of: pod), !lines.isEmpty { printer.block(lines.joined(separator: "\n") + "\n") }
        guard ended.reason == .satisfied else {
            throw SessionError(
                "\(name)'s command did not end within \(settleLimit)", hint: "logs \(name) shows what it printed since")
        }
        let status = pod.status.containerStatuses.first
        var exitCode = 0
        for state in [status?.state, status?.lastState] {
            if case .terminated(let code, _, _, _, _)? = state { exitCode = code }
        }
        return finishRun(r, exitCode: exitCode)
    }

    /// A command that is itself a long-running program in a server image (not one of the tools).
    private func isServerCommand(_ argv: [String]) -> Bool {
        !Cluster.commandsStsimSimulates.contains(argv[0].split(separator: "/").last.map(String.init) ?? argv[0])
    }
}
