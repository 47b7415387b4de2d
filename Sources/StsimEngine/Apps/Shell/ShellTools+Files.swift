/// The file tools, with GNU coreutils' messages (Debian images) or BusyBox's (busybox images):
/// cat, ls, rm, touch, mkdir, cp, mv.
extension Shell {
    var busybox: Bool { profile.shell == .ash }

    /// Splits clustered short options (`-rf`) from operands; `--` ends the options.
    func options(_ tool: String, _ args: [String], allowed: String) throws -> (Set<Character>, [String]) {
        var flags = Set<Character>()
        var operands: [String] = []
        var done = false
        for a in args {
            if done || !a.hasPrefix("-") || a == "-" {
                operands.append(a)
            } else if a == "--" {
                done = true
            } else {
                for letter in a.dropFirst() {
                    guard allowed.contains(letter) else {
                        let list = allowed.map { "-\($0)" }.joined(separator: " ")
                        throw ShellFailure.unsupported("stsim's \(tool) takes \(list); not \(a)")
                    }
                    flags.insert(letter)
                }
            }
        }
        return (flags, operands)
    }

    /// `tool: cannot VERB 'PATH': REASON` in GNU's words, `tool: can't VERB 'PATH': REASON` in BusyBox's.
    func cannot(_ tool: String, _ verb: String, _ path: String, _ e: FileError) -> String {
        busybox
            ? "\(tool): can't \(verb) '\(path)': \(e.message)\n" : "\(tool): cannot \(verb) '\(path)': \(e.message)\n"
    }

    func cat(_ args: [String], stdin: String) throws -> ProcessResult {
        let (_, paths) = try options("cat", args, allowed: "")
        var r = ProcessResult()
        for path in paths.isEmpty ? ["-"] : paths {
            if path == "-" {
                r.stdout += stdin
                continue
            }
            switch files.read(absolute(path)) {
            case .success(let text): r.stdout += text
            case .failure(let e):
                r.stderr +=
                    busybox
                    ? (e == .isDirectory ? "cat: read error: Is a directory\n" : cannot("cat", "open", path, e))
                    : "cat: \(path): \(e.message)\n"
                r.exitCode = 1
            }
        }
        return r
    }

    func ls(_ args: [String]) throws -> ProcessResult {
        let (flags, operands) = try options("ls", args, allowed: "1ad")
        let paths = operands.isEmpty ? ["."] : operands
        var r = ProcessResult()
        for (k, path) in paths.enumerated() {
            let full = absolute(path)
            if flags.contains("d") || files.kind(full) == .file {
                if files.kind(full) != nil {
                    r.stdout += path + "\n"
                    continue
                }
            }
            switch files.list(full) {
            case .success(let names):
                if paths.count > 1 { r.stdout += (k > 0 ? "\n" : "") + "\(path):\n" }
                r.stdout += ((flags.contains("a") ? [".", ".."] : []) + names).map { $0 + "\n" }.joined()
            case .failure(let e):
                r.stderr += busybox ? "ls: \(path): \(e.message)\n" : "ls: cannot access '\(path)': \(e.message)\n"
                r.exitCode = busybox ? 1 : 2
            }
        }
        return r
    }

    func rm(_ args: [String]) throws -> ProcessResult {
        let (flags, paths) = try options("rm", args, allowed: "rRf")
        guard !paths.isEmpty || flags.contains("f") else { return missingOperand("rm") }
        var r = ProcessResult()
        for path in paths {
            guard let e = files.remove(absolute(path), recursive: flags.contains("r") || flags.contains("R")) else {
                continue
            }
            if e == .noSuchFile, flags.contains("f") { continue }
            r.stderr +=
                busybox && e == .isDirectory ? "rm: '\(path)' is a directory\n" : cannot("rm", "remove", path, e)
            r.exitCode = 1
        }
        return r
    }

    func touch(_ args: [String]) throws -> ProcessResult {
        let (_, paths) = try options("touch", args, allowed: "c")
        guard !paths.isEmpty else { return missingOperand("touch") }
        var r = ProcessResult()
        for path in paths where files.kind(absolute(path)) == nil {
            if let e = files.write(absolute(path), "") {
                r.stderr += busybox ? "touch: \(path): \(e.message)\n" : cannot("touch", "touch", path, e)
                r.exitCode = 1
            }
        }
        return r
    }

    func mkdir(_ args: [String]) throws -> ProcessResult {
        let (flags, paths) = try options("mkdir", args, allowed: "p")
        guard !paths.isEmpty else { return missingOperand("mkdir") }
        var r = ProcessResult()
        for path in paths {
            let full = absolute(path)
            var error: FileError?
            if flags.contains("p") {
                var prefix = ""
                for part in full.split(separator: "/") {
                    prefix += "/" + part
                    if files.kind(prefix) == nil { error = files.makeDirectory(prefix) }
                    if files.kind(prefix) == .file { error = .notDirectory }
                    if error != nil { break }
                }
            } else {
                error = files.makeDirectory(full)
            }
            if let error {
                r.stderr += cannot("mkdir", "create directory", path, error)
                r.exitCode = 1
            }
        }
        return r
    }

    func missingOperand(_ tool: String) -> ProcessResult {
        ProcessResult(
            stderr: busybox
                ? "\(tool): missing operand\n"
                : "\(tool): missing operand\nTry '\(tool) --help' for more information.\n",
            exitCode: 1)
    }

    /// `cp` and `mv`: one source to a path or into a directory, or several into a directory.
    func copy(_ tool: String, _ args: [String]) throws -> ProcessResult {
        let (flags, operands) = try options(tool, args, allowed: tool == "cp" ? "rRf" : "f")
        guard operands.count >= 2, let target = operands.last else { return missingOperand(tool) }
        let into = files.kind(absolute(target)) == .directory
        var r = ProcessResult()
        for source in operands.dropLast() {
            let from = absolute(source)
            guard let kind = files.kind(from) else {
                r.stderr += cannot(tool, tool == "mv" && busybox ? "rename" : "stat", source, .noSuchFile)
                r.exitCode = 1
                continue
            }
            if kind == .directory, tool == "cp", !flags.contains("r"), !flags.contains("R") {
                r.stderr += "cp: -r not specified; omitting directory '\(source)'\n"
                r.exitCode = 1
                continue
            }
            let name = from.split(separator: "/").last.map(String.init) ?? ""
            let to = into ? absolute(target) + "/" + name : absolute(target)
            if let e = copyTree(from, to) {
                r.stderr += cannot(tool, "create regular file", target, e)
                r.exitCode = 1
            } else if tool == "mv" {
                _ = files.remove(from, recursive: true)
            }
        }
        return r
    }

    private func copyTree(_ from: String, _ to: String) -> FileError? {
        if case .success(let text) = files.read(from) { return files.write(to, text) }
        if files.kind(to) == nil, let e = files.makeDirectory(to) { return e }
        guard case .success(let names) = files.list(from) else { return nil }
        for name in names {
            if let e = copyTree(from + "/" + name, to + "/" + name) { return e }
        }
        return nil
    }
}
