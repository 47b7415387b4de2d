/// `kubectl exec -it POD -- sh` (or `bash`, or `kubectl run -it` of a BusyBox image): one
/// shell that reads a line at a time, keeping its variables, working directory and `$?` from
/// line to line as a terminal session does. Each line runs in the same interpreter as
/// `exec POD -- sh -c '...'`.
public final class InteractiveShell {
    let shell: Shell
    /// `sh` or `bash`, as the user asked for it (its prompt differs).
    public let program: String
    /// The status `exit` left, once the shell has ended.
    public private(set) var exitStatus: Int?
    /// `$?`: what the shell returns when its input ends without `exit`.
    public var lastStatus: Int { shell.status }
    public var podName: String { shell.pod.metadata.name }
    public var container: Int { shell.container }

    init(shell: Shell, program: String) {
        self.shell = shell
        self.program = program
    }

    /// The shells' own prompts for root: BusyBox ash's `\w \$ ` (`/ # `), dash's `# `, and
    /// Debian's bash.bashrc `\u@\h:\w\$ ` (`root@web-0:/# `).
    public var prompt: String {
        let home = shell.variables["HOME"] ?? "/root"
        let cwd = shell.cwd
        let shown =
            cwd == home ? "~" : cwd.hasPrefix(home + "/") ? "~" + cwd.dropFirst(home.count) : cwd
        if program == "bash" {
            let host = (shell.variables["HOSTNAME"] ?? "localhost").split(separator: ".").first.map(String.init) ?? ""
            return "root@\(host):\(shown)# "
        }
        return shell.profile.shell == .ash ? "\(shown) # " : "# "
    }

    /// Runs one line (or a here-document's whole text); `exit` ends the shell.
    public func run(line: String) throws -> ProcessResult {
        guard exitStatus == nil else { return ProcessResult() }
        // The budget that ends a runaway loop counts per line, not per session.
        shell.steps = 0
        shell.exited = false
        let result = try shell.cluster.watchingFiles { try shell.run(script: line) }
        if shell.exited { exitStatus = result.exitCode }
        return result
    }
}

extension Cluster {
    /// A shell in container `container` of `pod`, or nil when the image has no such program
    /// (`bash` in BusyBox, any shell in a distroless image): run it with `execInContainer`
    /// then, for the runtime's own error.
    public func interactiveShell(_ pod: Pod, container: Int, program: String, hooks: ShellHooks) -> InteractiveShell? {
        guard container < pod.spec.containers.count else { return nil }
        let tool = program.split(separator: "/").last.map(String.init) ?? program
        let profile = ImageProfile.of(image: pod.spec.containers[container].image)
        let present =
            switch tool {
            case "sh": profile.shell != nil
            case "ash": profile.shell == .ash
            // Debian's bash is essential: every image stsim models on Debian has it.
            case "bash": profile.shell == .dash
            default: false
            }
        guard present else { return nil }
        let shell = Shell(cluster: self, pod: pod, container: container, hooks: hooks)
        shell.name = tool
        return InteractiveShell(shell: shell, program: tool == "bash" ? "bash" : "sh")
    }

    /// The programs `interactiveShell` opens.
    public static let interactiveShells: Set<String> = ["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash"]
}
