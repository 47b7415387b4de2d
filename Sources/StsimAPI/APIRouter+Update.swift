import Foundation
import StsimEngine
import StsimManifests
import StsimSession

/// PATCH (strategic merge, JSON merge, JSON patch, server-side apply) and PUT of an object.
extension APIRouter {
    func update(_ request: APIRequest, _ path: ResourcePath, _ name: String) -> APIResponse {
        let contentType = (request.header("content-type") ?? "").split(separator: ";").first.map(String.init) ?? ""
        guard let live = lookup(path, name) else {
            if contentType == "application/apply-patch+yaml" { return create(request, path) }
            return .notFound(path.kind, name)
        }
        let changed: Result<KubeObject, APIResponseError>
        switch (request.method, contentType) {
        case ("PUT", _):
            changed = decode(request, path).map { $0.0 }
        case (_, "application/strategic-merge-patch+json"):
            changed = Self.patched(live, request.bodyText, .strategic)
        case (_, "application/merge-patch+json"):
            changed = Self.patched(live, request.bodyText, .merge)
        case (_, "application/json-patch+json"):
            changed = Self.patched(live, request.bodyText, .json)
        case (_, "application/apply-patch+yaml"):
            // Server-side apply, approximated: the manifest merged onto the live object as a
            // strategic merge patch. No managedFields, so no conflicts between field managers.
            changed = Self.patched(live, request.bodyText, .strategic)
        default:
            return .failure(
                code: 415, reason: "UnsupportedMediaType",
                message:
                    "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json"
            )
        }
        var object: KubeObject
        switch changed {
        case .success(let o): object = o
        case .failure(let e): return e.response
        }
        guard object.name == name else {
            return .badRequest("the name of the object (\(object.name)) does not match the name on the URL (\(name))")
        }
        // The status of the main resource is the controllers' to write, as on a real server.
        object.keepStatus(of: live)
        switch cluster.update(object) {
        case .success(let updated):
            session.settleAfterWrite()
            return .json(WireJSON.object(updated))
        case .failure(let error): return .failure(error)
        }
    }

    static func patched(_ live: KubeObject, _ patch: String, _ type: ManifestUpdate.PatchType) -> Result<
        KubeObject, APIResponseError
    > {
        switch ManifestUpdate.patched(live, patch: patch, type: type, timestamps: WireJSON.timestamps) {
        case .success(let o): return .success(o)
        case .failure(let f):
            let invalid = "The request is invalid: "
            if f.message.hasPrefix(invalid) {
                return .failure(
                    APIResponseError(.failure(code: 422, reason: "Invalid", message: String(f.message.dropFirst(invalid.count)))))
            }
            let prefix = "Error from server (BadRequest): "
            let message = f.message.hasPrefix(prefix) ? String(f.message.dropFirst(prefix.count)) : f.message
            if message.hasPrefix("The "), message.contains(" is invalid") {
                return .failure(APIResponseError(.failure(code: 422, reason: "Invalid", message: message)))
            }
            return .failure(APIResponseError(.badRequest(message)))
        }
    }
}

extension KubeObject {
    /// Keeps the live object's status: a write to the main resource never changes it.
    mutating func keepStatus(of live: KubeObject) {
        switch (self, live) {
        case (.pod(var o), .pod(let l)):
            o.status = l.status
            self = .pod(o)
        case (.statefulSet(var o), .statefulSet(let l)):
            o.status = l.status
            self = .statefulSet(o)
        case (.replicaSet(var o), .replicaSet(let l)):
            o.status = l.status
            self = .replicaSet(o)
        case (.persistentVolumeClaim(var o), .persistentVolumeClaim(let l)):
            o.status = l.status
            self = .persistentVolumeClaim(o)
        case (.persistentVolume(var o), .persistentVolume(let l)):
            o.status = l.status
            self = .persistentVolume(o)
        case (.node(var o), .node(let l)):
            o.status = l.status
            self = .node(o)
        default: break
        }
    }
}
