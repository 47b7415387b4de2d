import StsimEngine
import StsimLanguage

/// The shell that `exec -it POD -- sh` or `run -it --image=busybox NAME` opens. At the prompt,
/// each line typed goes to it until `exit` (or Ctrl-D) and the terminal shows its prompt; in a
/// script, it reads the lines after the command up to `exit`. Virtual time stands still inside
/// unless a tool sleeps.
final class NestedShell {
    let shell: InteractiveShell
    /// `run`: the shell is the pod's main process, so its end ends the container.
    let run: RunPodCommand?
    /// `-t`: without a terminal the shell reads its input quietly and shows no prompt.
    let tty: Bool
    /// The pod's namespace (the command's `-n`): each line typed later runs in it.
    let namespace: String

    init(shell: InteractiveShell, run: RunPodCommand?, tty: Bool, namespace: String) {
        self.shell = shell
        self.run = run
        self.tty = tty
        self.namespace = namespace
    }

    var prompt: String { tty ? shell.prompt : "" }
}

extension Session {
    /// The container shell's prompt while it reads the lines typed (`/ # `), else nil.
    public var nestedPrompt: String? { nestedShell?.prompt }

    /// Ctrl-D in the nested prompt: the shell reads the end of its input and ends.
    public func endNestedInput() {
        guard let nested = nestedShell else { return }
        printer.startCommand()
        _ = inNamespace(nested.namespace) { leave(nested) }
    }

    /// kubectl's words when -t is asked for and standard input is not a terminal.
    static let noTerminal = "Unable to use a TTY - input is not a terminal or the right kind of file"

    func execAttached(_ e: AttachedExec) throws -> Outcome {
        if case .terminal = e.input, !canOpenNestedPrompt { throw Self.promptOnlyError }
        guard let (pod, index) = try execTarget(e.pod, container: e.container) else { return .failed }
        let argv = e.command.map(\.text)
        if case .text(let text) = e.input {
            if e.tty { printer.errorLine(Self.noTerminal) }
            return report(try runTool(pod, container: index, argv, stdin: text))
        }
        guard let shell = cluster.interactiveShell(pod, container: index, program: argv[0], hooks: shellHooks) else {
            return report(Cluster.missingExecutable(argv[0]))
        }
        return try attach(
            NestedShell(shell: shell, run: nil, tty: e.tty, namespace: pod.metadata.namespace), input: e.input,
            pod: pod, container: index)
    }

    /// `run -it --image=busybox NAME [-- sh]`: the image's shell (`sh` unless the command names
    /// one) is the main process and reads the input.
    func attachShell(_ pod: Pod, run r: RunPodCommand, input: ExecInput) throws -> Outcome {
        let program = r.command.first ?? "sh"
        if case .text(let text) = input {
            if r.tty { printer.errorLine(Self.noTerminal) }
            let result = try runTool(pod, container: 0, [program], stdin: text)
            cluster.appendLog(pod, result.stdout + result.stderr)
            printStreams(result)
            return finishRun(r, exitCode: result.exitCode)
        }
        guard let shell = cluster.interactiveShell(pod, container: 0, program: program, hooks: shellHooks) else {
            if r.command.isEmpty { throw SessionError("\(r.image) has no shell") }
            return report(Cluster.missingExecutable(program))
        }
        // attach.go prints it once the terminal is raw, before the shell's first prompt.
        if r.tty { printer.errorLine("If you don't see a command prompt, try pressing enter.") }
        return try attach(
            NestedShell(shell: shell, run: r, tty: r.tty, namespace: pod.metadata.namespace), input: input, pod: pod,
            container: 0)
    }

    /// Only a command typed at the prompt hands the terminal to a shell: not a script's, nor
    /// one of a loop's (the loop's other commands would run while the shell reads).
    var canOpenNestedPrompt: Bool { interactive && !runningLoop }

    static var promptOnlyError: SessionError {
        SessionError(
            "a shell's prompt opens only at stsim's prompt, not in a script or a loop",
            hint: "in a script, write the shell's lines after the command, up to a line: exit (or pass them <<EOF)")
    }

    private func attach(_ nested: NestedShell, input: ExecInput, pod: Pod, container: Int) throws -> Outcome {
        guard case .typedLines(let lines) = input else {
            nestedShell = nested
            return .ok
        }
        var failed = false
        for line in lines {
            // As the terminal would show it: the shell's prompt, then the line typed.
            if options.echo { printer.line(nested.prompt + line.text) }
            do {
                try runShellLine(line.text, in: nested, pod: pod, container: container)
            } catch {
                report(error, at: line.location)
                failed = true
            }
            if nested.shell.exitStatus != nil { break }
        }
        return leave(nested) == .ok && !failed ? .ok : .failed
    }

    /// One line typed at the nested prompt.
    func runNestedLine(_ line: String) {
        guard let nested = nestedShell else { return }
        printer.startCommand()
        inNamespace(nested.namespace) { runNestedLine(line, in: nested) }
    }

    private func runNestedLine(_ line: String, in nested: NestedShell) {
        guard let pod = cluster.get(Pod.self, nested.shell.podName) else {
            // The pod went away under the shell (it cannot, as time stands still; but a sleep can).
            printer.errorLine("error: the pod \(nested.shell.podName) is gone")
            nestedShell = nil
            return
        }
        do {
            try runShellLine(line, in: nested, pod: pod, container: nested.shell.container)
        } catch {
            report(error, at: SourceLocation(file: "<prompt>", line: 1, column: 1))
        }
        if nested.shell.exitStatus != nil { _ = leave(nested) }
    }

    private func runShellLine(_ line: String, in nested: NestedShell, pod: Pod, container: Int) throws {
        let result = try inContainer(pod, container: container) { try nested.shell.run(line: line) }
        if nested.run != nil { cluster.appendLog(pod, result.stdout + result.stderr) }
        printStreams(result)
    }

    /// The shell ended: an exec reports a non-zero status as kubectl does; a run's pod ends.
    private func leave(_ nested: NestedShell) -> Outcome {
        nestedShell = nil
        let status = nested.shell.exitStatus ?? nested.shell.lastStatus
        if let r = nested.run { return finishRun(r, exitCode: status) }
        guard status == 0 else {
            printer.errorLine("command terminated with exit code \(status)")
            return .failed
        }
        return .ok
    }
}
