import StsimEngine

/// One cause of a 422 Invalid answer, as `field.Error` renders it: `<path>: <body>` (7.1).
public struct FieldError: Hashable, Sendable {
    public var path: String
    /// `Required value`, `Invalid value: "web.1": ...`, `Unsupported value: ...`, `Forbidden: ...`.
    public var body: String
    /// Where the field (or, when missing, its parent) is written.
    public var location: SourceLocation?
    /// stsim's own explanation, shown under the located diagnostic.
    public var hint: String?

    public init(path: String, body: String, location: SourceLocation? = nil, hint: String? = nil) {
        self.path = path
        self.body = body
        self.location = location
        self.hint = hint
    }

    /// The cause as kubectl prints it.
    public var text: String { "\(path): \(body)" }

    static func required(_ path: String, _ detail: String = "") -> FieldError {
        FieldError(path: path, body: detail.isEmpty ? "Required value" : "Required value: \(detail)")
    }

    static func invalid(_ path: String, _ value: GoValue, _ detail: String) -> FieldError {
        FieldError(path: path, body: "Invalid value: \(value.rendered): \(detail)")
    }

    static func notSupported(_ path: String, _ value: String, _ supported: [String]) -> FieldError {
        let list = supported.map { GoValue.string($0).rendered }.joined(separator: ", ")
        return FieldError(
            path: path, body: "Unsupported value: \(GoValue.string(value).rendered): supported values: \(list)")
    }

    static func forbidden(_ path: String, _ detail: String) -> FieldError {
        FieldError(path: path, body: "Forbidden: \(detail)")
    }

    static func duplicate(_ path: String, _ value: GoValue) -> FieldError {
        FieldError(path: path, body: "Duplicate value: \(value.rendered)")
    }

    static func notFound(_ path: String, _ value: GoValue) -> FieldError {
        FieldError(path: path, body: "Not found: \(value.rendered)")
    }
}

/// A value quoted in a field error the way Go's fmt does in 1.30–1.32: strings `%q`, numbers bare,
/// everything else `%#v`.
enum GoValue {
    case string(String)
    case int(Int)
    case stringMap([String: String])
    /// A value printed verbatim, already in `%#v` form.
    case goSyntax(String)

    var rendered: String {
        switch self {
        case .string(let s): return GoSyntax.quote(s)
        case .int(let i): return String(i)
        case .stringMap(let m): return GoSyntax.stringMap(m)
        case .goSyntax(let s): return s
        }
    }
}
