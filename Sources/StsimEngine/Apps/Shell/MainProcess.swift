/// A container's main process run by stsim's shell (`command`/`args` of a busybox or dnsutils
/// container, or the image's own `sh`), as a value the kubelet keeps: the program, where it has
/// got to, and the shell's variables. It runs until it sleeps, then waits for the virtual clock:
/// `touch /tmp/healthy; sleep 30; rm /tmp/healthy` removes the file 30 s after creating it, as
/// the liveness-probe tutorial needs.
struct MainProcessState: Codable, Hashable, Sendable {
    enum Program: Codable, Hashable, Sendable {
        /// `sh -c SCRIPT [NAME]`: the script, and its `$0`.
        case script(String, name: String)
        /// A tool run without a shell (`sleep 3600`).
        case direct([String])
    }

    /// Where the interpreter stands in one compound command, outermost first. A frame says
    /// which child runs next, so that a resumed run walks down to the command that slept.
    enum Frame: Codable, Hashable, Sendable {
        case sequence(next: Int)
        /// `&&` or `||`: 0 while the left side runs, 1 on the right.
        case branch(stage: Int)
        /// The `if`/`elif` branch at hand (`branches.count` is the `else`), and whether its body runs.
        case ifThen(branch: Int, inBody: Bool)
        case forLoop(values: [String], next: Int)
        case whileLoop(inBody: Bool, last: Int)
        /// A simple command, pipeline or redirected group that slept: it has finished on resume.
        case leaf
    }

    var program: Program
    var frames: [Frame] = []
    var variables: [String: String]?
    var exported: [String] = []
    var cwd = "/"
    var status = 0
    /// Functions defined so far, by the id of their definition in the script (`ShellNode.function`).
    var functions: [String: Int]?
    /// `trap` actions by signal (`TERM`), kept across sleeps for the kubelet's SIGTERM.
    var traps: [String: String]?
    /// When the `sleep` under way ends (a trap's action runs only then, as in ash and dash).
    var wakesAt: VirtualTime?

    /// The main process of container `index` when stsim runs it through its shell: images that
    /// run a command (busybox, dnsutils). Their default command is the image's shell, which ends
    /// at once without input unless the container keeps stdin open (`kubectl run -it`).
    static func of(_ pod: Pod, container index: Int, profile: ImageProfile) -> MainProcessState? {
        guard index < pod.spec.containers.count, profile.kind == .toolbox else { return nil }
        let c = pod.spec.containers[index]
        var argv = (c.command ?? []) + (c.args ?? [])
        if argv.isEmpty { argv = [profile.shell == .ash ? "sh" : "/bin/bash"] }
        let tool = argv[0].split(separator: "/").last.map(String.init) ?? argv[0]
        guard Cluster.interactiveShells.contains(argv[0]) || ["sh", "bash", "ash"].contains(tool) else {
            return MainProcessState(program: .direct(argv))
        }
        if argv.count == 1 {
            // A shell reading its standard input: with stdin open it waits on it forever.
            let script = c.stdin == true ? "while true; do sleep infinity; done" : "exit 0"
            return MainProcessState(program: .script(script, name: tool))
        }
        guard argv[1] == "-c", argv.count >= 3 else {
            return MainProcessState(program: .direct(argv))
        }
        return MainProcessState(program: .script(argv[2], name: argv.count > 3 ? argv[3] : tool))
    }
}

/// What a main process did until it slept or ended: its output, then what comes next.
struct MainProcessSegment {
    enum Next: Equatable {
        case sleeps(VirtualDuration)
        case exited(Int)
        /// `sleep infinity`, or a shell waiting on its input.
        case waitsForever
        /// It reached what stsim does not simulate; stsim's words on it.
        case stopped(String)
    }
    var output: [OutputChunk]
    var next: Next
}

/// Runs a main process from where it stands to its next `sleep` or its end.
final class MainProcessRunner {
    private struct Suspend: Error {}
    private struct Forever: Error {}

    private(set) var state: MainProcessState
    private let shell: Shell

    init(
        cluster: Cluster, pod: Pod, container: Int, state: MainProcessState,
        tools: [String: (ToolCall) throws -> ProcessResult]
    ) {
        self.state = state
        var hooks = ShellHooks(tools: tools, sleep: { _ in })
        let box = SleepBox()
        hooks.sleep = { box.pending = box.pending + $0 }
        hooks.sleepForever = { throw Forever() }
        shell = Shell(cluster: cluster, pod: pod, container: container, hooks: hooks)
        shell.isMainProcess = true
        sleepBox = box
        if let variables = state.variables {
            (shell.variables, shell.exported, shell.cwd, shell.status) = (
                variables, state.exported, state.cwd, state.status
            )
        }
        if case .script(let source, let name) = state.program {
            shell.name = name
            parsed = Result { () throws(ShellSyntaxError) in try ShellParser.parse(source) }
        }
        shell.traps = state.traps ?? [:]
        if let saved = state.functions, case .success(let node)? = parsed {
            let definitions = node.functionDefinitions
            shell.functions = saved.compactMapValues { id in definitions[id].map { (id, $0) } }
        }
    }

    /// The script, parsed once per run (the same text gives the same ids to its functions).
    private var parsed: Result<ShellNode, ShellSyntaxError>?

    private let sleepBox: SleepBox
    private final class SleepBox { var pending = VirtualDuration.zero }

    func run() -> MainProcessSegment {
        var io = ShellIO()
        // The step budget holds between sleeps: a loop that sleeps runs for as long as it likes.
        shell.steps = 0
        let next: MainProcessSegment.Next
        do {
            next = try runProgram(&io)
        } catch {
            next = outcome(of: error, &io)
        }
        var segment = MainProcessSegment(output: [], next: next)
        if case .exited(let code) = next, shell.traps["EXIT"] != nil {
            // The shell's exit trap runs as it leaves; an `exit` there sets the status.
            segment.next = .exited((try? shell.runTrap("EXIT", &io)).flatMap { $0 } ?? code)
        }
        save()
        segment.output = io.chunks
        return segment
    }

    private func save() {
        (state.variables, state.exported, state.cwd, state.status) = (
            shell.variables, shell.exported, shell.cwd, shell.status
        )
        state.traps = shell.traps.isEmpty ? nil : shell.traps
        state.functions = shell.functions.isEmpty ? nil : shell.functions.mapValues(\.id)
    }

    /// A signal reached the process while it slept: the action of its trap, if it has one that
    /// does not ignore the signal; what the action printed, how long it slept, and the status it
    /// exited with if it ran `exit`. Nil when the signal does nothing (PID 1 has no default
    /// action, so an untrapped SIGTERM is ignored).
    func handle(signal: String) -> (output: [OutputChunk], slept: VirtualDuration, exit: Int?)? {
        guard let action = shell.traps[signal], !action.isEmpty else { return nil }
        var io = ShellIO()
        shell.steps = 0
        var exit: Int?
        do {
            exit = try shell.runTrap(signal, &io)
        } catch let stopped as ShellStopped {
            io.append(stopped.partial.inOrder)
        } catch {}
        save()
        return (io.chunks, sleepBox.pending, exit)
    }

    private func runProgram(_ io: inout ShellIO) throws -> MainProcessSegment.Next {
        switch state.program {
        case .direct(let argv):
            if state.frames.isEmpty {
                state.frames = [.leaf]
                let tool = argv[0].split(separator: "/").last.map(String.init) ?? argv[0]
                guard shell.profile.tools.contains(tool) else {
                    guard Shell.simulated.contains(tool) || shell.hooks.tools[tool] != nil else {
                        throw ShellFailure.notSimulated(tool)
                    }
                    // runc cannot start it: the container ends at once (StartError, 128).
                    io.error(Cluster.missingExecutable(argv[0]).stderr)
                    return .exited(128)
                }
                shell.direct = true
                let r = try shell.runTool(tool, Array(argv.dropFirst()), stdin: "")
                io.append(r.inOrder)
                shell.status = r.exitCode
                if sleepBox.pending > .zero { throw Suspend() }
            }
            return .exited(shell.status)
        case .script:
            switch parsed {
            case .success(let node)?: try exec(node, 0, &io)
            case .failure(let e)?:
                io.error(shell.messagePrefix + "Syntax error: \(e.message)\n")
                return .exited(2)
            case nil: return .stopped("stsim cannot parse its command")
            }
            return .exited(shell.status)
        }
    }

    private func outcome(of error: any Error, _ io: inout ShellIO) -> MainProcessSegment.Next {
        switch error {
        case is Suspend: return .sleeps(sleepBox.pending)
        case is Forever: return .waitsForever
        case Shell.Jump.exit(let code): return .exited(code)
        case Shell.Jump.breakLoop, Shell.Jump.continueLoop: return .exited(shell.status)
        case let stopped as ShellStopped:
            io.append(stopped.partial.inOrder)
            return outcome(of: stopped.error, &io)
        case ShellFailure.notSimulated(let tool):
            return .stopped("its command runs \(tool), which stsim does not simulate; it stopped there")
        case ShellFailure.unsupported(let why): return .stopped("stsim cannot run its command further: \(why)")
        case ShellFailure.runaway(let steps):
            return .stopped("its command ran \(steps) steps without sleeping; stsim stopped running it")
        default: return .stopped("stsim cannot run its command further: \(error)")
        }
    }

    // MARK: The resumable walk

    private func frame(_ depth: Int) -> MainProcessState.Frame? {
        depth < state.frames.count ? state.frames[depth] : nil
    }

    private func enter(_ depth: Int, _ fresh: MainProcessState.Frame) {
        if state.frames.count <= depth { state.frames.append(fresh) }
    }

    private func leave(_ depth: Int) {
        if state.frames.count > depth { state.frames.removeSubrange(depth...) }
    }

    /// Whether a child of the frame at `depth` is being resumed (its frames are still there).
    private func resumingChild(_ depth: Int) -> Bool { state.frames.count > depth + 1 }

    private func exec(_ node: ShellNode, _ depth: Int, _ io: inout ShellIO) throws {
        switch node {
        case .sequence(let items):
            var k = 0
            if case .sequence(let next)? = frame(depth) { k = next }
            enter(depth, .sequence(next: k))
            while k < items.count {
                state.frames[depth] = .sequence(next: k)
                try exec(items[k], depth + 1, &io)
                k += 1
            }
        case .and(let a, let b), .or(let a, let b):
            var isAnd = false
            if case .and = node { isAnd = true }
            var stage = 0
            if case .branch(let s)? = frame(depth) { stage = s }
            enter(depth, .branch(stage: stage))
            if stage == 0 {
                try exec(a, depth + 1, &io)
                state.frames[depth] = .branch(stage: 1)
                if (shell.status == 0) != isAnd { return leave(depth) }
            }
            try exec(b, depth + 1, &io)
        case .ifThen(let branches, let otherwise):
            try execIf(branches, otherwise, depth, &io)
        case .forLoop(let variable, let words, let body):
            try execFor(variable, words, body, depth, &io)
        case .whileLoop(let condition, let body, let until):
            try execWhile(condition, body, until, depth, &io)
        case .simple, .pipeline, .redirected, .function:
            if case .leaf? = frame(depth) { return leave(depth) }
            enter(depth, .leaf)
            try shell.run(node, &io)
            if sleepBox.pending > .zero { throw Suspend() }
        }
        leave(depth)
    }

    private func execIf(
        _ branches: [(condition: ShellNode, body: ShellNode)], _ otherwise: ShellNode?, _ depth: Int,
        _ io: inout ShellIO
    ) throws {
        var (k, inBody) = (0, false)
        if case .ifThen(let b, let body)? = frame(depth) { (k, inBody) = (b, body) }
        enter(depth, .ifThen(branch: k, inBody: inBody))
        while k < branches.count, !inBody {
            state.frames[depth] = .ifThen(branch: k, inBody: false)
            try exec(branches[k].condition, depth + 1, &io)
            if shell.status == 0 { inBody = true } else { k += 1 }
        }
        let resuming = resumingChild(depth)
        state.frames[depth] = .ifThen(branch: k, inBody: true)
        if k < branches.count {
            try exec(branches[k].body, depth + 1, &io)
        } else {
            if !resuming { shell.status = 0 }
            if let otherwise { try exec(otherwise, depth + 1, &io) }
        }
    }

    private func execFor(
        _ variable: String, _ words: [ShellWord]?, _ body: ShellNode, _ depth: Int, _ io: inout ShellIO
    )
        throws
    {
        var values: [String] = []
        var next = 0
        if case .forLoop(let v, let n)? = frame(depth) {
            (values, next) = (v, n)
        } else {
            for w in words ?? [] { values += try shell.expand(w, &io) }
            shell.status = 0
            enter(depth, .forLoop(values: values, next: 0))
        }
        while next < values.count {
            if !resumingChild(depth) { shell.variables[variable] = values[next] }
            state.frames[depth] = .forLoop(values: values, next: next)
            if try loopBody(body, depth, &io) == .broke { break }
            next += 1
        }
    }

    private func execWhile(_ condition: ShellNode, _ body: ShellNode, _ until: Bool, _ depth: Int, _ io: inout ShellIO)
        throws
    {
        var (inBody, last) = (false, 0)
        if case .whileLoop(let b, let l)? = frame(depth) { (inBody, last) = (b, l) }
        enter(depth, .whileLoop(inBody: inBody, last: last))
        while true {
            if !inBody {
                state.frames[depth] = .whileLoop(inBody: false, last: last)
                try exec(condition, depth + 1, &io)
                if (shell.status == 0) == until { break }
            }
            inBody = false
            state.frames[depth] = .whileLoop(inBody: true, last: last)
            switch try loopBody(body, depth, &io) {
            case .broke:
                shell.status = last
                return
            case .continued: continue
            case .ran: last = shell.status
            }
        }
        shell.status = last
    }

    private enum LoopStep { case ran, broke, continued }

    /// Runs a loop's body once; `break` and `continue` end the pass early.
    private func loopBody(_ body: ShellNode, _ depth: Int, _ io: inout ShellIO) throws -> LoopStep {
        do {
            try exec(body, depth + 1, &io)
        } catch Shell.Jump.breakLoop {
            leave(depth + 1)
            return .broke
        } catch Shell.Jump.continueLoop {
            leave(depth + 1)
            return .continued
        }
        return .ran
    }
}
