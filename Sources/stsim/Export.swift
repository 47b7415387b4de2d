import Foundation
import StsimExport

/// Runs `stsim export`: reads the script and the manifests it names, prints the bash script.
struct Export {
    let command: ExportCommand

    func run() -> Int32 {
        let path = command.script
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("stsim: cannot read the script \"\(path)\"")
            return 2
        }
        let source = String(decoding: data, as: UTF8.self)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let options = ExportOptions(cluster: RealCluster(rawValue: command.cluster) ?? .kind)
        do {
            let script = try ScriptExport.export(
                source, file: path, options: options, variables: command.variables
            ) { name in
                Self.manifest(name, scriptFolder: folder)
            }
            FileHandle.standardOutput.write(Data(script.utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data(ScriptExport.render(error, source: source).utf8))
            return 1
        }
    }

    /// A manifest's text: the path as the session reads it (from the working directory), else
    /// beside the script; nil for a folder or a file that is not there.
    private static func manifest(_ name: String, scriptFolder: String) -> String? {
        let candidates = name.hasPrefix("/") ? [name] : [name, scriptFolder + "/" + name]
        for candidate in candidates {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: candidate)
            {
                return String(decoding: data, as: UTF8.self)
            }
        }
        return nil
    }
}
