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

    /// Skips the test, saying why, where no kubectl binary exists.
    init(script: String? = nil) throws {
        guard let kubectl = Self.findKubectl() else {
            throw XCTSkip("no kubectl binary on this machine (looked at /usr/bin/kubectl and PATH)")
        }
        self.kubectl = kubectl
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        server = Process()
        server.executableURL = URL(fileURLWithPath: try StsimExecutable.path())
        server.arguments =
            ["serve", "--kubeconfig", directory.appendingPathComponent("kubeconfig").path] + (script.map { [$0] } ?? [])
        server.currentDirectoryURL = URL(fileURLWithPath: StsimProcess.packageRoot)
        server.standardOutput = serverOutput
        server.standardError = serverOutput
        try server.run()
        // The export line is printed once the port is bound and the kubeconfig written.
        var seen = ""
        while !seen.contains("export KUBECONFIG=") {
            let data = serverOutput.fileHandleForReading.availableData
            if data.isEmpty { throw XCTSkip("stsim serve ended early: \(seen)") }
            seen += String(decoding: data, as: UTF8.self)
        }
    }

    deinit {
        server.terminate()
        server.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The token in the kubeconfig's server URL (kubectl's `--raw` paths must carry it).
    func token() throws -> String {
        let text = try String(contentsOf: directory.appendingPathComponent("kubeconfig"), encoding: .utf8)
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
        env["KUBECONFIG"] = directory.appendingPathComponent("kubeconfig").path
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
    func run(_ arguments: [String]) throws -> Output {
        let (p, out, err) = process(arguments)
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(
            status: p.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
