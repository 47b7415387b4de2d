import StsimEngine
import StsimSession

/// Sends each request to its route. Runs on the session's thread (SessionHost).
final class APIRouter {
    let session: Session
    let hub: WatchHub

    init(session: Session, hub: WatchHub) {
        self.session = session
        self.hub = hub
    }

    var cluster: Cluster { session.sharedCluster }

    func route(_ request: APIRequest, sink: WatchSink) -> APIReply {
        if let path = ResourcePath(request.segments) {
            return resource(request, path, sink: sink)
        }
        return .response(document(request) ?? APIResponse.pageNotFound)
    }

    /// Discovery and OpenAPI: GET only, fixed documents.
    private func document(_ request: APIRequest) -> APIResponse? {
        guard request.method == "GET" else { return nil }
        let aggregated = (request.header("accept") ?? "").contains(
            "g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
        switch request.segments {
        case ["version"]: return .json(Discovery.version)
        case ["api"]:
            return aggregated
                ? APIResponse(contentType: Discovery.aggregatedType, body: Discovery.aggregated(core: true))
                : .json(Discovery.legacyVersions)
        case ["apis"]:
            return aggregated
                ? APIResponse(contentType: Discovery.aggregatedType, body: Discovery.aggregated(core: false))
                : .json(Discovery.legacyGroups)
        case ["openapi", "v3"]: return .json(OpenAPI.root)
        case ["openapi", "v2"]:
            // An empty protobuf Document: no schemas, so kubectl skips client-side validation
            // (a `kind: List` file is always validated on the client).
            return APIResponse(contentType: "application/octet-stream", body: "")
        default: break
        }
        let joined = request.segments.joined(separator: "/")
        if let group = ServedResources.groups.first(where: { $0.root == joined }) {
            return .json(Discovery.legacyResources(group))
        }
        if request.segments.starts(with: ["openapi", "v3"]),
            let group = OpenAPI.group(root: request.segments.dropFirst(2).joined(separator: "/"))
        {
            return .json(OpenAPI.document(group))
        }
        return nil
    }

    private func resource(_ request: APIRequest, _ path: ResourcePath, sink: WatchSink) -> APIReply {
        if path.kind == .endpoints, request.method != "GET" {
            return .response(
                .failure(
                    code: 405, reason: "MethodNotAllowed",
                    message:
                        "stsim's Endpoints are read from the Services' EndpointSlices and cannot be written; change the Service or its pods instead"
                ))
        }
        switch (request.method, path.name, path.subresource) {
        case ("GET", nil, _):
            return request.isWatch ? watch(request, path, sink: sink) : .response(list(request, path))
        case ("GET", .some(let name), nil):
            return .response(get(request, path, name))
        case ("POST", nil, _):
            return .response(create(request, path))
        case ("DELETE", .some(let name), nil):
            return .response(delete(request, path, name))
        case ("PATCH", .some(let name), nil), ("PUT", .some(let name), nil):
            return .response(update(request, path, name))
        case (_, .some(let name), "scale"):
            return .response(scale(request, path, name))
        case ("GET", .some(let name), "status"):
            return .response(get(request, path, name))
        case ("POST", .some(let name), "eviction") where path.kind == .pod:
            return .response(evict(request, path, name))
        case ("GET", .some(let name), "log") where path.kind == .pod:
            return .response(logs(request, path, name))
        case (_, .some(let name), "exec") where path.kind == .pod:
            return .response(execWithoutUpgrade(path, name, request))
        case (_, .some, .some(let sub)) where ["attach", "portforward", "proxy"].contains(sub):
            return .response(
                .failure(
                    code: 400, reason: "BadRequest",
                    message:
                        "stsim's API does not support \(sub) yet; at the stsim prompt, use `\(sub == "portforward" ? "curl" : sub)`"
                ))
        default:
            return .response(
                .failure(
                    code: 405, reason: "MethodNotAllowed",
                    message: "the server does not allow this method on the requested resource"))
        }
    }
}
