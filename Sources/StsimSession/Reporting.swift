import StsimEngine
import StsimLanguage
import StsimManifests
import StsimRender

/// A check that did not hold (`expect ...`).
struct ExpectationFailure: Error {
    var message: String
    /// Lines after the message: for a history check, what happened instead.
    var details: [String] = []
}

/// A plain error sentence from the session itself (not the API's, not located in the input).
struct SessionError: Error {
    var message: String
    var hint: String?
    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

extension Session {
    /// Prints any error a command produced, the same way everywhere: located in scripts,
    /// caret-only at the prompt.
    func report(_ error: any Error, at location: SourceLocation) {
        switch error {
        case let d as Diagnostic:
            report(d)
        case let e as APIError where e.setting != nil:
            report(Diagnostic(at: location, e.message, hint: limitHint(e)))
        case let e as APIError:
            // At the prompt kubectl's own words are enough; a script also says where.
            if interactive {
                printer.errorLine(e.kubectlMessage)
            } else {
                report(Diagnostic(at: location, e.kubectlMessage))
            }
        case let e as ManifestUpdate.Failure:
            if interactive {
                printer.errorLine(e.message)
                if let hint = e.hint { printer.errorLine("  hint: \(hint)") }
            } else {
                report(
                    Diagnostic(
                        at: location, e.message.hasPrefix("error: ") ? String(e.message.dropFirst(7)) : e.message,
                        hint: e.hint))
            }
        case is AlreadyReported:
            break
        case let e as ExpectationFailure:
            printer.errorLine("\(location): \(paint("expectation failed:", .red)) \(e.message)")
            for line in e.details { printer.errorLine(line) }
        case let e as SessionError:
            report(Diagnostic(at: location, e.message, hint: e.hint))
        default:
            report(Diagnostic(at: location, "\(error)"))
        }
    }

    /// How to raise the stsim limit an error names.
    func limitHint(_ error: APIError) -> String? {
        error.setting.map { raiseHint($0, "N") }
    }

    /// How to raise a limit from where the user is: `set` at the prompt; in a script only the
    /// flag (a script may lower its limits, never raise them).
    func raiseHint(_ setting: String, _ unit: String) -> String {
        interactive
            ? "raise it with set \(setting) \(unit) (or stsim --\(setting) \(unit))"
            : "raise it with the flag: stsim --\(setting) \(unit) ..."
    }

    func report(_ diagnostic: Diagnostic) {
        var d = diagnostic
        if d.sourceLine == nil, let l = d.location { d.sourceLine = sourceLine(l) }
        var text: String
        if interactive, let l = d.location, l.file == "<prompt>", l.line == 1 {
            text = DiagnosticPrinter.renderAtPrompt(d, promptWidth: promptAtStart.count)
        } else {
            text = DiagnosticPrinter.render(d) { self.sourceLine($0) }
        }
        // kubectl's `Error from server (NotFound): ...` is its own prefix; `error: ` before it would
        // say the same thing twice.
        if d.message.hasPrefix("Error from server"), let r = text.firstRange(of: "\(d.severity.rawValue): ") {
            text.removeSubrange(r)
        }
        printer.errorLine(highlight(String(text.dropLast()), severity: d.severity))
    }

    enum Paint: String {
        case red = "1;31"
        case yellow = "1;33"
        case cyan = "36"
    }

    func paint(_ text: String, _ colour: Paint) -> String {
        options.colour ? "\u{1b}[\(colour.rawValue)m\(text)\u{1b}[0m" : text
    }

    /// Colours the severity word and the hint label of a printed diagnostic.
    private func highlight(_ text: String, severity: Diagnostic.Severity) -> String {
        guard options.colour else { return text }
        let word = "\(severity.rawValue):"
        var out = text
        if let r = out.firstRange(of: word) {
            out.replaceSubrange(
                r, with: paint(word, severity == .error ? .red : severity == .warning ? .yellow : .cyan))
        }
        if let r = out.firstRange(of: "  hint:") { out.replaceSubrange(r, with: "  " + paint("hint:", .cyan)) }
        return out
    }
}
