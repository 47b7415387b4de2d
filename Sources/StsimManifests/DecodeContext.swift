import StsimEngine
import Yams

/// The text a manifest came from, so that every finding can name FILE:LINE:COL and show its line.
/// `firstLine` shifts line numbers for manifests embedded in a script's here-document.
struct ManifestSource {
    let file: String
    let firstLine: Int
    let lines: [Substring]

    init(text: String, file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        // "\r\n" is one Character in Swift, so Windows line ends are split on explicitly.
        self.lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// Yams marks count lines and columns from 1 within the text.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    func lineText(at location: SourceLocation) -> String? {
        let i = location.line - firstLine
        guard i >= 0, i < lines.count else { return nil }
        var line = String(lines[i])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}

/// Collects the findings and field locations while one object is decoded and validated.
/// A class because every reader of the object's nested mappings appends to the same lists.
final class DecodeContext {
    let source: ManifestSource
    /// Where the object starts (its `apiVersion`/`kind` mapping), the fallback location.
    let origin: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    /// Field path (`spec.template.spec.containers[0].image`) to the location of its key.
    private(set) var locations: FieldLocations
    /// Validation causes found while decoding, for facts the model cannot hold (a volume with two
    /// sources); they join the Validator's causes.
    private(set) var causes: [FieldError] = []
    /// The objects holding a field whose value could not be decoded; validation findings inside
    /// them are mostly echoes of the decoding error (a port read as 0, a missing storage request)
    /// and are left out.
    private(set) var failedScopes: [String] = []
    /// True once a finding made the decoded object unusable (kubectl would refuse it).
    private(set) var hasErrors = false

    let fieldValidation: ManifestLoader.FieldValidation

    init(source: ManifestSource, origin: SourceLocation, fieldValidation: ManifestLoader.FieldValidation = .strict) {
        self.source = source
        self.origin = origin
        self.fieldValidation = fieldValidation
        self.locations = FieldLocations(origin: origin)
    }

    func record(_ path: String, _ mark: Mark?) {
        guard let mark else { return }
        locations.record(path, source.location(mark))
    }

    /// The location of a field, or of its nearest recorded parent (a missing required field is
    /// reported where its parent is written).
    func location(of path: String) -> SourceLocation { locations.location(of: path) }

    func report(_ severity: Diagnostic.Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        if severity == .error { hasErrors = true }
        diagnostics.append(
            Diagnostic(severity, at: location, message, sourceLine: source.lineText(at: location), hint: hint))
    }

    func report(_ severity: Diagnostic.Severity, at mark: Mark?, _ message: String, hint: String? = nil) {
        report(severity, at: mark.map(source.location) ?? origin, message, hint: hint)
    }

    func fail(_ path: String) {
        let scope = path.lastIndex(where: { $0 == "." || $0 == "[" }).map { String(path[..<$0]) } ?? path
        failedScopes.append(scope)
    }

    /// Whether `path` lies in an object that held an undecodable field.
    func isUnderFailedField(_ path: String) -> Bool {
        failedScopes.contains { f in
            path == f || path.hasPrefix(f + ".") || path.hasPrefix(f + "[")
        }
    }

    func invalid(_ cause: FieldError) {
        var c = cause
        c.location = c.location ?? location(of: c.path)
        causes.append(c)
    }

    func report(_ severity: Diagnostic.Severity, path: String, _ message: String, hint: String? = nil) {
        report(severity, at: location(of: path), message, hint: hint)
    }
}
