import StsimEngine

/// One object a manifest defines, as the API server would accept it (decoded, defaulted, valid).
public struct LoadedObject: Hashable, Sendable {
    public var object: KubeObject
    /// Where the object starts in its file.
    public var location: SourceLocation
    /// Where each of its fields is written.
    public var fields: FieldLocations
    /// The document as kubectl sends it (compact JSON, keys sorted): what `kubectl apply` records
    /// in the `kubectl.kubernetes.io/last-applied-configuration` annotation (plus a newline).
    public var appliedConfiguration: String

    public init(
        object: KubeObject, location: SourceLocation, fields: FieldLocations? = nil, appliedConfiguration: String = ""
    ) {
        self.object = object
        self.location = location
        self.fields = fields ?? FieldLocations(origin: location)
        self.appliedConfiguration = appliedConfiguration
    }

    public static let lastAppliedAnnotation = ManifestJSON.lastAppliedAnnotation
}

/// A document of a manifest the cluster would refuse, with kubectl's words for it.
public struct ManifestRejection: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// The file is not valid YAML/JSON; kubectl sends nothing from it.
        case syntax(String)
        /// The document is YAML but not an object (a list or a scalar at the top).
        case undecodable(String)
        /// kubectl's own schema check refused it (`apiVersion not set`, `kind not set`).
        case clientValidation(String)
        /// kubectl cannot map `apiVersion`/`kind` to a resource (`no matches for kind ...`).
        case noKindMatch(String)
        /// The API server cannot decode the object (400 BadRequest: unknown field, wrong type).
        case badRequest(String)
        /// The API server decoded the object and validation failed (422 Invalid).
        case invalid([FieldError])
    }

    public var reason: Reason
    /// `kind` and `metadata.name` as written (either may be empty).
    public var kind: String
    public var name: String
    public var namespace: String
    public var location: SourceLocation

    /// The text kubectl prints for this document, e.g. for `kubectl create -f FILE` (`verb` "creating")
    /// or `apply` of an existing object (`verb` "patching").
    public func kubectlMessage(file: String, verb: String = "creating") -> String {
        switch reason {
        case .syntax(let problem):
            return "error: error parsing \(file): error converting YAML to JSON: \(problem)"
        case .undecodable(let problem):
            return "error: unable to decode \"\(file)\": \(problem)"
        case .clientValidation(let problem):
            return
                "error: error validating \"\(file)\": error validating data: \(problem); if you choose to ignore these errors, turn validation off with --validate=false"
        case .noKindMatch(let message):
            return
                "error: resource mapping not found for name: \"\(name)\" namespace: \"\(namespace)\" from \"\(file)\": \(message)\nensure CRDs are installed first"
        case .badRequest(let message):
            return
                "Error from server (BadRequest): error when \(verb) \"\(file)\": \(kind) in version \"v1\" cannot be handled as a \(kind): \(message)"
        case .invalid(let causes):
            return Self.invalidMessage(kind: kind, name: name, causes: causes)
        }
    }

    /// `The StatefulSet "web" is invalid: ...`, one cause inline, several as `* ` bullets (7.1).
    public static func invalidMessage(kind: String, name: String, causes: [FieldError]) -> String {
        let head = "The \(kind) \"\(name)\" is invalid: "
        if causes.count == 1 { return head + causes[0].text }
        return head + "\n" + causes.map { "* " + $0.text }.joined(separator: "\n")
    }
}

/// Everything the loader found in one file: the objects to create, the documents refused, and every
/// finding (errors, warnings, notes) in file order.
public struct ManifestLoadResult: Hashable, Sendable {
    public var objects: [LoadedObject]
    public var rejections: [ManifestRejection]
    public var diagnostics: [Diagnostic]

    public init(objects: [LoadedObject] = [], rejections: [ManifestRejection] = [], diagnostics: [Diagnostic] = []) {
        self.objects = objects
        self.rejections = rejections
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

extension Diagnostic {
    /// `FILE:LINE:COL: severity: message`, the one-line form the broken-manifest suite compares.
    var compactText: String {
        let place = location.map { "\($0): " } ?? ""
        let hintText = hint.map { " (\($0))" } ?? ""
        return "\(place)\(severity.rawValue): \(message)\(hintText)"
    }
}

extension LoadedObject {
    /// The manifest as kubectl read it (an unstructured map), with `namespace` filled in where it
    /// had none, as kubectl's resource builder does before printing a client dry run.
    public func asRead(namespace: String?) -> WireValue? {
        guard case .success(var tree) = WireValue.parse(appliedConfiguration) else { return nil }
        if let namespace, tree["metadata"]?["namespace"] == nil {
            tree = tree.setting("metadata", (tree["metadata"] ?? .object([])).setting("namespace", .string(namespace)))
        }
        return tree
    }
}
