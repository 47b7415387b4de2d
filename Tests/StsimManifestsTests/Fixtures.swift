import Foundation
import StsimEngine

@testable import StsimManifests

/// Paths of the repository's example and fixture files, found from this source file.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("examples/seed/\(name)"), encoding: .utf8)
    }

    static func load(_ text: String, file: String = "test.yaml", firstLine: Int = 1) -> ManifestLoadResult {
        ManifestLoader.load(text: text, file: file, firstLine: firstLine)
    }

    /// The one-line form of every finding, as the broken-manifest suite writes them.
    static func lines(_ result: ManifestLoadResult) -> [String] { result.diagnostics.map(\.compactText) }
}
