/// Simple commands: expansion, redirections, then a special built-in, a regular built-in, or a
/// tool found in the image's $PATH (XCU 2.9.1, "Command Search and Execution").
extension Shell {
    /// Where a descriptor's output goes.
    enum Sink {
        case stdout, stderr
        case file(String)
    }

    struct Sinks {
        var ok = true
        var stdin: String?
        var out = Sink.stdout
        var err = Sink.stderr
    }

    func runSimple(_ c: ShellSimpleCommand, _ io: inout ShellIO) throws -> Int {
        steps += 1
        if steps > Self.budget { throw ShellFailure.runaway(Self.budget) }
        var argv: [String] = []
        for w in c.words { argv += try expand(w, &io) }
        var assigned: [(String, String)] = []
        for a in c.assignments { assigned.append((a.name, try expandText(a.value, &io))) }
        var sinks = try openRedirects(c.redirects, &io)
        guard sinks.ok else { return status }
        guard !argv.isEmpty else {
            for (name, value) in assigned { variables[name] = value }
            // The status of the last command substitution, if there was one (XCU 2.9.1).
            let substituted = c.assignments.contains { a in
                a.value.parts.contains { if case .command = $0 { true } else { false } }
            }
            return substituted ? status : 0
        }
        // Assignments before a command are its environment only.
        let saved = (variables, exported)
        for (name, value) in assigned {
            variables[name] = value
            if !exported.contains(name) { exported.append(name) }
        }
        defer { if !assigned.isEmpty { (variables, exported) = saved } }
        if let function = functions[argv[0]] {
            return try call(function.body, Array(argv.dropFirst()), stdin: sinks.stdin ?? io.stdin, &sinks, &io)
        }
        var result = ProcessResult()
        do {
            result = try invoke(argv, stdin: sinks.stdin ?? io.stdin)
        } catch Jump.exit(let code) {
            // Output before `exit` still reaches its redirections.
            deliver(result, to: &sinks, &io)
            throw Jump.exit(code)
        }
        deliver(result, to: &sinks, &io)
        return result.exitCode
    }

    /// A function call: the body runs in this shell with the arguments as `$1`... and its
    /// output goes where the call's redirections say; `return` ends it with its status.
    private func call(
        _ body: ShellNode, _ args: [String], stdin: String, _ sinks: inout Sinks, _ io: inout ShellIO
    ) throws -> Int {
        // dash and ash recurse until the stack ends; stsim stops well before its own does.
        guard callDepth < Self.maxCallDepth else {
            throw ShellFailure.unsupported("functions call each other at most \(Self.maxCallDepth) deep")
        }
        let saved = positional
        (positional, callDepth) = (args, callDepth + 1)
        defer { (positional, callDepth) = (saved, callDepth - 1) }
        var inner = ShellIO(stdin: stdin)
        do {
            try run(body, &inner)
        } catch Jump.returnFromFunction(let code) {
            status = code
        } catch {
            // Output before `exit` still reaches the call's redirections.
            deliver(Self.result(inner, status), to: &sinks, &io)
            throw error
        }
        deliver(Self.result(inner, status), to: &sinks, &io)
        return status
    }

    static let maxCallDepth = 100

    func openRedirects(_ redirects: [ShellRedirect], _ io: inout ShellIO) throws -> Sinks {
        var sinks = Sinks()
        for r in redirects {
            let target = try expandText(r.target, &io)
            let path = absolute(target)
            switch r.operation {
            case .input:
                switch files.read(path) {
                case .success(let text): sinks.stdin = text
                case .failure(let e):
                    io.error(
                        profile.shell == .ash
                            ? messagePrefix + "can't open '\(target)': \(e.message)\n"
                            : messagePrefix + "cannot open \(target): No such file\n")
                    return fail(&sinks)
                }
            case .output, .append:
                if let e = files.write(path, "", append: r.operation == .append) {
                    let why = e == .noSuchFile ? "Directory nonexistent" : e.message
                    io.error(
                        profile.shell == .ash
                            ? messagePrefix
                                + "can't create \(target): \(e == .noSuchFile ? "nonexistent directory" : e.message)\n"
                            : messagePrefix + "cannot create \(target): \(why)\n")
                    return fail(&sinks)
                }
                set(&sinks, r.descriptor, .file(path))
            case .duplicate:
                switch target {
                case "1": set(&sinks, r.descriptor, sinks.out)
                case "2": set(&sinks, r.descriptor, sinks.err)
                case "-": set(&sinks, r.descriptor, .file("/dev/null"))
                default: throw ShellFailure.unsupported("stsim's sh duplicates descriptors 1 and 2 only (2>&1, >&2)")
                }
            }
        }
        return sinks
    }

    private func fail(_ sinks: inout Sinks) -> Sinks {
        sinks.ok = false
        status = profile.shell == .ash ? 1 : 2
        return sinks
    }

    private func set(_ sinks: inout Sinks, _ descriptor: Int, _ sink: Sink) {
        if descriptor == 2 { sinks.err = sink } else { sinks.out = sink }
    }

    func deliver(_ result: ProcessResult, to sinks: inout Sinks, _ io: inout ShellIO) {
        for chunk in result.inOrder {
            switch chunk.isError ? sinks.err : sinks.out {
            case .stdout: io.output(chunk.text)
            case .stderr: io.error(chunk.text)
            case .file(let path): _ = files.write(path, chunk.text, append: true)
            }
        }
    }

    /// A command by name: the shell's own built-ins first, then the image's tools.
    func invoke(_ argv: [String], stdin: String) throws -> ProcessResult {
        let name = argv[0]
        let args = Array(argv.dropFirst())
        if let result = try builtin(name, args) { return result }
        let tool = name.split(separator: "/").last.map(String.init) ?? name
        // echo, printf, test, [, true, false, kill and pwd are built into dash and ash.
        if Self.shellBuiltins.contains(name) || profile.tools.contains(tool) {
            return try runTool(tool, args, stdin: stdin)
        }
        if Self.notSimulated.contains(tool) { throw ShellFailure.notSimulated(tool) }
        // bash says it its own way: `bash: get: command not found`.
        let what = self.name == "bash" ? "command not found" : "not found"
        return ProcessResult(stderr: messagePrefix + "\(name): \(what)\n", exitCode: 127)
    }

    static let shellBuiltins: Set<String> = ["echo", "printf", "test", "[", "true", "false", "kill", "pwd"]

    /// Every command stsim simulates in some image.
    static let simulated: Set<String> = ImageProfile.coreutils.union([
        "sh", "ps", "curl", "wget", "dig", "nslookup", "ping",
    ])

    /// Commands that real images carry and stsim does not run: naming one is stsim's gap, not
    /// the image's, so it says so instead of the shell's `not found`.
    static let notSimulated: Set<String> = [
        "chmod", "chown", "chgrp", "ln", "find", "sed", "awk", "tr", "cut", "sort", "uniq", "xargs", "tee", "df", "du",
        "mount", "umount", "stat", "readlink", "basename", "dirname", "seq", "expr", "bash", "vi", "nano", "apt",
        "apt-get", "apk", "yum", "python", "python3", "node", "nginx", "nc", "netstat", "ss", "ip", "ifconfig",
        "top", "free", "uname", "whoami", "which", "tar", "gzip", "gunzip", "read", "set", "wait", "source", ".",
        "eval", "exec", "shift", "getopts", "local", "case", "nohup", "timeout", "watch", "less", "more",
    ]

    /// The special built-ins that change the shell itself; nil for any other name.
    private func builtin(_ name: String, _ args: [String]) throws -> ProcessResult? {
        switch name {
        case ":": return ProcessResult()
        case "exit": throw Jump.exit(args.first.flatMap { Int($0) }.map { $0 & 255 } ?? status)
        case "return": throw Jump.returnFromFunction(args.first.flatMap { Int($0) }.map { $0 & 255 } ?? status)
        case "trap": return trap(args)
        case "break": throw Jump.breakLoop
        case "continue": throw Jump.continueLoop
        case "export":
            for a in args {
                let (name, value) = a.split(separator: "=", maxSplits: 1).map(String.init).pair
                if let value { variables[name] = value }
                if !exported.contains(name) { exported.append(name) }
            }
            return ProcessResult()
        case "unset":
            for a in args { variables[a] = nil }
            exported.removeAll { args.contains($0) }
            return ProcessResult()
        case "cd":
            let target = absolute(args.first ?? variables["HOME"] ?? "/")
            guard files.kind(target) == .directory else {
                return ProcessResult(stderr: messagePrefix + "cd: can't cd to \(args.first ?? "")\n", exitCode: 2)
            }
            cwd = target
            variables["PWD"] = target
            return ProcessResult()
        default: return nil
        }
    }
}

extension Array where Element == String {
    /// `NAME=VALUE` split once: the name, and the value if there was an `=`.
    fileprivate var pair: (String, String?) { (first ?? "", count > 1 ? self[1] : nil) }
}
