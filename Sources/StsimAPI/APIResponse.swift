import StsimEngine
import StsimManifests

/// What a route answers: a whole response, or the start of a watch stream.
public enum APIReply: Sendable {
    case response(APIResponse)
    /// The first lines of a watch (each a JSON document ending in a newline) and the watch's
    /// number in the hub; later lines come from the hub as the cluster changes.
    case watch(initial: [String], id: Int?, timeoutSeconds: Int?)
}

public struct APIResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: String
    /// `Warning: 299 - "..."` headers (kubectl prints them as `Warning: ...`).
    public var warnings: [String] = []

    public init(status: Int = 200, contentType: String = "application/json", body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    static func json(_ body: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, body: body)
    }

    /// A `Status` failure, the shape kubectl turns into `Error from server (Reason): message`.
    static func failure(
        code: Int, reason: String, message: String, details: StatusDetails? = nil
    ) -> APIResponse {
        APIResponse(
            status: code, body: StatusJSONText.failure(code: code, reason: reason, message: message, details: details))
    }

    static func failure(_ error: APIError) -> APIResponse {
        let details = StatusDetails(
            name: error.name ?? "", group: error.kind?.group ?? "",
            kind: error.reason == .invalid ? (error.kind?.kind ?? "") : (error.kind?.plural ?? ""),
            causes: error.causes.map { (field: $0.field, message: $0.body) })
        return failure(code: error.code, reason: error.reason.rawValue, message: error.message, details: details)
    }

    static func badRequest(_ message: String) -> APIResponse {
        failure(code: 400, reason: "BadRequest", message: message)
    }

    static func notFound(_ kind: ResourceKind, _ name: String) -> APIResponse {
        failure(APIError.notFound(kind, name))
    }

    /// A path the server does not serve: the real server's plain 404.
    static let pageNotFound = failure(
        code: 404, reason: "NotFound", message: "the server could not find the requested resource")
}

/// `details` of a Status: which object, and for 422 each field's complaint.
struct StatusDetails: Sendable {
    var name: String
    var group: String
    var kind: String
    var causes: [(field: String, message: String)] = []
}

enum StatusJSONText {
    static func failure(code: Int, reason: String, message: String, details: StatusDetails?) -> String {
        var text = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"#
        text += JSONEmitter.string(message) + #","reason":"# + JSONEmitter.string(reason)
        if let d = details {
            var fields = [#""name":"# + JSONEmitter.string(d.name)]
            if !d.group.isEmpty { fields.append(#""group":"# + JSONEmitter.string(d.group)) }
            fields.append(#""kind":"# + JSONEmitter.string(d.kind))
            if !d.causes.isEmpty {
                let causes = d.causes.map {
                    #"{"reason":"FieldValueInvalid","message":"# + JSONEmitter.string($0.message) + #","field":"#
                        + JSONEmitter.string($0.field) + "}"
                }
                fields.append(#""causes":["# + causes.joined(separator: ",") + "]")
            }
            text += #","details":{"# + fields.joined(separator: ",") + "}"
        }
        return text + #","code":\#(code)}"#
    }
}
