import StsimEngine
import Yams

/// Splits a manifest into documents with Yams' composer, which keeps every node's mark. JSON is
/// YAML's flow style, so one parser reads both.
enum YAMLDocuments {
    struct Failure: Error {
        var diagnostic: Diagnostic
        /// The problem in kubectl's words (`yaml: line 5: mapping values are not allowed in this context`).
        var kubectlProblem: String
    }

    static func parse(_ original: String, source: ManifestSource) -> Result<[YAMLNode], Failure> {
        // Editors on Windows start files with a byte-order mark, which kubectl skips and Yams'
        // parser does not; it is zero-width, so no column moves.
        let text = original.hasPrefix("\u{FEFF}") ? String(original.dropFirst()) : original
        // A byte-order mark or NUL makes libyaml stop with an unhelpful reader error; say what it is.
        if let nul = text.unicodeScalars.firstIndex(of: "\u{0}") {
            let before = text.unicodeScalars[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column =
                before.count
                - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            let location = SourceLocation(file: source.file, line: line + source.firstLine - 1, column: column)
            return .failure(
                Failure(
                    diagnostic: Diagnostic(
                        .error, at: location, "control characters are not allowed",
                        sourceLine: source.lineText(at: location),
                        hint: "the file contains a NUL byte; is it a binary file?"),
                    kubectlProblem: "yaml: control characters are not allowed"))
        }
        do {
            var documents: [YAMLNode] = []
            // The sequence does not throw: it stops and keeps the error, which must be checked.
            var sequence = try Yams.compose_all(yaml: text)
            while let node = sequence.next() { documents.append(node) }
            if let error = sequence.error { throw error }
            return .success(documents)
        } catch let error as YamlError {
            return .failure(failure(error, source))
        } catch {
            let l = source.location(nil)
            return .failure(Failure(diagnostic: Diagnostic(.error, at: l, "\(error)"), kubectlProblem: "\(error)"))
        }
    }

    private static func failure(_ error: YamlError, _ source: ManifestSource) -> Failure {
        if case .duplicatedKeysInMapping(let keys, let context) = error {
            return duplicate(keys.first ?? "", first: context.mark, source)
        }
        let (mark, problem, context): (Mark?, String, String?) =
            switch error {
            case .scanner(let c, let p, let m, _): (m, p, c?.text)
            case .parser(let c, let p, let m, _): (m, p, c?.text)
            case .composer(let c, let p, let m, _): (m, p, c?.text)
            case .reader(let p, _, _, _): (nil, p, nil)
            default: (nil, "\(error)", nil)
            }
        let location = source.location(mark)
        var hint: String?
        if problem.contains("tab") || source.lineText(at: location)?.hasPrefix("\t") == true {
            hint = "YAML indents with spaces, never tabs"
        } else if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            hint = "this line's indentation does not match the lines above it"
        } else if problem.contains("mapping values are not allowed") {
            hint = "a value containing \": \" needs quotes, or the line is indented wrongly"
        } else if let context {
            hint = context
        }
        let line = mark.map { "line \($0.line): " } ?? ""
        return Failure(
            diagnostic: Diagnostic(
                .error, at: location, "yaml: \(problem)", sourceLine: source.lineText(at: location), hint: hint),
            kubectlProblem: "yaml: \(line)\(problem)")
    }

    /// Yams reports where the first of two equal keys is; sigs.k8s.io/yaml (yaml.v2) names the line
    /// of the second, which is the one to delete, so look for it below the first.
    private static func duplicate(_ key: String, first: Mark, _ source: ManifestSource) -> Failure {
        var line2 = first.line
        for i in first.line..<source.lines.count {
            let line = Array(source.lines[i])
            let col = first.column - 1
            guard col < line.count else { continue }
            let rest = String(line[col...])
            let written = [key + ":", "\"\(key)\":", "'\(key)':"]
            if written.contains(where: rest.hasPrefix), line[..<col].allSatisfy({ $0 == " " || $0 == "-" }) {
                line2 = i + 1
                break
            }
        }
        var location = source.location(first)
        location.line += line2 - first.line
        let problem = "key \"\(key)\" already set in map"
        return Failure(
            diagnostic: Diagnostic(
                .error, at: location, "yaml: \(problem)", sourceLine: source.lineText(at: location),
                hint: "\"\(key)\" is already given at line \(source.location(first).line); a key may appear only once"),
            kubectlProblem: "yaml: unmarshal errors:\n  line \(line2): \(problem)")
    }
}
