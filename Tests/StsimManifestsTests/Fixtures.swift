import Foundation
import StsimEngine
import StsimTestSupport

@testable import StsimManifests

/// The loader as the manifest tests call it, and the seed manifests (`Repository.seed`).
enum Fixtures {
    static func seed(_ name: String) throws -> String { try Repository.seed(name) }

    static func load(_ text: String, file: String = "test.yaml", firstLine: Int = 1) -> ManifestLoadResult {
        ManifestLoader.load(text: text, file: file, firstLine: firstLine)
    }

    /// The one-line form of every finding, as the broken-manifest suite writes them.
    static func lines(_ result: ManifestLoadResult) -> [String] { result.diagnostics.map(\.compactText) }
}
