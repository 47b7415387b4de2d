import Foundation
import StsimEngine
import StsimSession

/// `/scale` (autoscaling/v1 Scale) and `/log`.
extension APIRouter {
    func scale(_ request: APIRequest, _ path: ResourcePath, _ name: String) -> APIResponse {
        guard path.kind == .statefulSet || path.kind == .replicaSet else { return .pageNotFound }
        guard let live = lookup(path, name) else { return .notFound(path.kind, name) }
        if request.method == "GET" { return .json(Self.scaleJSON(live)) }
        guard request.method == "PATCH" || request.method == "PUT",
            let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        else { return .badRequest("the request body is not a Scale object") }
        let metadata = body["metadata"] as? [String: Any]
        if let rv = (metadata?["resourceVersion"] as? String).flatMap({ Int($0) }), rv != live.metadata.resourceVersion
        {
            return .failure(
                code: 409, reason: "Conflict",
                message:
                    "Operation cannot be fulfilled on \(path.kind.qualifiedResource) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
                details: StatusDetails(name: name, group: path.kind.group, kind: path.kind.plural))
        }
        guard let replicas = (body["spec"] as? [String: Any])?["replicas"] as? Int else {
            return .json(Self.scaleJSON(live))
        }
        switch cluster.scale(path.kind, name, namespace: path.namespace, replicas: replicas) {
        case .success(let scaled):
            session.settleAfterWrite()
            return .json(Self.scaleJSON(scaled))
        case .failure(let error): return .failure(error)
        }
    }

    static func scaleJSON(_ object: KubeObject) -> String {
        var spec = 0
        var current = 0
        var selector: LabelSelector?
        switch object {
        case .statefulSet(let s):
            (spec, current, selector) = (s.spec.replicas ?? 1, s.status.replicas, s.spec.selector)
        case .replicaSet(let r):
            (spec, current, selector) = (r.spec.replicas ?? 1, r.status.replicas, r.spec.selector)
        default: break
        }
        let m = object.metadata
        let selectorText = (selector?.matchLabels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: ",")
        let created = m.creationTimestamp.map(WireJSON.timestamps.format) ?? ""
        return
            #"{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"\#(m.name)","namespace":"\#(m.namespace)","uid":"\#(m.uid.map { "\($0)" } ?? "")","resourceVersion":"\#(m.resourceVersion)","creationTimestamp":"\#(created)"},"spec":{"replicas":\#(spec)},"status":{"replicas":\#(current),"selector":"\#(selectorText)"}}"#
    }

    func logs(_ request: APIRequest, _ path: ResourcePath, _ name: String) -> APIResponse {
        guard case .pod(let pod)? = lookup(path, name) else { return .notFound(.pod, name) }
        let containerName = request.query["container"] ?? pod.spec.containers.first?.name ?? ""
        guard let index = pod.spec.containers.firstIndex(where: { $0.name == containerName }) else {
            return .badRequest("container \(containerName) is not valid for pod \(name)")
        }
        let previous = request.query["previous"] == "true"
        guard let lines = cluster.logs(of: pod, container: index, previous: previous) else {
            let message =
                previous
                ? "previous terminated container \"\(containerName)\" in pod \"\(name)\" not found"
                : "container \"\(containerName)\" in pod \"\(name)\" is waiting to start: ContainerCreating"
            return .badRequest(message)
        }
        var shown = lines
        if let tail = request.query["tailLines"].flatMap({ Int($0) }), tail >= 0 { shown = Array(lines.suffix(tail)) }
        var response = APIResponse(contentType: "text/plain", body: shown.map { $0 + "\n" }.joined())
        if request.query["follow"] == "true" {
            response.warnings.append("stsim: logs -f is not followed yet; these are the lines so far")
        }
        return response
    }

    /// An exec the WebSocket upgrade did not take: the pod's refusal as the kubelet gives it, or,
    /// for a client that asked for SPDY (kubectl's fallback) or no upgrade, what stsim speaks.
    func execWithoutUpgrade(_ path: ResourcePath, _ name: String, _ request: APIRequest) -> APIResponse {
        let target = session.apiExecTarget(
            namespace: path.namespace ?? "default", pod: name, container: request.query["container"])
        if case .failure(let refusal) = target {
            // kubectl prints a plain-text answer as `error: unable to upgrade connection: TEXT`.
            if refusal.plainText {
                return APIResponse(status: refusal.code, contentType: "text/plain", body: refusal.message)
            }
            return .failure(code: refusal.code, reason: refusal.reason, message: refusal.message)
        }
        return .badRequest(
            "stsim's API serves exec over WebSocket only (Sec-WebSocket-Protocol: v5.channel.k8s.io or v4.channel.k8s.io), not SPDY; kubectl 1.30 or later asks for it first"
        )
    }
}
