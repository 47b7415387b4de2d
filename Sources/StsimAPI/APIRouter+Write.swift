import Foundation
import StsimEngine
import StsimManifests
import StsimSession

/// POST, PUT, PATCH and DELETE of whole objects. Every successful write is followed by the
/// session's settle (in `auto` mode), as a command at the prompt would be.
extension APIRouter {
    func create(_ request: APIRequest, _ path: ResourcePath) -> APIResponse {
        let object: KubeObject
        var warnings: [String] = []
        switch decode(request, path) {
        case .success(let decoded):
            object = decoded.0
            warnings = decoded.1
        case .failure(let e): return e.response
        }
        switch cluster.create(object) {
        case .success(let created):
            session.settleAfterWrite()
            var response = APIResponse.json(WireJSON.object(created), status: 201)
            response.warnings = warnings
            return response
        case .failure(let error): return .failure(error)
        }
    }

    /// The request body as one object of the path's kind and namespace, decoded strictly (or as
    /// `fieldValidation` says), with the API server's texts for what it refuses.
    func decode(_ request: APIRequest, _ path: ResourcePath) -> Result<(KubeObject, [String]), APIResponseError> {
        var options = Session.sharedLoaderOptions
        options.timestamps = WireJSON.timestamps
        switch request.query["fieldValidation"] ?? "Strict" {
        case "Ignore": options.fieldValidation = .ignore
        case "Warn": options.fieldValidation = .warn
        default: options.fieldValidation = .strict
        }
        var text = request.bodyText
        if (request.header("content-type") ?? "").hasPrefix(ProtobufNamespace.contentType) {
            guard let json = ProtobufNamespace.json(request.body, kind: path.kind.kind) else {
                return .failure(
                    APIResponseError(
                        .badRequest(
                            "stsim reads protobuf bodies only for Namespaces, ConfigMaps, Secrets and ServiceAccounts; send JSON"
                        )))
            }
            text = json
        }
        let result = ManifestLoader.load(text: text, file: "request", options: options)
        if let r = result.rejections.first { return .failure(APIResponseError(Self.rejection(r, kind: path.kind))) }
        guard result.objects.count == 1, var object = result.objects.first?.object else {
            return .failure(APIResponseError(.badRequest("the request body must be one \(path.kind.kind) object")))
        }
        guard object.kind == path.kind else {
            return .failure(
                APIResponseError(
                    .badRequest(
                        "the API version in the data (\(object.kind.apiVersion)) does not match the expected API version (\(path.kind.apiVersion))"
                    )))
        }
        if path.kind.isNamespaced {
            let namespace = path.namespace ?? "default"
            if object.metadata.namespace.isEmpty {
                object.metadata.namespace = namespace
            } else if object.metadata.namespace != namespace {
                return .failure(
                    APIResponseError(
                        .badRequest(
                            "the namespace of the provided object does not match the namespace sent on the request")))
            }
        }
        let warnings =
            options.fieldValidation == .warn
            ? result.warnings.map(\.message).filter { $0.hasPrefix("unknown field") } : []
        return .success((object, warnings))
    }

    static func rejection(_ r: ManifestRejection, kind: ResourceKind) -> APIResponse {
        switch r.reason {
        case .badRequest(let message):
            return .badRequest("\(kind.kind) in version \"v1\" cannot be handled as a \(kind.kind): \(message)")
        case .invalid(let causes):
            let error = APIError.invalid(kind, r.name, causes.map { .init(field: $0.path, body: $0.body) })
            return .failure(error)
        case .syntax(let problem), .undecodable(let problem), .clientValidation(let problem), .noKindMatch(let problem):
            return .badRequest(problem)
        }
    }

    func delete(_ request: APIRequest, _ path: ResourcePath, _ name: String) -> APIResponse {
        let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] ?? [:]
        let grace =
            (body["gracePeriodSeconds"] as? Int) ?? request.query["gracePeriodSeconds"].flatMap { Int($0) }
        let policyText = (body["propagationPolicy"] as? String) ?? request.query["propagationPolicy"] ?? "Background"
        guard let policy = PropagationPolicy(rawValue: policyText) else {
            return .badRequest(
                "propagationPolicy: Unsupported value: \"\(policyText)\": supported values: \"Foreground\", \"Background\", \"Orphan\""
            )
        }
        let options = DeleteOptions(gracePeriodSeconds: grace, force: grace == 0, propagation: policy)
        switch cluster.delete(path.kind, name, namespace: path.namespace, options: options) {
        case .success(let object):
            session.settleAfterWrite()
            return .json(WireJSON.object(object))
        case .failure(let error): return .failure(error)
        }
    }
}
