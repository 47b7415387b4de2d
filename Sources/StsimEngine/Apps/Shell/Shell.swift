/// A POSIX-shell subset running inside one container: variables, control flow, pipelines and
/// redirections over the container's files, with the image's tools. Pipelines run their stages
/// one after the other, each reading the whole output of the one before (no tool here waits on
/// its input, so the result is the same).
final class Shell {
    let cluster: Cluster
    let pod: Pod
    let container: Int
    let files: ContainerFiles
    let hooks: ShellHooks
    var variables: [String: String]
    /// Names passed to the commands' environment, in the order they were set.
    var exported: [String]
    var cwd = "/"
    var status = 0
    /// Commands run so far, against `budget`, so that `while true` ends.
    var steps = 0
    static let budget = 10_000
    /// `$0`: `sh` for `sh -c`.
    var name = "sh"
    /// Whether the command runs without a shell (`exec POD -- echo hi`): then echo is the
    /// image's binary, not the shell's built-in.
    var direct = false
    /// Whether this shell is the container's PID 1 (its main process), not one exec started.
    var isMainProcess = false
    /// Set when `exit` ended the last script (an interactive shell then ends).
    var exited = false
    /// Functions defined so far, with their definitions' ids (`ShellNode.function`).
    var functions: [String: (id: Int, body: ShellNode)] = [:]
    /// `trap` actions by signal name without `SIG` (`TERM`, `INT`, `EXIT`); "" ignores the signal.
    var traps: [String: String] = [:]
    /// `$1`, `$2`...: the arguments of the function that runs.
    var positional: [String] = []
    /// Function calls under way, one inside the other.
    var callDepth = 0

    init(cluster: Cluster, pod: Pod, container: Int, hooks: ShellHooks) {
        self.cluster = cluster
        self.pod = pod
        self.container = container
        self.hooks = hooks
        files = ContainerFiles(cluster: cluster, pod: pod, container: container)
        let env = Self.environment(cluster, pod, container: container)
        variables = Dictionary(env, uniquingKeysWith: { _, last in last })
        exported = env.map(\.0)
    }

    var profile: ImageProfile { files.image }

    /// The container's environment as the runtime sets it: PATH and HOSTNAME first, then the
    /// pod spec's `env`, then HOME (runc adds it when the image sets none).
    static func environment(_ cluster: Cluster, _ pod: Pod, container: Int) -> [(String, String)] {
        var env = [
            ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("HOSTNAME", pod.spec.hostname ?? pod.metadata.name),
        ]
        guard container < pod.spec.containers.count else { return env }
        let c = pod.spec.containers[container]
        // A running container got its variables when it was created; the kubelet refused to
        // create one whose sources failed, so a failure here leaves those variables out.
        let fromConfig =
            cluster.createdEnvironment(pod, container: container)
            ?? (try? cluster.configEnvironment(c, namespace: pod.metadata.namespace).get()) ?? []
        let literal = Dictionary(c.env.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        for (name, resolved) in fromConfig {
            let value: String
            if let resolved {
                value = resolved
            } else {
                let e = literal[name]
                value = e?.fieldPath.map(pod.downwardField) ?? e?.value ?? ""
            }
            env.removeAll { $0.0 == name }
            env.append((name, value))
        }
        if !env.contains(where: { $0.0 == "HOME" }) { env.append(("HOME", "/root")) }
        return env
    }

    /// Control flow that unwinds the interpreter: `exit`, `break`, `continue`.
    enum Jump: Error {
        case exit(Int)
        /// `return` from a function, with its status.
        case returnFromFunction(Int)
        case breakLoop
        case continueLoop
    }

    /// Runs a script to its end or its `exit`; what it printed, and its status.
    func run(script: String) throws -> ProcessResult {
        var io = ShellIO()
        do {
            let node = try ShellParser.parse(script)
            try run(node, &io)
        } catch let e as ShellSyntaxError {
            io.error(messagePrefix + "Syntax error: \(e.message)\n")
            status = 2
        } catch Jump.exit(let code) {
            status = code
            exited = true
        } catch Jump.breakLoop, Jump.continueLoop {
        } catch Jump.returnFromFunction(let code) {
            // `return` outside a function ends a script run with `sh -c` in dash and ash.
            status = code
        } catch let stopped as ShellStopped {
            // A nested sh stopped: what this one printed comes first.
            io.append(stopped.partial.inOrder)
            throw ShellStopped(error: stopped.error, partial: Self.result(io, status))
        } catch {
            throw ShellStopped(error: error, partial: Self.result(io, status))
        }
        if traps["EXIT"] != nil {
            // The exit trap runs as the shell leaves; the status stays unless it runs `exit`.
            status = (try? runTrap("EXIT", &io)).flatMap { $0 } ?? status
        }
        return Self.result(io, status)
    }

    static func result(_ io: ShellIO, _ status: Int) -> ProcessResult {
        var result = ProcessResult(stdout: io.stdout, stderr: io.stderr, exitCode: status)
        result.chunks = io.chunks
        return result
    }

    /// dash names the line (`sh: 1: `); BusyBox's ash and bash at a prompt do not (`sh: `).
    var messagePrefix: String { profile.shell == .ash || name == "bash" ? "\(name): " : "\(name): 1: " }

    @discardableResult
    func run(_ node: ShellNode, _ io: inout ShellIO) throws -> Int {
        switch node {
        case .simple(let c): status = try runSimple(c, &io)
        case .sequence(let items): for item in items { try run(item, &io) }
        case .and(let a, let b): if try run(a, &io) == 0 { try run(b, &io) }
        case .or(let a, let b): if try run(a, &io) != 0 { try run(b, &io) }
        case .pipeline(let stages, let negated):
            var input = io.stdin
            for (k, stage) in stages.enumerated() {
                var stageIO = ShellIO(stdin: input)
                try run(stage, &stageIO)
                if k == stages.count - 1 {
                    io.append(stageIO.chunks)
                } else {
                    io.append(stageIO.chunks.filter(\.isError))
                    input = stageIO.stdout
                }
            }
            if negated { status = status == 0 ? 1 : 0 }
        case .ifThen(let branches, let otherwise): try runIf(branches, otherwise, &io)
        case .forLoop(let variable, let words, let body): try runFor(variable, words, body, &io)
        case .whileLoop(let condition, let body, let until): try runWhile(condition, body, until, &io)
        case .redirected(let inner, let redirects):
            var sinks = try openRedirects(redirects, &io)
            guard sinks.ok else { return status }
            var innerIO = ShellIO(stdin: sinks.stdin ?? io.stdin)
            try run(inner, &innerIO)
            deliver(Self.result(innerIO, 0), to: &sinks, &io)
        case .function(let name, let id, let body):
            functions[name] = (id, body)
            status = 0
        }
        return status
    }

    private func runIf(
        _ branches: [(condition: ShellNode, body: ShellNode)], _ otherwise: ShellNode?, _ io: inout ShellIO
    ) throws {
        for branch in branches where try run(branch.condition, &io) == 0 {
            try run(branch.body, &io)
            return
        }
        status = 0
        if let otherwise { try run(otherwise, &io) }
    }

    private func runFor(_ variable: String, _ words: [ShellWord]?, _ body: ShellNode, _ io: inout ShellIO) throws {
        var values: [String] = []
        for w in words ?? [] { values += try expand(w, &io) }
        status = 0
        loop: for value in values {
            variables[variable] = value
            do { try run(body, &io) } catch Jump.breakLoop { break loop } catch Jump.continueLoop { continue loop }
        }
    }

    private func runWhile(_ condition: ShellNode, _ body: ShellNode, _ until: Bool, _ io: inout ShellIO) throws {
        var last = 0
        while (try run(condition, &io) == 0) != until {
            do { try run(body, &io) } catch Jump.breakLoop { break } catch Jump.continueLoop { continue }
            last = status
        }
        status = last
    }

    /// A subshell's copy, for `$(...)`: changes to its variables stay inside.
    func subshell() -> Shell {
        let s = Shell(cluster: cluster, pod: pod, container: container, hooks: hooks)
        (s.variables, s.exported, s.cwd, s.status, s.steps, s.name) = (variables, exported, cwd, status, steps, name)
        (s.functions, s.traps, s.positional) = (functions, traps, positional)
        return s
    }

    /// A path as given, made absolute against the working directory.
    func absolute(_ path: String) -> String {
        var parts: [Substring] = []
        for part in (path.hasPrefix("/") ? path : cwd + "/" + path).split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// A command's standard streams: what it reads, and what it printed so far, also in the
/// order it was printed (a terminal shows the two streams interleaved).
struct ShellIO {
    var stdin = ""
    private(set) var stdout = ""
    private(set) var stderr = ""
    private(set) var chunks: [OutputChunk] = []

    init(stdin: String = "") { self.stdin = stdin }

    mutating func output(_ text: String) { append([OutputChunk(text: text, isError: false)]) }
    mutating func error(_ text: String) { append([OutputChunk(text: text, isError: true)]) }

    mutating func append(_ more: [OutputChunk]) {
        for chunk in more where !chunk.text.isEmpty {
            if chunk.isError { stderr += chunk.text } else { stdout += chunk.text }
            if let last = chunks.last, last.isError == chunk.isError {
                chunks[chunks.count - 1].text += chunk.text
            } else {
                chunks.append(chunk)
            }
        }
    }
}
