import Foundation

/// Files of this repository that tests read: found from this source file's place in it, so no
/// test depends on the directory it runs from or reads a path outside the checkout.
public enum Repository {
    /// The package root (Sources/StsimTestSupport/Repository.swift, two folders up).
    public static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The seed chapter's manifests, as the chapter prints them (examples/seed).
    public static func seed(_ name: String) throws -> String {
        try String(contentsOfFile: root + "/examples/seed/" + name, encoding: .utf8)
    }
}
