import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    func create(_ command: CreateCommand, at location: SourceLocation) throws {
        switch command {
        case .manifests(let source, let options):
            var writer = ObjectWriter(options)
            try forEachManifestDocument(source) { loaded in
                var object = loaded.object
                if object.kind.isNamespaced, object.metadata.namespace.isEmpty {
                    object.metadata.namespace = cluster.config.namespace
                }
                if options.dryRun == .client { return writer.writtenAsRead(loaded, object, "created") }
                switch cluster.create(object, dryRun: options.dryRun == .server) {
                case .success(let created):
                    noteDroppedFields(loaded, created)
                    return writer.written(created, "created")
                case .failure(let error): return .apiError(error, verb: "creating")
                }
            }
            if options.dryRun != .none { return }
        case .statefulSet(let name, let image, let replicas, let service, let storage, let policy):
            try confirm(
                cluster.create(
                    .statefulSet(
                        Shortcuts.statefulSet(
                            name: name.text, image: image, replicas: replicas, service: service, storage: storage,
                            policy: policy))),
                verb: "created")
        case .headlessService(let name, let selector, let port):
            let service = Shortcuts.headlessService(name: name.text, selector: selector, port: port)
            try confirm(cluster.create(.service(service)), verb: "created")
        case .clusterIPService(let name, let ports, let clusterIP, let namespace, let options):
            let pairs = ports.flatMap { $0.map { ($0.key, $0.value) } }
            if try createClusterIP(name.text, pairs, clusterIP, namespace, options) { return }
        case .persistentVolume(let name, let capacity, let modes, let reclaim, let storageClass):
            let pv = try Shortcuts.persistentVolume(
                name: name, capacity: capacity, accessModes: modes,
                reclaimPolicy: reclaim, storageClass: storageClass)
            try confirm(cluster.create(.persistentVolume(pv)), verb: "created")
        case .node(let name, let zone):
            try confirm(cluster.createNode(name.text, zone: zone), verb: "created")
        case .namespace(let name, let options):
            try createGenerated(.namespace(.make(name.text)), options: options)
            if options.dryRun != .none { return }
        case .podDisruptionBudget(let name, let selector, let min, let max):
            let spec = PodDisruptionBudgetSpec(minAvailable: min, maxUnavailable: max, selector: selector)
            let pdb = PodDisruptionBudget(metadata: ObjectMeta(name: name.text), spec: spec)
            try confirm(cluster.create(.podDisruptionBudget(pdb)), verb: "created")
        case .configData(let c):
            try createConfigData(c)
            if c.options.dryRun != .none { return }
        case .serviceAccount(let name, let namespace, let options):
            // create_serviceaccount.go: an object with only a name (and the namespace -n gave).
            let account = ServiceAccount(metadata: ObjectMeta(name: name.text, namespace: namespace ?? ""))
            try createGenerated(
                .serviceAccount(account), options: options, failure: "failed to create serviceaccount: ")
            if options.dryRun != .none { return }
        }
        autoSettle()
    }

    /// `create service clusterip`; true for a dry run (nothing changed, nothing to settle).
    private func createClusterIP(
        _ name: String, _ ports: [(Int, String)], _ clusterIP: String?, _ namespace: String?, _ options: WriteOptions
    ) throws -> Bool {
        let service = Shortcuts.clusterIPService(name: name, ports: ports, clusterIP: clusterIP, namespace: namespace)
        try createGenerated(.service(service), options: options)
        return options.dryRun != .none
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
}

/// An error whose message was already printed; the command just fails.
struct AlreadyReported: Error {}
