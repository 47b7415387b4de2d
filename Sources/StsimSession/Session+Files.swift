import Foundation
import StsimEngine
import StsimLanguage

extension Session {
    /// Reads a file the user named (a script, a manifest); a missing file is the user's error,
    /// located at the word that named it.
    func readFile(_ named: Argument) throws -> String {
        if named.text.isEmpty { throw Diagnostic(at: named.location, "the file name is empty") }
        if named.text.hasPrefix("https://") || named.text.hasPrefix("http://") {
            if let text = PublishedManifests.manifest(at: named.text) { return text }
            throw Diagnostic(
                at: named.location, "stsim cannot fetch \"\(named.text)\": it has no network",
                hint:
                    "save the manifest beside your script and give its file name (apply -f web.yaml); built in: "
                    + PublishedManifests.known.joined(separator: ", "))
        }
        let path = try confine(named)
        let size = (try? FileManager.default.attributesOfItem(atPath: path.text)[.size] as? Int) ?? 0
        if size > options.limits.commandBytes {
            throw Diagnostic(
                at: path.location,
                "\"\(path.text)\" is \(size.groupedDigits) bytes, more than stsim's limit of \(options.limits.commandBytes.groupedDigits) for one file",
                hint: raiseHint("max-command", "BYTES"))
        }
        guard let data = FileManager.default.contents(atPath: path.text) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path.text, isDirectory: &isDirectory)
            throw Diagnostic(
                at: path.location,
                exists && isDirectory.boolValue
                    ? "\"\(path.text)\" is a directory, not a file"
                    : exists ? "cannot read \"\(path.text)\"" : "no such file: \"\(path.text)\"")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(at: path.location, "\"\(path.text)\" is not UTF-8 text")
        }
        return text
    }

    /// `run FILE`: the script's commands run here, as if typed, with this session's settings.
    func runFile(_ named: Argument) throws -> Outcome {
        let path = try confine(named)
        guard !runningScripts.contains(path.text) else {
            throw Diagnostic(at: path.location, "\"\(path.text)\" is already running (a script may not run itself)")
        }
        let fd = open(path.text, O_RDONLY)
        var isDirectory: ObjCBool = false
        if fd < 0 || !FileManager.default.fileExists(atPath: path.text, isDirectory: &isDirectory)
            || isDirectory.boolValue
        {
            if fd >= 0 { close(fd) }
            _ = try readFile(path)  // says why it cannot be read
            throw Diagnostic(at: path.location, "cannot read \"\(path.text)\"")
        }
        defer { close(fd) }
        runningScripts.append(path.text)
        let wasInteractive = interactive
        interactive = false
        defer {
            runningScripts.removeLast()
            interactive = wasInteractive
        }
        return runStream(fd: fd, file: path.text)
    }

    /// File names for Tab completion.
    func fileNames(matching prefix: String) -> [String] {
        let directory: String
        let namePrefix: String
        if let slash = prefix.lastIndex(of: "/") {
            directory = String(prefix[...slash])
            namePrefix = String(prefix[prefix.index(after: slash)...])
        } else {
            directory = ""
            namePrefix = prefix
        }
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return listed.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }
            .sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
                return directory + name + (isDirectory.boolValue ? "/" : "")
            }
    }
}
