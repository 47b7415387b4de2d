import StsimEngine
import StsimLanguage

/// `create configmap|secret --from-file PATH` and `cp PATH POD:PATH`: kubectl reads the file where
/// the script runs, so the script carries it, written into a folder of its own first (the file
/// keeps its name, which is the key of `--from-file` and the name `cp` gives it in a folder).
extension Translator {
    /// The lines that write the host file `path` under `$STSIM_FILES`, and the word that names
    /// it there (nil when it cannot be read here).
    func staged(_ path: String, first: Bool) -> (lines: [String], word: String)? {
        guard let content = read(path) else { return nil }
        let folder = "$STSIM_FILES/\(text.location.line)"
        let name = BashText.word(String(path.split(separator: "/").last ?? Substring(path)))
        let doc = BashText.hereDocument(content)
        return (
            (first ? ["mkdir -p \"\(folder)\""] : []) + ["cat > \"\(folder)/\"\(name) <<'\(doc.delimiter)'"]
                + doc.lines,
            "\"\(folder)/\"\(name)"
        )
    }

    /// `cp HOSTPATH POD:PATH`: the host file travels with the script.
    func copy(_ c: CopyCommand) -> Translation {
        guard FileSpec(c.source.text).pod == nil, let file = staged(c.source.text, first: true) else {
            return asWritten()
        }
        let rest = words.dropFirst().map { $0 == c.source.text ? file.word : BashText.word($0) }
        var t = Translation.command(
            file.lines + ["kubectl cp " + rest.joined(separator: " ")],
            notes: ["\(c.source.text), written out for kubectl to copy"])
        t.single = false
        t.outputLine = file.lines.count
        return t
    }

    func configData() -> Translation {
        var lines: [String] = []
        var command: [String] = []
        var notes: [String] = []
        var i = 0
        while i < words.count {
            let word = words[i]
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
            guard let file = staged(path, first: lines.isEmpty) else {
                notes.append("\(path) is read when the script runs, from the directory it runs in")
                command.append(BashText.word("--from-file=\(value)"))
                continue
            }
            lines += file.lines
            command.append(BashText.word("--from-file=" + (key.map { "\($0)=" } ?? "")) + file.word)
            notes.append("\(path), written out for kubectl to read")
        }
        var t = Translation.command(
            lines + ["kubectl " + command.joined(separator: " ")], changesCluster: true, notes: notes)
        t.single = lines.isEmpty
        t.outputLine = lines.count
        return t
    }

    /// `[KEY=]PATH`, as kubectl splits it (the first `=`).
    private static func keyAndPath(_ value: String) -> (String?, String) {
        guard let eq = value.firstIndex(of: "=") else { return (nil, value) }
        return (String(value[..<eq]), String(value[value.index(after: eq)...]))
    }
}
