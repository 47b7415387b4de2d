/// The tools about the process and its container: env, hostname, id, date, sleep, ps, kill,
/// test, sh; and the dispatch of a tool name to its implementation (or to the caller's hooks).
extension Shell {
    func runTool(_ tool: String, _ args: [String], stdin: String) throws -> ProcessResult {
        switch tool {
        case "echo": return echo(args)
        case "printf": return try formatted(args)
        case "cat": return try cat(args, stdin: stdin)
        case "ls": return try ls(args)
        case "rm": return try rm(args)
        case "touch": return try touch(args)
        case "chmod": return chmod(args)
        case "mkdir": return try mkdir(args)
        case "cp", "mv": return try copy(tool, args)
        case "grep": return try grep(args, stdin: stdin)
        case "wc": return try wc(args, stdin: stdin)
        case "head", "tail": return try headTail(tool, args, stdin: stdin)
        case "test", "[": return test(tool, args)
        case "true": return ProcessResult()
        case "false": return ProcessResult(exitCode: 1)
        case "pwd": return ProcessResult(stdout: cwd + "\n")
        case "env": return try env(args)
        case "hostname": return hostname(args)
        case "id":
            return ProcessResult(
                stdout: busybox
                    ? "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n" : "uid=0(root) gid=0(root) groups=0(root)\n")
        case "date": return try date(args)
        case "sleep": return try sleep(args)
        case "ps": return ps()
        case "kill": return try kill(args)
        case "sh": return try sh(args, stdin: stdin)
        default:
            guard let hook = hooks.tools[tool] else {
                throw ShellFailure.unsupported("stsim runs \(tool) only from exec, not from a probe")
            }
            return try hook(ToolCall(pod: pod, container: container, argv: [tool] + args, stdin: stdin, cwd: cwd))
        }
    }

    private func test(_ tool: String, _ args: [String]) -> ProcessResult {
        var operands = args
        if tool == "[" {
            guard operands.last == "]" else {
                return ProcessResult(stderr: messagePrefix + "[: missing ]\n", exitCode: 2)
            }
            operands.removeLast()
        }
        do throws(ShellTest.Failure) {
            let holds = try ShellTest(files: files, absolute: absolute).run(operands)
            return ProcessResult(exitCode: holds ? 0 : 1)
        } catch {
            switch error {
            case .illegalNumber(let n):
                return ProcessResult(stderr: messagePrefix + "\(tool): Illegal number: \(n)\n", exitCode: 2)
            case .syntax(let message):
                return ProcessResult(stderr: messagePrefix + "\(tool): \(message)\n", exitCode: 2)
            }
        }
    }

    private func env(_ args: [String]) throws -> ProcessResult {
        guard args.isEmpty else {
            throw ShellFailure.unsupported("stsim's env prints the environment; it runs no command")
        }
        return ProcessResult(stdout: exported.compactMap { name in variables[name].map { "\(name)=\($0)\n" } }.joined())
    }

    private func hostname(_ args: [String]) -> ProcessResult {
        let host = pod.spec.hostname ?? pod.metadata.name
        switch args.first {
        case "-f", "--fqdn", "--long":
            let fqdn = pod.spec.subdomain.map { "\(host).\($0).\(pod.metadata.namespace).svc.cluster.local" } ?? host
            return ProcessResult(stdout: fqdn + "\n")
        case "-i", "--ip-address": return ProcessResult(stdout: (pod.status.podIP ?? "") + "\n")
        default: return ProcessResult(stdout: host + "\n")
        }
    }

    /// `date` and `date +FORMAT` with the common fields; the clock is the virtual one, in UTC.
    private func date(_ args: [String]) throws -> ProcessResult {
        let c = WallClock(cluster.now)
        guard let format = args.first else { return ProcessResult(stdout: c.dateCommand + "\n") }
        guard format.hasPrefix("+"), args.count == 1 else {
            throw ShellFailure.unsupported(
                "stsim's date prints the time, or +FORMAT; not \(args.joined(separator: " "))")
        }
        var out = ""
        var it = format.dropFirst().makeIterator()
        while let ch = it.next() {
            guard ch == "%", let f = it.next() else {
                out.append(ch)
                continue
            }
            switch f {
            case "Y": out += "\(c.year)"
            case "m": out += c.two(c.month)
            case "d": out += c.two(c.day)
            case "H": out += c.two(c.hour)
            case "M": out += c.two(c.minute)
            case "S": out += c.two(c.second)
            case "F": out += "\(c.year)-\(c.two(c.month))-\(c.two(c.day))"
            case "T": out += "\(c.two(c.hour)):\(c.two(c.minute)):\(c.two(c.second))"
            case "s": out += "\(WallClock.unixSecondsAtZero + cluster.now.milliseconds / 1000)"
            case "%": out += "%"
            default: throw ShellFailure.unsupported("stsim's date formats %Y %m %d %H %M %S %F %T %s; not %\(f)")
            }
        }
        return ProcessResult(stdout: out + "\n")
    }

    /// `sleep N[smhd]` (fractions too): the caller decides what the virtual time does meanwhile.
    private func sleep(_ args: [String]) throws -> ProcessResult {
        guard let text = args.first else {
            return ProcessResult(
                stderr: busybox
                    ? "sleep: missing operand\n" : "sleep: missing operand\nTry 'sleep --help' for more information.\n",
                exitCode: 1)
        }
        if text == "infinity", busybox,
            ImageProfile.busyboxMinor(pod.spec.containers[container].image).map({ $0 < 31 }) == true
        {
            // BusyBox reads fractions and "inf" (strtod) only from 1.31 (FEATURE_FLOAT_DURATION).
            return ProcessResult(stderr: "sleep: invalid number 'infinity'\n", exitCode: 1)
        }
        if text == "infinity", let forever = hooks.sleepForever {
            try forever()
            return ProcessResult()
        }
        if text == "infinity" {
            throw ShellFailure.unsupported("sleep infinity never returns; sleep N takes N seconds of virtual time")
        }
        let units: [Character: Int64] = ["s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000]
        let unit = text.last.flatMap { units[$0] }
        let number = unit == nil ? text : String(text.dropLast())
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String((parts[1] + "000").prefix(3)) : "0"
        guard let whole = Int64(parts[0].isEmpty ? "0" : parts[0]), let milli = Int64(fraction), whole >= 0,
            !number.isEmpty
        else {
            return ProcessResult(
                stderr: busybox
                    ? "sleep: invalid number '\(text)'\n"
                    : "sleep: invalid time interval '\(text)'\nTry 'sleep --help' for more information.\n",
                exitCode: 1)
        }
        let ms = (whole * 1000 + milli) * (unit ?? 1000) / 1000
        try hooks.sleep(VirtualDuration(milliseconds: ms))
        return ProcessResult()
    }

    /// The container's processes: its main program as PID 1, this shell, and ps itself.
    private func ps() -> ProcessResult {
        let c = pod.spec.containers[container]
        let given = (c.command ?? []) + (c.args ?? [])
        var main = given.joined(separator: " ")
        if main.isEmpty {
            main =
                switch profile.kind {
                case .kubiaPet, .kubiaPetPeers: "node app.js"
                case .nginx: "nginx: master process nginx -g daemon off;"
                default: busybox ? "sh" : "/bin/bash"
                }
        }
        let alone = direct || isMainProcess
        let procs = [(1, main)] + (alone ? [] : [(7, "sh -c")]) + [(alone ? 7 : 13, "ps")]
        if busybox {
            let rows = procs.map { pid, cmd in
                String(repeating: " ", count: max(0, 5 - String(pid).count)) + "\(pid) root      0:00 \(cmd)\n"
            }
            return ProcessResult(stdout: "PID   USER     TIME  COMMAND\n" + rows.joined())
        }
        let rows = procs.map { pid, cmd in
            String(repeating: " ", count: max(0, 7 - String(pid).count)) + "\(pid) ?        00:00:00 "
                + (cmd.split(separator: " ").first.map(String.init) ?? cmd) + "\n"
        }
        return ProcessResult(stdout: "    PID TTY          TIME CMD\n" + rows.joined())
    }
}
