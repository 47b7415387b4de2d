import StsimEngine
import StsimSession

/// GET: one object, a list (JSON or Table), a watch.
extension APIRouter {
    /// The filter of a list or watch; a Status 400 when a selector cannot be read.
    func filter(_ request: APIRequest, _ path: ResourcePath) -> Result<ObjectFilter, APIResponseError> {
        var filter = ObjectFilter(kind: path.kind, namespace: path.namespace)
        if let text = request.query["labelSelector"], !text.isEmpty {
            switch Session.labelSelector(text) {
            case .success(let s): filter.labels = s
            case .failure(let d):
                return .failure(APIResponseError(.badRequest("unable to parse requirement: \(d.message)")))
            }
        }
        if let text = request.query["fieldSelector"], !text.isEmpty {
            switch ObjectFilter.fieldTerms(text, kind: path.kind) {
            case .success(let terms): filter.fields = terms
            case .failure(let e): return .failure(e)
            }
        }
        return .success(filter)
    }

    func matching(_ filter: ObjectFilter) -> [KubeObject] {
        if filter.kind == .endpoints {
            // The Services' slices, each read as its Endpoints; labels are the view's own.
            return cluster.list(.endpointSlice, namespace: filter.namespace, allNamespaces: filter.namespace == nil)
                .compactMap(filter.served)
        }
        return cluster.list(
            filter.kind, namespace: filter.namespace, allNamespaces: filter.namespace == nil, selector: filter.labels
        )
        .filter(filter.matches)
    }

    func list(_ request: APIRequest, _ path: ResourcePath) -> APIResponse {
        let filter: ObjectFilter
        switch self.filter(request, path) {
        case .success(let f): filter = f
        case .failure(let e): return e.response
        }
        let objects = matching(filter)
        let rv = cluster.resourceVersion
        if request.wantsTable {
            return APIResponse(
                contentType: "application/json;as=Table;v=v1;g=meta.k8s.io",
                body: WireJSON.table(
                    objects, kind: path.kind, now: cluster.now, resourceVersion: rv,
                    include: .init(query: request.query["includeObject"])))
        }
        return .json(WireJSON.list(objects, kind: path.kind, resourceVersion: rv))
    }

    func get(_ request: APIRequest, _ path: ResourcePath, _ name: String) -> APIResponse {
        guard let object = lookup(path, name) else { return .notFound(path.kind, name) }
        if request.wantsTable {
            return APIResponse(
                contentType: "application/json;as=Table;v=v1;g=meta.k8s.io",
                body: WireJSON.table(
                    [object], kind: path.kind, now: cluster.now, resourceVersion: object.metadata.resourceVersion,
                    include: .init(query: request.query["includeObject"])))
        }
        return .json(WireJSON.object(object))
    }

    func lookup(_ path: ResourcePath, _ name: String) -> KubeObject? {
        if path.kind == .event {
            return cluster.list(.event, namespace: path.namespace).first { $0.metadata.name == name }
        }
        if path.kind == .endpoints {
            return cluster.list(.endpointSlice, namespace: path.namespace).first {
                $0.metadata.labels[EndpointSlice.serviceNameLabel] == name
            }
            .flatMap(ObjectFilter(kind: .endpoints, namespace: path.namespace).served)
        }
        return try? cluster.get(path.kind, namespace: path.namespace, name: name).get()
    }

    /// `watch=true`: from `resourceVersion` (the history since), or from now with a synthetic
    /// ADDED for every current object (no resourceVersion, or 0); then every change as it
    /// happens. A resourceVersion older than the history gets 410 Gone as an ERROR event.
    func watch(_ request: APIRequest, _ path: ResourcePath, sink: WatchSink) -> APIReply {
        let filter: ObjectFilter
        switch self.filter(request, path) {
        case .success(let f): filter = f
        case .failure(let e): return .response(e.response)
        }
        let encoder = WatchEncoder(table: request.wantsTable, kind: path.kind)
        var initial: [String] = []
        let from = request.query["resourceVersion"].flatMap { Int($0) } ?? 0
        if from == 0 {
            initial = matching(filter).map { encoder.event("ADDED", $0, at: cluster.now) }
        } else if let changes = hub.changes(after: from, filter) {
            initial = changes.map { encoder.event($0.type.rawValue, $0.object, at: $0.time) }
        } else {
            return .watch(initial: [WatchEncoder.expired(from)], id: nil, timeoutSeconds: nil)
        }
        let id = hub.add(
            WatchHub.Watch(
                filter: filter, encoder: encoder, sink: sink, bookmarks: request.query["allowWatchBookmarks"] == "true")
        )
        return .watch(initial: initial, id: id, timeoutSeconds: request.query["timeoutSeconds"].flatMap { Int($0) })
    }
}

/// A route's early answer, carried through a Result.
struct APIResponseError: Error {
    var response: APIResponse
    init(_ response: APIResponse) { self.response = response }
}
