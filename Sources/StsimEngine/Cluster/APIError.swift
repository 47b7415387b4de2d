/// An error the simulated API server returns, with Kubernetes' reason and message text
/// (`pods "web-9" not found`). kubectl's framing (`Error from server (NotFound): `) is the
/// renderer's job.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable {
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case invalid = "Invalid"
        case conflict = "Conflict"
        case badRequest = "BadRequest"
        case forbidden = "Forbidden"
        case methodNotAllowed = "MethodNotAllowed"
        /// The API server's proxy could not reach the pod or service (503).
        case serviceUnavailable = "ServiceUnavailable"
        /// The eviction subresource's refusal while a disruption budget allows nothing (429).
        case tooManyRequests = "TooManyRequests"
        /// A failure Status with code 500 (the eviction of a pod two budgets cover).
        case internalError = "InternalError"
        /// One of stsim's own limits (`ClusterLimits`), not a Kubernetes error: its message is
        /// stsim's words and `setting` names what raises the limit.
        case limitExceeded = "LimitExceeded"
    }

    /// One field error of an Invalid (422) error: `spec.replicas: Invalid value: -1: ...`.
    public struct Cause: Sendable, Hashable {
        public var field: String
        public var body: String
        public init(field: String, body: String) {
            self.field = field
            self.body = body
        }
        public var text: String { field.isEmpty ? body : "\(field): \(body)" }
    }

    public var reason: Reason
    public var message: String
    public var kind: ResourceKind?
    public var name: String?
    public var causes: [Cause]
    /// For `limitExceeded`: the setting that raises the limit (`max-replicas`).
    public var setting: String?

    public init(reason: Reason, message: String, kind: ResourceKind? = nil, name: String? = nil, causes: [Cause] = []) {
        self.reason = reason
        self.message = message
        self.kind = kind
        self.name = name
        self.causes = causes
    }

    public var description: String { message }

    /// HTTP status code kubectl would have seen.
    public var code: Int {
        switch reason {
        case .notFound: 404
        case .alreadyExists, .conflict: 409
        case .invalid: 422
        case .badRequest: 400
        case .forbidden, .limitExceeded: 403
        case .methodNotAllowed: 405
        case .serviceUnavailable: 503
        case .tooManyRequests: 429
        case .internalError: 500
        }
    }

    public static func notFound(_ kind: ResourceKind, _ name: String) -> APIError {
        APIError(reason: .notFound, message: "\(kind.qualifiedResource) \"\(name)\" not found", kind: kind, name: name)
    }

    public static func limitExceeded(_ message: String, setting: String) -> APIError {
        var e = APIError(reason: .limitExceeded, message: message)
        e.setting = setting
        return e
    }

    public static func alreadyExists(_ kind: ResourceKind, _ name: String) -> APIError {
        APIError(
            reason: .alreadyExists, message: "\(kind.qualifiedResource) \"\(name)\" already exists", kind: kind,
            name: name)
    }

    /// The API server's Invalid error: `StatefulSet.apps "web" is invalid: <cause>` (several
    /// causes print as a Go aggregate, `[c1, c2]`). kubectl re-renders it: see `kubectlMessage`.
    public static func invalid(_ kind: ResourceKind, _ name: String, _ causes: [Cause]) -> APIError {
        let qualifiedKind = kind.group.isEmpty ? kind.kind : "\(kind.kind).\(kind.group)"
        let texts = causes.map(\.text)
        let message =
            "\(qualifiedKind) \"\(name)\" is invalid: "
            + (texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]")
        return APIError(reason: .invalid, message: message, kind: kind, name: name, causes: causes)
    }

    /// What kubectl prints for this error (7.1), without a `-f FILE` context:
    /// `The StatefulSet "web" is invalid: <cause>` (or the bulleted form for several causes) for
    /// Invalid, `Error from server (<Reason>): <message>` otherwise.
    public var kubectlMessage: String {
        if reason == .limitExceeded { return message }
        guard reason == .invalid, let kind, let name, !causes.isEmpty else {
            return "Error from server (\(reason.rawValue)): \(message)"
        }
        let head = "The \(kind.kind) \"\(name)\" is invalid: "
        return causes.count == 1
            ? head + causes[0].text : head + "\n" + causes.map { "* " + $0.text }.joined(separator: "\n")
    }
}
