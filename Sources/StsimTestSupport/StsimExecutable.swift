import Foundation

/// Finds the built `stsim` next to the test bundle: `swift test` builds every product into the
/// same directory (`.build/debug` or `.build/release`) as the test bundle.
public enum StsimExecutable {
    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
    }

    private final class BundleAnchor {}

    public static func path(filePath: String = #filePath) throws -> String {
        let testBundle = Bundle(for: BundleAnchor.self).bundleURL
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["STSIM_EXECUTABLE"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        candidates += [
            testBundle.appendingPathComponent("stsim"),  // Linux: the bundle URL is the build directory
            testBundle.deletingLastPathComponent().appendingPathComponent("stsim"),  // macOS: .xctest bundle inside it
            Bundle.main.bundleURL.appendingPathComponent("stsim"),
            URL(fileURLWithPath: filePath)  // Sources/StsimTestSupport/X.swift -> package root
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/stsim"),
        ]
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0.standardizedFileURL.path).inserted }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found.path
        }
        throw NotFound(
            description: """
                the stsim executable was not found; build it first (`swift build`, which `swift test` \
                also does). Looked at:
                \(candidates.map { "  " + $0.path }.joined(separator: "\n"))
                """)
    }
}
