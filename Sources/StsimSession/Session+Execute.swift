import StsimEngine
import StsimLanguage

extension Session {
    /// The one exhaustive switch over the language's commands.
    func execute(_ command: Command, text: CommandText) throws -> Outcome {
        switch command {
        case .create(let c): try create(c, at: text.location)
        case .apply(let source, let options): try apply(source, options, at: text.location)
        case .replace(let source, let options): try replace(source, options)
        case .diff(let source): try diff(source)
        case .apiResources(let a): apiResources(a)
        case .explain(let e): try explain(e)
        case .delete(let d): try delete(d, at: text.location)
        case .get(let g): try get(g)
        case .describe(let k, let n, let s, let a, let g): try describe(k, n, selector: s, all: a, groups: g)
        case .describeFiles(let source): try describeFiles(source)
        case .scale(let s): try scale(s)
        case .edit(let k, let n, let ns, let r): try edit(k, name: n, namespace: ns, replacement: r)
        case .patch(let k, let n, let change, let ns): try patch(k, name: n, change: change, namespace: ns)
        case .changeMetadata(let change): try changeMetadata(change)
        case .setImage(let k, let n, let images, let ns): try setImage(k, name: n, images: images, namespace: ns)
        case .fault(let f): try fault(f)
        case .tick(let d): tick(d)
        case .settle(let timeout, let quiet): settle(limit: timeout ?? settleLimit, quiet: quiet)
        case .wait(let k, let n, let c, let t): try wait(k, name: n, condition: c, timeout: t ?? settleLimit)
        case .kubectlWait(let w): try kubectlWait(w)
        case .rollout(let r): try rollout(r)
        case .echo(let text): printer.echo(text)
        case .config(let action): try config(action)
        case .clock: printClock()
        case .mode(let auto): setMode(auto: auto)
        case .dig(let type, let name, let search): try dig(type, name: name, search: search)
        case .proxy(let port): try startProxy(port: port)
        case .curl(let c): return try curl(c)
        case .exec(let pod, let container, let command): return try exec(pod, container: container, command: command)
        case .execAttached(let e): return try execAttached(e)
        case .logs(let l): try logs(l)
        case .copy(let c): try copy(c)
        case .runPod(let r): return try runPod(r)
        case .snapshot(let format, let svg): try snapshot(format, svg: svg)
        case .timeline(let t): try timeline(t)
        case .events(let e): events(e)
        case .expect(let e): return try expect(e)
        case .explore(let r): return try explore(r)
        case .mark(let name): mark(name)
        case .lesson(let action): try lesson(action)
        case .help(let topic): try help(topic)
        case .history: listHistory()
        case .unwatch: try unwatch()
        case .undo: try undo()
        case .reset(let profile, let nodes): reset(profile: profile, nodes: nodes)
        case .seed(let n): reseed(n)
        case .setting(let setting): try apply(setting)
        case .define(let name, let value): variables[name] = value
        case .run(let path): return try runFile(path)
        case .save(let path): try save(to: path)
        case .load(let path): try load(from: path)
        case .serve(let action): return try serve(action)
        case .quit: return quit()
        case .unavailable(let name, let plannedWith): throw Self.notYetAvailable(name, plannedWith)
        }
        if command.mayUseHostPath { warnAboutHostPath() }
        return .ok
    }

    /// Faults, cordon, drain and taints.
    private func fault(_ command: FaultCommand) throws {
        switch command {
        case .killPod(let name, let container, let exitCode): try kill(name, container: container, exitCode: exitCode)
        case .partition(let nodes): try partition(nodes)
        case .heal(let nodes): try heal(nodes)
        case .imageFault(let image, let broken): imageFault(image, broken: broken)
        case .crash(let node): try crash(node)
        case .boot(let node): try boot(node)
        case .cordon(let node, let unschedulable): try cordon(node, unschedulable)
        case .drain(let d): try drain(d)
        case .taint(let node, let spec): try taint(node, spec)
        case .restartKubelet(let node, let stale): try restartKubelet(node, stale: stale)
        case .restartController(let betweenWrites): restartController(betweenWrites: betweenWrites)
        case .lagPods(let lag): lagPods(lag)
        }
    }

    /// A command the language declares before stsim can run it.
    private static func notYetAvailable(_ name: String, _ plannedWith: String) -> SessionError {
        SessionError(
            "\(name) is part of stsim's language but is not available yet", hint: "it comes with \(plannedWith)")
    }

    private func reset(profile: ClusterProfile?, nodes: Int?) {
        if let profile { options.profile = profile }
        if let nodes { options.workerCount = nodes }
        freshCluster()
        printer.line("a fresh \(cluster.profileWord)cluster: \(cluster.summaryLine)")
    }

    private func reseed(_ n: UInt64) {
        options.seed = n
        freshCluster()
        printer.line("seed \(n): a fresh cluster: \(cluster.summaryLine)")
    }

    /// `mode auto|step`.
    func setMode(auto: Bool) {
        autoMode = auto
        printer.line(
            auto
                ? "mode auto: each command is followed by a settle"
                : "mode step: time moves only on tick, settle and wait")
    }

    /// `history`: what was typed, numbered.
    func listHistory() {
        for (i, line) in history.enumerated() { printer.line("\(String(i + 1).leftPadded(4))  \(line)") }
    }

    func help(_ topic: Argument?) throws {
        guard let topic else {
            printer.block(HelpText.overview())
            return
        }
        if topic.text == ClusterHelp.topic {
            printer.block(ClusterHelp.text())
            return
        }
        let words = topic.text.split(separator: " ").map(String.init)
        let word = words.first == "kubectl" ? "help" : words.first ?? ""
        guard var spec = CommandRegistry.standard.spec(named: word) else {
            throw Diagnostic(
                at: topic.location, "no command named \"\(topic.text)\"",
                hint: Suggestion.hint(for: topic.text, in: CommandRegistry.standard.allNames)
                    ?? "type help for the list")
        }
        // `help create sts`: the sub-command alone.
        if words.count > 1 {
            guard let sub = spec.subcommand(words[1]) else {
                let known = spec.subcommands.map(\.word)
                throw Diagnostic(
                    at: topic.location, "\(spec.name) has no sub-command \"\(words[1])\"",
                    hint: known.isEmpty
                        ? "help \(spec.name) shows its usage" : "its sub-commands: " + known.joined(separator: ", "))
            }
            spec = sub
        }
        printer.block(HelpText.command(spec))
    }

    /// `reset` and `seed`: a new cluster from the options, and nothing remembered of the old one.
    private func freshCluster() {
        cluster = Session.makeCluster(options)
        hostPathWarned = []
        watchFormatter.reset()
        standingWatch = nil
        _ = discardChanges()
        forgetHistoryScopes()
    }

    func apply(_ setting: SessionSetting) throws {
        switch setting {
        case .settleLimit(let d):
            settleLimit = d
            printer.line("settle-limit \(DurationText.format(settleLimit))")
        case .watchLimit(let n):
            watchLimit = n
            printer.line("watch-limit \(n)")
        case .limit(let which, let n): try setLimit(which, n)
        case .featureGate(let gate, let on):
            options.featureGates[gate] = on
            cluster.featureGates = options.featureGates
            printer.line("feature-gate \(gate.rawValue)=\(on)")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    func replacingAll(_ a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
