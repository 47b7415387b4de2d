/// `kill` and `sh`: the tools that reach beyond one command (a signal to the container's main
/// process; a nested shell).
extension Shell {
    /// Signals by name and number (signal(7), x86).
    static let signals: [String: Int] = ["HUP": 1, "INT": 2, "QUIT": 3, "KILL": 9, "TERM": 15, "STOP": 19]

    func kill(_ args: [String]) throws -> ProcessResult {
        var signal = 15
        var pids: [String] = []
        var k = 0
        while k < args.count {
            let a = args[k]
            k += 1
            if a == "-s", k < args.count {
                signal = try signalNumber(args[k])
                k += 1
            } else if a.hasPrefix("-"), a.count > 1 {
                signal = try signalNumber(String(a.dropFirst()))
            } else {
                pids.append(a)
            }
        }
        guard !pids.isEmpty else {
            return ProcessResult(
                stderr: messagePrefix
                    + "kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n",
                exitCode: 2)
        }
        var r = ProcessResult()
        for pid in pids {
            guard pid == "1" else {
                r.stderr +=
                    busybox
                    ? messagePrefix + "can't kill pid \(pid): No such process\n"
                    : messagePrefix + "kill: No such process\n"
                r.exitCode = 1
                continue
            }
            signalMainProcess(signal)
        }
        return r
    }

    private func signalNumber(_ text: String) throws -> Int {
        let name = text.hasPrefix("SIG") ? String(text.dropFirst(3)) : text
        if let n = Int(name) ?? Self.signals[name.uppercased()] { return n }
        throw ShellFailure.unsupported("stsim's kill sends HUP, INT, QUIT, KILL, TERM or STOP; not \(text)")
    }

    /// PID 1 of a PID namespace gets only the signals it handles, and not even SIGKILL from
    /// inside the namespace (pid_namespaces(7)); a program that handles the stop signal exits.
    private func signalMainProcess(_ signal: Int) {
        guard [2, 3, 15].contains(signal), profile.stopsOnSignal else { return }
        // nginx exits 0 on SIGTERM and SIGQUIT; a generic program with a handler, 128 + 15.
        let code = profile.kind == .nginx ? 0 : 128 + signal
        let name = pod.spec.containers[container].name
        cluster.killContainer(
            pod: pod.metadata.name, namespace: pod.metadata.namespace, container: name, exitCode: code)
    }

    /// `sh -c SCRIPT [NAME ARG...]`, `sh FILE`, or `sh` reading its script from standard input.
    func sh(_ args: [String], stdin: String) throws -> ProcessResult {
        let child = Shell(cluster: cluster, pod: pod, container: container, hooks: hooks)
        child.variables = variables.filter { exported.contains($0.key) }
        (child.exported, child.cwd, child.steps) = (exported, cwd, steps)
        defer { steps = child.steps }
        guard let first = args.first else { return try child.run(script: stdin) }
        if first == "-c" {
            guard args.count > 1 else {
                return ProcessResult(stderr: "sh: -c requires an argument\n", exitCode: 2)
            }
            if args.count > 2 { child.name = args[2] }
            return try child.run(script: args[1])
        }
        if first.hasPrefix("-") { throw ShellFailure.unsupported("stsim's sh takes -c SCRIPT; not \(first)") }
        switch files.read(absolute(first)) {
        case .success(let script): return try child.run(script: script)
        case .failure:
            return ProcessResult(stderr: "sh: 0: cannot open \(first): No such file\n", exitCode: 2)
        }
    }
}
