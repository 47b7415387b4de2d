import Foundation
import StsimAPI
import StsimSession

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `stsim serve`: the script, then the API until the process is stopped.
struct Serve {
    let command: ServeCommand

    func run() -> Int32 {
        if command.printEnv && !command.background { return startInBackground() }
        var options = Session.Options()
        command.cluster.apply(to: &options)
        let session = Session(options: options)
        let host = SessionHost(session: session)
        if let script = command.script {
            guard let data = FileManager.default.contents(atPath: script) else {
                printError("stsim: cannot read the script \"\(script)\"")
                return 2
            }
            let status = host.sync { $0.runScript(String(decoding: data, as: UTF8.self), file: script) }
            if status != 0 { return status }
        }
        let path = command.kubeconfig ?? Kubeconfig.defaultPath
        let server: APIServer
        do {
            server = try APIServer(host: host, port: command.port, token: Kubeconfig.newToken())
            let namespace = host.sync { $0.currentNamespace }
            try Kubeconfig.write(
                Kubeconfig.text(port: server.port, token: server.token, namespace: namespace), to: path)
        } catch {
            printError("stsim: cannot serve: \(error)")
            return 1
        }
        let export = "export KUBECONFIG=\(Self.shellQuoted(path))"
        if command.printEnv {
            Self.say(export)
            detachOutput(log: URL(fileURLWithPath: path).deletingLastPathComponent().path + "/serve.log")
        } else {
            Self.say("stsim: serving the cluster on http://127.0.0.1:\(server.port) (kubeconfig \(path)); Ctrl-C stops")
            Self.say(export)
        }
        if let factor = command.realtime {
            if !command.printEnv {
                Self.say(
                    "stsim: virtual time follows the wall clock × \(Session.factorText(factor)); writes do not settle while it serves"
                )
            }
            host.startRealtime(factor: factor)
        }
        try? server.wait()
        return 0
    }

    /// --print-env: the same command runs again in the background, and this process prints its
    /// first line (the export line) and leaves, so `eval "$(stsim serve --print-env)"` returns.
    private func startInBackground() -> Int32 {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = Array(CommandLine.arguments.dropFirst()) + ["--background"]
        let pipe = Pipe()
        child.standardOutput = pipe
        do { try child.run() } catch {
            printError("stsim: cannot start the server: \(error)")
            return 1
        }
        // What the script prints goes to standard error; the export line is the one to eval.
        while let line = Self.readLine(pipe.fileHandleForReading) {
            if line.hasPrefix("export KUBECONFIG=") {
                Self.say(line)
                return 0
            }
            printError(line)
        }
        child.waitUntilExit()
        return child.terminationStatus == 0 ? 1 : child.terminationStatus
    }

    private static func readLine(_ handle: FileHandle) -> String? {
        var line: [UInt8] = []
        while true {
            guard let b = handle.readData(ofLength: 1).first else {
                return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
            }
            if b == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(b)
        }
    }

    /// The background server's output (what the settles print) goes to a log beside the
    /// kubeconfig; the terminal that started it may be gone.
    private func detachOutput(log: String) {
        signal(SIGHUP, SIG_IGN)
        let fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { return }
        dup2(fd, 1)
        dup2(fd, 2)
        close(fd)
    }

    /// Unbuffered, so the export line reaches a waiting `eval "$(...)"` at once.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
