import StsimEngine
import Yams

/// Turns manifest text (YAML or JSON, one or many documents, `kind: List`) into engine objects the
/// way kubectl and the API server would: strict decoding, defaulting, validation; and, beyond them,
/// every finding located at FILE:LINE:COL and reported together.
///
/// How the session uses it for `create -f FILE`: print `result.diagnostics` (each with its line and
/// a caret), create `result.objects` in order, and for each of `result.rejections` print
/// `kubectlMessage(file:)`, which is what kubectl would have said.
public enum ManifestLoader {
    /// kubectl's `--validate`: what the API server does with fields it does not know (7.2).
    public enum FieldValidation: Sendable {
        /// `--validate=strict` (the default): the object is refused.
        case strict
        /// `--validate=warn`: the object is created and each field gets `Warning: unknown field ...`.
        case warn
        /// `--validate=false`: unknown fields are dropped silently.
        case ignore
    }

    public struct Options: Sendable {
        /// How RFC 3339 timestamps in the input map onto virtual time.
        public var timestamps: Timestamps
        /// Return objects with the API server's defaults (Defaults.swift) applied. Validation always
        /// sees the defaulted object, as in the server; this only decides what `objects` holds.
        public var applyDefaults: Bool
        /// The cluster's default StorageClass, for the DefaultStorageClass admission plugin.
        public var defaultStorageClass: String?
        public var fieldValidation: FieldValidation

        public init(
            timestamps: Timestamps = .standard, applyDefaults: Bool = true, defaultStorageClass: String? = nil,
            fieldValidation: FieldValidation = .strict
        ) {
            self.timestamps = timestamps
            self.applyDefaults = applyDefaults
            self.defaultStorageClass = defaultStorageClass
            self.fieldValidation = fieldValidation
        }
    }

    /// Loads every document of `text`. `file` names the source in findings; `firstLine` is the line
    /// of the file the text starts on (a here-document inside a script starts further down).
    public static func load(text: String, file: String, firstLine: Int = 1, options: Options = Options())
        -> ManifestLoadResult
    {
        let source = ManifestSource(text: text, file: file, firstLine: firstLine)
        var result = ManifestLoadResult()
        let documents: [YAMLNode]
        switch YAMLDocuments.parse(text, source: source) {
        case .success(let d): documents = d
        case .failure(let failure):
            result.diagnostics.append(failure.diagnostic)
            result.rejections.append(
                ManifestRejection(
                    reason: .syntax(failure.kubectlProblem), kind: "", name: "", namespace: "",
                    location: failure.diagnostic.location ?? source.location(nil)))
            return result
        }
        for document in documents {
            if case .null = JSONShape(document) { continue }
            ObjectDecoder(source: source, options: options).load(document, into: &result)
        }
        result.diagnostics += Advisor.crossCheck(result.objects, source: source)
        if result.objects.isEmpty, result.rejections.isEmpty {
            // kubectl: `error: no objects passed to create` (or `apply`), and it exits non-zero.
            result.diagnostics.append(
                Diagnostic(
                    .error, at: source.location(nil), "no objects passed to create",
                    hint: "the file holds no manifest: only comments, empty documents or an empty List"))
        }
        result.diagnostics = sorted(result.diagnostics)
        return result
    }

    /// File order; findings at the same place keep the order they were made in.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location
            let lb = b.element.location
            let ka = (la?.line ?? 0, la?.column ?? 0)
            let kb = (lb?.line ?? 0, lb?.column ?? 0)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}
