import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    func create(_ command: CreateCommand, at location: SourceLocation) throws {
        switch command {
        case .manifests(let source):
            try forEachManifestObject(source, verb: "creating") { object in
                cluster.create(object).map { created in "\(created.kind.qualifiedSingular)/\(created.name) created" }
            }
        case .statefulSet(let name, let image, let replicas, let service, let storage, let policy):
            try confirm(cluster.create(.statefulSet(Shortcuts.statefulSet(
                name: name.text, image: image, replicas: replicas, service: service, storage: storage, policy: policy))),
                verb: "created")
        case .headlessService(let name, let selector, let port):
            try confirm(cluster.create(.service(Shortcuts.headlessService(name: name.text, selector: selector,
                                                                          port: port))), verb: "created")
        case .persistentVolume(let name, let capacity, let modes, let reclaim, let storageClass):
            let pv = try Shortcuts.persistentVolume(name: name, capacity: capacity, accessModes: modes,
                                                    reclaimPolicy: reclaim, storageClass: storageClass)
            try confirm(cluster.create(.persistentVolume(pv)), verb: "created")
        case .node(let name, let zone):
            try confirm(cluster.createNode(name.text, zone: zone), verb: "created")
        }
        autoSettle()
    }

    func apply(_ source: ManifestSource, at location: SourceLocation) throws {
        try forEachManifestObject(source, verb: "applying") { object in
            cluster.apply(object).map { outcome, applied in
                "\(applied.kind.qualifiedSingular)/\(applied.name) \(outcome.rawValue)"
            }
        }
        autoSettle()
    }

    /// kubectl's `statefulset.apps/web created` line, or the API's error.
    func confirm(_ result: Result<KubeObject, APIError>, verb: String) throws {
        switch result {
        case .success(let object):
            // The API server's warnings come first, on stderr, as kubectl prints them.
            for warning in Validator.apiWarnings(object) { printer.errorLine("Warning: \(warning)") }
            printer.line("\(object.kind.qualifiedSingular)/\(object.name) \(verb)")
        case .failure(let error): throw error
        }
    }

    /// Loads a manifest and hands each object to `act`, as kubectl does with `-f`: every object is
    /// tried, errors are reported one by one (`error when creating "FILE": ...`), and the command
    /// fails if any did.
    func forEachManifestObject(_ source: ManifestSource, verb: String,
                               _ act: (KubeObject) -> Result<String, APIError>) throws {
        let loaded = try loadManifests(source)
        var failed = false
        for object in loaded {
            switch act(object) {
            case .success(let line): printer.line(line)
            case .failure(let error):
                failed = true
                var text = error.kubectlText
                if error.reason != .invalid, case .file(let path) = source {
                    text = "Error from server (\(error.reason.rawValue)): error when \(verb) \"\(path.text)\": \(error.message)"
                }
                printer.errorLine(interactive ? text : "\(manifestName(source)): error: \(text)")
            }
        }
        if failed { throw AlreadyReported() }
    }

    func manifestName(_ source: ManifestSource) -> String {
        switch source {
        case .file(let path): return path.text
        case .inline(_, let name, let firstLine): return "\(name):\(firstLine)"
        }
    }
}

/// An error whose message was already printed; the command just fails.
struct AlreadyReported: Error {}
