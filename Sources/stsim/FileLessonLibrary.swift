import Foundation
import StsimSession

/// Lessons from a folder of `NAME.lesson` files (`$STSIM_LESSONS`, else `lessons/` in the
/// working directory or in the repository the binary was built in), and progress in
/// `$XDG_STATE_HOME/stsim/progress.json` (default `~/.local/state`), written atomically.
final class FileLessonLibrary: LessonLibrary {
    let folder: String
    let progressFile: String

    init?() {
        let env = ProcessInfo.processInfo.environment
        // Bundle.main finds the binary itself (/proc/self/exe), also when it was found on the PATH.
        let binary = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        // The repository's lessons/ is a few folders above the binary (.build/<triple>/release/stsim,
        // reached through the .build/release link), wherever stsim is started from.
        var ancestors: [String] = []
        var above = binary.deletingLastPathComponent()
        for _ in 0..<4 {
            above = above.deletingLastPathComponent()
            ancestors.append(above.appendingPathComponent("lessons").path)
        }
        let candidates = [env["STSIM_LESSONS"], "lessons"].compactMap { $0 } + ancestors
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return nil }
        folder = found
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
        progressFile = state + "/stsim/progress.json"
    }

    /// Files are taught in name order; teachers number them (`01-replicaset-contrast.lesson`),
    /// and the number is not part of the lesson's name.
    private func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".lesson") }
            .sorted()
    }

    static func name(ofFile file: String) -> String {
        var name = String(file.dropLast(".lesson".count))
        if let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber) {
            name = String(name[name.index(after: dash)...])
        }
        return name
    }

    func lessonNames() -> [String] { files().map(Self.name(ofFile:)) }

    func lessonText(_ name: String) -> (text: String, file: String)? {
        guard let file = files().first(where: { Self.name(ofFile: $0) == name }) else { return nil }
        let path = folder + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return (String(decoding: data, as: UTF8.self), path)
    }

    func progress() -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: progressFile),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let lessons = json["lessons"] as? [String: Any]
        else { return [:] }
        return lessons.compactMapValues { ($0 as? [String: Any])?["stepsPassed"] as? Int }
    }

    func recordProgress(_ name: String, stepsPassed: Int) {
        var all = progress()
        guard stepsPassed > (all[name] ?? 0) else { return }
        all[name] = stepsPassed
        let json: [String: Any] = ["lessons": all.mapValues { ["stepsPassed": $0] }]
        guard let data = try? JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        else {
            return
        }
        let dir = (progressFile as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // .atomic writes a temporary file and renames it over the old one.
        try? data.write(to: URL(fileURLWithPath: progressFile), options: .atomic)
    }
}
