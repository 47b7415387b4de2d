/// `trap` (XCU 2.14, "trap"): the action a signal runs. A container's main process keeps its
/// traps across sleeps, and the kubelet's SIGTERM runs the `TERM` action (`Kubelet+Termination`).
extension Shell {
    /// Signal names as `trap` prints them, by number; 0 is the shell's own exit.
    static let signalNames: [Int: String] = [
        0: "EXIT", 1: "HUP", 2: "INT", 3: "QUIT", 6: "ABRT", 9: "KILL", 10: "USR1", 12: "USR2", 13: "PIPE",
        14: "ALRM", 15: "TERM", 17: "CHLD",
    ]

    /// `TERM`, `SIGTERM`, `term` and `15` all name SIGTERM; nil for what names no signal.
    static func signalName(_ spec: String) -> String? {
        if let n = Int(spec) { return signalNames[n] }
        var name = spec.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        return signalNames.values.contains(name) ? name : nil
    }

    /// `trap` prints the actions set; `trap ACTION SIGNAL...` sets one (`-` resets it, `''`
    /// ignores the signal); `trap SIGNAL...` with a number first resets them all.
    func trap(_ args: [String]) -> ProcessResult {
        guard let first = args.first else {
            let lines = traps.sorted { $0.key < $1.key }.map { "trap -- '\($0.value)' \($0.key)\n" }
            return ProcessResult(stdout: lines.joined())
        }
        let resetsAll = Int(first) != nil
        let (action, specs) = resetsAll ? ("-", args) : (first, Array(args.dropFirst()))
        var result = ProcessResult()
        for spec in specs {
            guard let signal = Self.signalName(spec) else {
                let why = profile.shell == .ash ? "invalid signal specification" : "bad trap"
                result.stderr += messagePrefix + "trap: \(spec): \(why)\n"
                result.exitCode = profile.shell == .ash ? 1 : 2
                continue
            }
            traps[signal] = action == "-" ? nil : action
        }
        return result
    }

    /// Runs the action of the trap on `signal`, if one is set and not ignored: its output, and
    /// the status it exited with if it ran `exit`.
    func runTrap(_ signal: String, _ io: inout ShellIO) throws -> Int? {
        guard let action = traps[signal], !action.isEmpty else { return nil }
        // An exit trap runs once, as the shell leaves.
        if signal == "EXIT" { traps[signal] = nil }
        do {
            try run(try ShellParser.parse(action), &io)
        } catch let e as ShellSyntaxError {
            io.error(messagePrefix + "Syntax error: \(e.message)\n")
            status = 2
        } catch Jump.exit(let code) {
            return code
        } catch Jump.breakLoop, Jump.continueLoop, Jump.returnFromFunction {
        }
        return nil
    }
}
