import StsimEngine
import StsimLanguage
import StsimRender

/// The commands stsim runs inside a pod's container go through the engine's exec (the image's
/// tools and its `sh`); the session lends it the network tools, whose output Render formats,
/// and a `sleep` that lets the cluster run on.
extension Session {
    /// The hooks an exec from the prompt or a script runs with.
    var shellHooks: ShellHooks {
        let tools: [String: (ToolCall) throws -> ProcessResult] = [
            "curl": { [unowned self] call in try self.curlInside(call) },
            "dig": { [unowned self] call in try self.digInside(call.pod, Array(call.argv.dropFirst())) },
            "wget": { [unowned self] call in
                try self.wget(call.pod, container: call.container, Array(call.argv.dropFirst()))
            },
            "ping": { [unowned self] call in try self.pingInside(call) },
            "nslookup": { [unowned self] call in
                let busybox = !call.pod.spec.containers[call.container].image.contains("dnsutils")
                return self.nslookup(call.pod, Array(call.argv.dropFirst()), busybox: busybox)
            },
        ]
        return ShellHooks(tools: tools, sleep: { [unowned self] duration in self.tick(duration) })
    }

    /// Containers' main processes call the same network tools (a cloned cluster keeps them;
    /// the session may be gone by then, and the tool then says stsim cannot run it).
    func lendProcessTools() {
        let names = ["curl", "dig", "wget", "nslookup", "ping"]
        var tools: [String: (ToolCall) throws -> ProcessResult] = [:]
        for name in names {
            tools[name] = { [weak self] call in
                guard let self, let tool = self.shellHooks.tools[name] else { throw ShellFailure.notSimulated(name) }
                return try tool(call)
            }
        }
        cluster.processTools = tools
    }

    func runTool(_ pod: Pod, container index: Int, _ argv: [String], stdin: String = "") throws -> ProcessResult {
        try inContainer(pod, container: index) {
            try cluster.execInContainer(pod, container: index, argv: argv, stdin: stdin, hooks: shellHooks)
        }
    }

    /// Runs `body` in the container, turning what stsim does not simulate into its own words.
    func inContainer(_ pod: Pod, container index: Int, _ body: () throws -> ProcessResult) throws -> ProcessResult {
        do {
            return try body()
        } catch let failure as ShellFailure {
            throw sessionError(failure, pod: pod, container: index)
        } catch let stopped as ShellStopped {
            // What the script printed before it reached what stsim cannot run.
            printStreams(stopped.partial)
            if let failure = stopped.error as? ShellFailure { throw sessionError(failure, pod: pod, container: index) }
            throw stopped.error
        }
    }

    /// stsim's own words for what it does not simulate.
    func sessionError(_ failure: ShellFailure, pod: Pod, container index: Int) -> SessionError {
        let name = pod.metadata.name
        switch failure {
        case .notSimulated(let tool):
            let tools = Cluster.simulatedCommands(image: pod.spec.containers[index].image)
            return SessionError(
                "stsim does not simulate \(tool); this container runs \(tools.joined(separator: ", "))",
                hint: "exec \(name) -- sh -c 'echo \"$(hostname)\" > /tmp/name; cat /tmp/name'")
        case .unsupported(let message): return SessionError(message)
        case .runaway(let steps):
            return SessionError(
                "the command was stopped after \(steps) steps, as a loop that never ends",
                hint: "a loop that waits on the cluster can sleep, as in while ! test -f /tmp/ready; do sleep 1; done")
        }
    }
}
