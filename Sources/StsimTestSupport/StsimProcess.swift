import Foundation

/// Runs the real `stsim` executable the way a user's shell would, stdout and stderr into one
/// stream (so a transcript shows warnings where they appeared).
public enum StsimProcess {
    public struct Result {
        public let status: Int32
        public let output: String
    }

    public static func run(
        _ arguments: [String], in directory: String? = nil, input: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try StsimExecutable.path())
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The package root (see `Repository.root`).
    public static var packageRoot: String { Repository.root }
}
