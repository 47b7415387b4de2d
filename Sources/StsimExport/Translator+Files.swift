import StsimEngine
import StsimLanguage

/// `create configmap|secret --from-file PATH`: kubectl reads the file where the script runs, so
/// the script carries it, written into a folder of its own first (the key stays the file's name).
extension Translator {
    func configData() -> Translation {
        var lines: [String] = []
        var command: [String] = []
        var notes: [String] = []
        let folder = "$STSIM_FILES/\(text.location.line)"
        var i = 0
        while i < words.count {
            var word = words[i]
            i += 1
            var value: String?
            if word == "--from-file", i < words.count {
                value = words[i]
                i += 1
            } else if word.hasPrefix("--from-file=") {
                value = String(word.dropFirst("--from-file=".count))
            }
            guard let value else {
                command.append(BashText.word(word))
                continue
            }
            let (key, path) = Self.keyAndPath(value)
            guard let content = read(path) else {
                notes.append("\(path) is read when the script runs, from the directory it runs in")
                command.append(BashText.word("--from-file=\(value)"))
                continue
            }
            let name = String(path.split(separator: "/").last ?? Substring(path))
            let doc = BashText.hereDocument(content)
            if lines.isEmpty { lines.append("mkdir -p \"\(folder)\"") }
            lines.append("cat > \"\(folder)/\"\(BashText.word(name)) <<'\(doc.delimiter)'")
            lines += doc.lines
            word = "--from-file=" + (key.map { "\($0)=" } ?? "")
            command.append(BashText.word(word) + "\"\(folder)/\"" + BashText.word(name))
            notes.append("\(path), written out for kubectl to read")
        }
        var t = Translation.command(
            lines + ["kubectl " + command.joined(separator: " ")], changesCluster: true, notes: notes)
        t.single = lines.isEmpty
        return t
    }

    /// `[KEY=]PATH`, as kubectl splits it (the first `=`).
    private static func keyAndPath(_ value: String) -> (String?, String) {
        guard let eq = value.firstIndex(of: "=") else { return (nil, value) }
        return (String(value[..<eq]), String(value[value.index(after: eq)...]))
    }
}
