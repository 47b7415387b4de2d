import Foundation
import StsimEngine
import StsimLanguage

/// Host files a script may touch: a script can come from a stranger (a lesson, a download), so
/// it reads and writes only under its own folder and the working directory, unless the user ran
/// stsim with `--allow-host-files`. What is typed at the prompt is the user's own and is not
/// confined.
extension Session {
    func confine(_ path: Argument) throws {
        let file = path.location.file
        guard !options.allowHostFiles, file != "<prompt>" else { return }
        var roots = [FileManager.default.currentDirectoryPath]
        // The script's folder ("." for a bare name: Foundation's deletingLastPathComponent traps on one).
        if !file.hasPrefix("<") {
            roots.append(file.lastIndex(of: "/").map { $0 == file.startIndex ? "/" : String(file[..<$0]) } ?? ".")
        }
        let resolved = Self.resolved(path.text)
        let inside = roots.map(Self.resolved).contains { root in
            resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
        if !inside {
            throw Diagnostic(
                at: path.location,
                "\"\(path.text)\" is outside the script's folder and the working directory, where a script may use host files",
                hint: "run stsim with --allow-host-files to let this script use it")
        }
    }

    /// The absolute path with symbolic links and `..` resolved, so neither leads out.
    private static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
