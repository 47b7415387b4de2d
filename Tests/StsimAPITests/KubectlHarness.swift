import Foundation
import StsimTestSupport
import XCTest

/// A running `stsim serve` and the real kubectl pointed at it, each test with its own server,
/// kubeconfig and kubectl cache (kubectl caches discovery per host and port).
final class KubectlHarness {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: URL
    let kubectl: String
    private let server: Process
    let serverOutput = Pipe()
    /// The commands typed into a `stsim -` that serves from its script (nil for `stsim serve`).
    private let input: Pipe?
    private let seen = SeenOutput()
    /// Where the kubeconfig is: beside the test's files for `stsim serve`, the default path
    /// under XDG_STATE_HOME for `serve` typed into stsim.
    let kubeconfig: URL

    /// Skips the test, saying why, where no kubectl binary exists.
    convenience init(script: String? = nil) throws {
        try self.init(arguments: ["serve"] + (script.map { [$0] } ?? []), typing: nil)
    }

    /// `stsim serve` with these options (`--realtime 60`).
    convenience init(serving options: [String]) throws {
        try self.init(arguments: ["serve"] + options, typing: nil)
    }

    /// stsim reading its script from standard input, as typed: `commands` (which should
    /// `serve`) first; `type` sends more while it serves.
    convenience init(typing commands: String) throws {
        try self.init(arguments: ["-"], typing: commands)
    }

    /// stsim's interactive prompt on a terminal (util-linux `script` gives it one), with
    /// `commands` typed (which should `serve`).
    convenience init(atPrompt commands: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("no /usr/bin/script (util-linux) to give stsim a terminal")
        }
        try self.init(arguments: [], typing: commands, terminal: true)
    }

    /// Lines end with Enter: CR on a terminal, LF on a pipe.
    private var enter = "\n"

    private init(arguments: [String], typing: String?, terminal: Bool = false) throws {
        guard let kubectl = Self.findKubectl() else {
            throw XCTSkip("no kubectl binary on this machine (looked at /usr/bin/kubectl and PATH)")
        }
        self.kubectl = kubectl
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        kubeconfig =
            typing == nil
            ? directory.appendingPathComponent("kubeconfig")
            : directory.appendingPathComponent("state/stsim/kubeconfig")
        server = Process()
        server.executableURL = URL(fileURLWithPath: terminal ? "/usr/bin/script" : try StsimExecutable.path())
        server.arguments =
            terminal
            ? ["-qec", try StsimExecutable.path(), "/dev/null"]
            : typing == nil ? [arguments[0], "--kubeconfig", kubeconfig.path] + arguments.dropFirst() : arguments
        if terminal { enter = "\r" }
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = directory.appendingPathComponent("state").path
        server.environment = env
        server.currentDirectoryURL = URL(fileURLWithPath: StsimProcess.packageRoot)
        server.standardOutput = serverOutput
        server.standardError = serverOutput
        input = typing == nil ? nil : Pipe()
        if let input { server.standardInput = input }
        try server.run()
        let seen = self.seen
        let handle = serverOutput.fileHandleForReading
        Thread.detachNewThread {
            while case let data = handle.availableData, !data.isEmpty { seen.append(data) }
            seen.append(nil)
        }
        if let typing { type(typing) }
        // The export line is printed once the port is bound and the kubeconfig written.
        guard waitForOutput("export KUBECONFIG=", timeout: 60) else {
            throw XCTSkip("stsim ended early or never served: \(seen.text)")
        }
    }

    deinit {
        server.terminate()
        server.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Lines for the stsim that reads its script from standard input.
    func type(_ lines: String) {
        let keys = lines.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: enter) + enter
        input?.fileHandleForWriting.write(Data(keys.utf8))
    }

    /// Ends stsim's input (its script ends) and waits for it to exit: its status, or nil when
    /// it still runs after `timeout` seconds.
    func endInput(timeout: TimeInterval = 20) -> Int32? {
        try? input?.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while server.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return server.isRunning ? nil : server.terminationStatus
    }

    /// What stsim printed so far.
    var output: String { seen.text }

    /// Waits until stsim's output holds `text` `count` times; false after `timeout` seconds or
    /// when stsim ended without printing it.
    @discardableResult
    func waitForOutput(_ text: String, count: Int = 1, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (out, ended) = seen.snapshot
            if out.components(separatedBy: text).count > count { return true }
            if ended { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The kubeconfig's server URL (with the token in its path).
    func serverURL() throws -> String {
        let text = try String(contentsOf: kubeconfig, encoding: .utf8)
        let server = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("server: ") })
        return String(try XCTUnwrap(server.split(separator: " ").last))
    }

    /// The port the server listens on, from the kubeconfig.
    func port() throws -> String {
        String(try serverURL().split(separator: "/")[1].split(separator: ":")[1])
    }

    /// What a bash command line prints (raw bytes to the server through bash's /dev/tcp).
    func bash(_ command: String) throws -> String {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", command]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        return text
    }

    /// The token in the kubeconfig's server URL (kubectl's `--raw` paths must carry it).
    func token() throws -> String {
        let text = try String(contentsOf: kubeconfig, encoding: .utf8)
        let server = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("server: ") })
        return String(try XCTUnwrap(server.split(separator: "/").last))
    }

    static func findKubectl() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin/kubectl"] + path.split(separator: ":").map { "\($0)/kubectl" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["KUBECONFIG"] = kubeconfig.path
        env["HOME"] = directory.path
        return env
    }

    func process(_ arguments: [String]) -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: kubectl)
        p.arguments = arguments
        p.environment = environment
        p.currentDirectoryURL = URL(fileURLWithPath: StsimProcess.packageRoot)
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        return (p, out, err)
    }

    /// Runs kubectl to the end.
    @discardableResult
    func run(_ arguments: String...) throws -> Output {
        try run(arguments)
    }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Output {
        let (p, out, err) = process(arguments)
        let stdin = Pipe()
        if input != nil { p.standardInput = stdin }
        try p.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(
            status: p.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// stsim's output as a reader thread gathers it.
final class SeenOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var ended = false

    func append(_ chunk: Data?) {
        lock.lock()
        defer { lock.unlock() }
        if let chunk { data += chunk } else { ended = true }
    }

    var snapshot: (String, Bool) {
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: data, as: UTF8.self), ended)
    }

    var text: String { snapshot.0 }
}
