import Foundation
import StsimEngine
import StsimLanguage

/// The one door between commands and the host's files that stsim writes or reads whole
/// (`save`, `load`, `--load`, pictures): a rule about which paths a session may touch is
/// applied here, once.
extension Session {
    func hostFilePath(_ path: Argument) throws -> String {
        if path.text.isEmpty { throw Diagnostic(at: path.location, "the file name is empty") }
        return try confine(path).text
    }

    /// Writes a whole file atomically: a temporary file beside it, flushed to disk, then renamed
    /// over the target, so a reader never sees half a file and an interrupted write leaves the
    /// old one whole.
    func writeHostFile(_ path: Argument, _ text: String) throws {
        let target = try hostFilePath(path)
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Diagnostic(at: path.location, "cannot write \"\(target)\": \(errnoText())") }
        var ok = true
        text.utf8CString.withUnsafeBufferPointer { buffer in
            var offset = 0
            let count = buffer.count - 1
            while ok && offset < count {
                let n = write(fd, buffer.baseAddress! + offset, count - offset)
                if n <= 0 { ok = false } else { offset += n }
            }
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard ok, synced, rename(temporary, target) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw Diagnostic(at: path.location, "cannot write \"\(target)\": \(reason)")
        }
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }

}

/// Host files a script may touch: a script can come from a stranger (a lesson, a download), so
/// it reads and writes only under its own folder and the working directory, unless the user ran
/// stsim with `--allow-host-files`. What is typed at the prompt is the user's own and is not
/// confined. A lesson's own commands (setup, checks, solution) name files beside the lesson, are
/// resolved there wherever stsim was started, and stay inside that folder even with
/// `--allow-host-files`: that flag is the user's trust in their scripts, not in a lesson.
extension Session {
    /// The path to use for `path`: rebased onto the lesson's folder for a lesson's own commands.
    func confine(_ path: Argument) throws -> Argument {
        let file = path.location.file
        if let lesson = lessonRun?.lesson, file == lesson.file {
            let folder = Self.folder(of: file)
            let rebased = Argument(path.text.hasPrefix("/") ? path.text : folder + "/" + path.text, at: path.location)
            guard Self.isInside(rebased.text, roots: [folder]) else {
                throw Diagnostic(
                    at: path.location,
                    "\"\(path.text)\" is outside the lesson's folder, where a lesson may use host files")
            }
            return rebased
        }
        guard !options.allowHostFiles, file != "<prompt>" else { return path }
        var roots = [FileManager.default.currentDirectoryPath]
        if !file.hasPrefix("<") { roots.append(Self.folder(of: file)) }
        guard Self.isInside(path.text, roots: roots) else {
            throw Diagnostic(
                at: path.location,
                "\"\(path.text)\" is outside the script's folder and the working directory, where a script may use host files",
                hint: "run stsim with --allow-host-files to let this script use it")
        }
        return path
    }

    /// A file's folder ("." for a bare name: Foundation's deletingLastPathComponent traps on one).
    private static func folder(of file: String) -> String {
        file.lastIndex(of: "/").map { $0 == file.startIndex ? "/" : String(file[..<$0]) } ?? "."
    }

    private static func isInside(_ path: String, roots: [String]) -> Bool {
        let resolved = resolved(path)
        return roots.map(Self.resolved).contains { root in
            resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }

    /// The absolute path with symbolic links and `..` resolved, so neither leads out.
    private static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
