/// Running a command in a container, as the runtime's exec does (CRI ExecSync): `kubectl exec`
/// and exec probes both come here. The first word is looked up in the image's $PATH; `sh` runs
/// stsim's POSIX-shell subset.
extension Cluster {
    /// Runs `argv` in container `container` of `pod`, with `stdin` as its standard input. What
    /// it printed and its exit status, as the runtime returns them; a command missing from the
    /// image gives the runtime's error and status 126. Throws `ShellFailure` for what stsim does
    /// not simulate, and whatever a hook throws. A probe passes hooks whose `sleep` adds up the
    /// time the command took, to hold against its `timeoutSeconds`.
    public func execInContainer(
        _ pod: Pod, container: Int = 0, argv: [String], stdin: String = "", hooks: ShellHooks
    ) throws -> ProcessResult {
        try watchingFiles { try runInContainer(pod, container: container, argv: argv, stdin: stdin, hooks: hooks) }
    }

    /// Runs `body`, then wakes the probers if it wrote to a container's files.
    func watchingFiles<T>(_ body: () throws -> T) rethrows -> T {
        let before = files.changes
        // Even a command that stopped part way may have written: exec probes look again.
        defer {
            if files.changes != before {
                for node in kubelets.keys.sorted() { kubelets[node]!.containerFilesChanged() }
            }
        }
        return try body()
    }

    /// `execInContainer` without waking the probers: an exec probe runs here.
    func runInContainer(
        _ pod: Pod, container: Int = 0, argv: [String], stdin: String = "", hooks: ShellHooks
    ) throws -> ProcessResult {
        guard let first = argv.first, container < pod.spec.containers.count else {
            throw ShellFailure.unsupported("exec needs a command")
        }
        let shell = Shell(cluster: self, pod: pod, container: container, hooks: hooks)
        shell.direct = true
        let tool = first.split(separator: "/").last.map(String.init) ?? first
        guard shell.profile.tools.contains(tool) else {
            guard Shell.simulated.contains(tool) || hooks.tools[tool] != nil, !Shell.notSimulated.contains(tool) else {
                throw ShellFailure.notSimulated(tool)
            }
            return Cluster.missingExecutable(first)
        }
        return try shell.runTool(tool, Array(argv.dropFirst()), stdin: stdin)
    }

    /// containerd's words when the binary is not in the image (kubectl exits 126 through
    /// cri-dockerd, minikube's runtime).
    public static func missingExecutable(_ first: String) -> ProcessResult {
        let why =
            first.hasPrefix("/") ? "stat \(first): no such file or directory" : "executable file not found in $PATH"
        return ProcessResult(
            stderr:
                "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(first)\": \(why): unknown\n",
            exitCode: 126)
    }

    /// Every command stsim simulates in some image.
    public static var commandsStsimSimulates: Set<String> { Shell.simulated }

    /// The simulated commands an image's $PATH holds, sorted, for messages that list them.
    public static func simulatedCommands(image: String) -> [String] {
        ImageProfile.of(image: image).tools.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
