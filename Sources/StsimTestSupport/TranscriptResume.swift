import Foundation

/// A golden transcript cut in two at a command near its middle: the first part ends with
/// `save`, the second starts with `stsim --load` in a new process (a new hash seed too), and the
/// two outputs together, without the save's own lines, must equal the straight run's recording.
public struct TranscriptResume {
    public let transcript: Transcript

    public init(_ name: String) { transcript = Transcript(name) }

    /// The line (0-based) to cut before, or nil when no line qualifies: outside here-documents,
    /// loops and continued lines, not an `expect output` (it reads the previous command's
    /// output) and with no `undo` after it (undo states stay with the process).
    static func cutLine(_ lines: [String]) -> Int? {
        var candidates: [Int] = []
        var heredoc: String?
        var loopDepth = 0
        var continued = false
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let end = heredoc {
                if line == end { heredoc = nil }
                continue
            }
            let clean = loopDepth == 0 && !continued
            if clean, !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("expect output"), !raw.hasPrefix(" ") {
                candidates.append(i)
            }
            if line.hasPrefix("for ") { loopDepth += 1 }
            if line.hasPrefix("done") || line.hasSuffix("done") { loopDepth = max(0, loopDepth - 1) }
            continued = line.hasSuffix("\\")
            if let r = line.range(of: "<<") {
                let marker = line[r.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "-'\" "))
                heredoc = String(marker.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            }
        }
        if let lastUndo = lines.lastIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("undo") }) {
            candidates.removeAll { $0 <= lastUndo }
        }
        let middle = lines.count / 2
        return candidates.min { abs($0 - middle) < abs($1 - middle) }
    }

    /// The two runs' output joined, or nil when the transcript has no place to cut.
    public func output() throws -> String? {
        let script = URL(fileURLWithPath: transcript.script)
        let text = try String(contentsOf: script, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let cut = Self.cutLine(lines) else { return nil }
        let fm = FileManager.default
        let work = NSTemporaryDirectory() + "stsim-resume-\(UUID().uuidString)"
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: work) }
        // A copy of the transcripts' tree made of links, with this script's folder its own, so
        // that paths like ../statefulset/web.yaml resolve as in the straight run.
        let name = script.lastPathComponent
        let folder = script.deletingLastPathComponent()
        for entry in try fm.contentsOfDirectory(atPath: Transcript.directory) where entry != folder.lastPathComponent {
            try fm.createSymbolicLink(
                atPath: work + "/" + entry, withDestinationPath: Transcript.directory + "/" + entry)
        }
        let area = work + "/" + folder.lastPathComponent
        try fm.createDirectory(atPath: area, withIntermediateDirectories: true)
        for entry in try fm.contentsOfDirectory(atPath: folder.path) where entry != name {
            try fm.createSymbolicLink(atPath: area + "/" + entry, withDestinationPath: folder.path + "/" + entry)
        }
        let state = work + "/resume.state"
        let first = lines[..<cut].joined(separator: "\n") + "\nsave \(state)\n"
        try first.write(toFile: area + "/" + name, atomically: true, encoding: .utf8)
        let a = try StsimProcess.run(["--echo", "--keep-going", "--allow-host-files", name], in: area)
        // Blank lines keep the second part's line numbers those of the whole script.
        let second = String(repeating: "\n", count: cut) + lines[cut...].joined(separator: "\n")
        try second.write(toFile: area + "/" + name, atomically: true, encoding: .utf8)
        let b = try StsimProcess.run(["--echo", "--keep-going", "--allow-host-files", "--load", state, name], in: area)
        var firstOutput = a.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let saveLine = firstOutput.lastIndex(where: { $0.contains("save \(state)") }) {
            firstOutput.removeSubrange(saveLine...)
            firstOutput.append("")
        }
        let status = b.status != 0 ? b.status : a.status
        return firstOutput.joined(separator: "\n") + b.output + (status == 0 ? "" : "# exit \(status)\n")
    }
}
