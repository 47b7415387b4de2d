import Foundation
import XCTest

/// Finds the built `stsim` next to the test bundle: `swift test` builds every product into the
/// same directory (`.build/debug` or `.build/release`) as the test bundle.
enum StsimExecutable {
    private final class BundleAnchor {}

    static func path(filePath: String = #filePath) throws -> String {
        let testBundle = Bundle(for: BundleAnchor.self).bundleURL
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["STSIM_EXECUTABLE"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        candidates += [
            testBundle.appendingPathComponent("stsim"),  // Linux: the bundle URL is the build directory
            testBundle.deletingLastPathComponent().appendingPathComponent("stsim"),  // macOS: .xctest bundle inside it
            Bundle.main.bundleURL.appendingPathComponent("stsim"),
            URL(fileURLWithPath: filePath)  // Tests/StsimTerminalTests/X.swift -> package root
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/stsim"),
        ]
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0.standardizedFileURL.path).inserted }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found.path
        }
        throw PseudoTerminalProcess.Failure(description: """
            the stsim executable was not found; build it first (`swift build`, which `swift test` \
            also does). Looked at:
            \(candidates.map { "  " + $0.path }.joined(separator: "\n"))
            """)
    }
}

/// libedit's history file: a `_HiStOrY_V2_` line, then one entry per line encoded with
/// strvis(3) (space as `\040`, other unsafe bytes as octal escapes, backslash doubled).
enum LibeditHistoryFile {
    static func entries(atPath path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PseudoTerminalProcess.Failure(description: "no history file at \(path)")
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "_HiStOrY_V2_" else {
            throw PseudoTerminalProcess.Failure(description: "\(path) is not a libedit history file: \(lines.first ?? "")")
        }
        lines.removeFirst()
        if lines.last == "" { lines.removeLast() }
        return lines.map { unvis(Array($0.utf8)) }
    }

    private static func unvis(_ bytes: [UInt8]) -> String {
        var decoded: [UInt8] = []
        var index = 0
        let octal = UInt8(ascii: "0")...UInt8(ascii: "7")
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 3 < bytes.count,
                bytes[(index + 1)...(index + 3)].allSatisfy(octal.contains)
            {
                let value = bytes[(index + 1)...(index + 3)].reduce(0) { $0 * 8 + Int($1 - UInt8(ascii: "0")) }
                decoded.append(UInt8(truncatingIfNeeded: value))
                index += 4
            } else if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") {
                decoded.append(UInt8(ascii: "\\"))
                index += 2
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
