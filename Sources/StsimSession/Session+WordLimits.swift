import StsimEngine
import StsimLanguage

/// The word and variable limits, checked before anything is expanded, so that `let x =
/// ${x}${x}` repeated cannot build a value it will only then refuse.
extension Session {
    func checkExpansionSizes(_ text: CommandText) throws {
        let limit = options.limits.wordBytes
        for word in text.words {
            let size = expandedSize(word.parts)
            if size > limit {
                throw Diagnostic(
                    at: word.location,
                    "this word would be \(size.groupedDigits) bytes, longer than stsim's limit of \(limit.groupedDigits)",
                    hint: raiseHint("max-word", "BYTES"))
            }
        }
        if let document = text.hereDocument, expandedSize(document.body) > options.limits.commandBytes {
            throw Diagnostic(
                at: document.location,
                "this here-document would be longer than stsim's limit of \(options.limits.commandBytes.groupedDigits) bytes for a command",
                hint: raiseHint("max-command", "BYTES"))
        }
    }

    /// A `let` may not take the variables together past 16 times the word limit.
    func checkVariableBudget(_ name: String, _ value: String) throws {
        let old = variables[name].map { name.utf8.count + $0.utf8.count } ?? 0
        let total = variableBytesHeld - old + name.utf8.count + value.utf8.count
        if total > options.limits.variableBytes {
            throw SessionError(
                "the variables would hold \(total.groupedDigits) bytes together, more than stsim's limit of \(options.limits.variableBytes.groupedDigits) (16 times max-word)",
                hint: raiseHint("max-word", "BYTES"))
        }
        variableBytesHeld = total
    }

    private func expandedSize(_ parts: [WordPart]) -> Int {
        parts.reduce(0) { size, part in
            switch part {
            case .text(let s): size &+ s.utf8.count
            case .variable(let name, _): size &+ (variables[name]?.utf8.count ?? 0)
            }
        }
    }
}
