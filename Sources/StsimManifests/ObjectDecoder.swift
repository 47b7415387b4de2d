import StsimEngine
import Yams

/// Takes one document (or one item of a List) through the API server's steps: find the kind, decode
/// strictly, default, validate; then adds stsim's own warnings for what will fail later.
struct ObjectDecoder {
    let source: ManifestSource
    let options: ManifestLoader.Options

    func load(_ node: YAMLNode, into result: inout ManifestLoadResult) {
        let origin = source.location(node.mark)
        guard case .mapping(let mapping) = node else {
            let ctx = DecodeContext(source: source, origin: origin)
            let word = JSONShape(node).jsonWord
            ctx.report(
                .error, at: origin, "a manifest must be a mapping of fields, found \(word)",
                hint: "start each document with apiVersion: and kind:")
            result.diagnostics += ctx.diagnostics
            result.rejections.append(
                ManifestRejection(
                    reason: .undecodable(
                        "json: cannot unmarshal \(word) into Go value of type map[string]interface {}"),
                    kind: "", name: "", namespace: "", location: origin))
            return
        }
        let root = MappingReader(
            mapping, path: "", goPath: "", goType: "",
            ctx: DecodeContext(source: source, origin: origin, fieldValidation: options.fieldValidation))
        let kind = root.node("kind")?.scalar?.string ?? ""
        let itemKind = String(kind.dropLast(4))
        if kind == "List" || (kind.hasSuffix("List") && KindResolver.loadable.contains { $0.kind == itemKind }) {
            loadList(root, kind: kind, into: &result)
            return
        }
        loadObject(mapping, origin: origin, into: &result)
    }

    /// `kind: List` (and `PodList`, `StatefulSetList`...): kubectl unpacks the items and handles
    /// each as its own document.
    private func loadList(_ root: MappingReader, kind: String, into result: inout ManifestLoadResult) {
        let ctx = root.ctx
        _ = root.node("apiVersion")
        _ = root.node("metadata")
        guard let items = root.node("items") else {
            root.finish()
            result.diagnostics += ctx.diagnostics
            return
        }
        root.finish()
        result.diagnostics += ctx.diagnostics
        guard case .sequence(let seq) = items else {
            let l = source.location(items.mark)
            result.diagnostics.append(
                Diagnostic(.error, at: l, "items of a \(kind) must be a list", sourceLine: source.lineText(at: l)))
            result.rejections.append(
                ManifestRejection(
                    reason: .undecodable(
                        "json: cannot unmarshal \(JSONShape(items).jsonWord) into Go struct field List.items of type []runtime.RawExtension"
                    ),
                    kind: kind, name: "", namespace: "", location: l))
            return
        }
        let itemKind = kind == "List" ? nil : String(kind.dropLast(4))
        for item in seq {
            if let itemKind, case .mapping(let m) = item, m["kind"] == nil {
                // Typed lists (`PodList`) may leave out the items' kind; the list's name says it.
                var pairs = Array(m.map { ($0.key, $0.value) })
                pairs.insert((YAMLNode("kind"), YAMLNode(itemKind)), at: 0)
                if m["apiVersion"] == nil, let apiVersion = root.node("apiVersion") {
                    pairs.insert((YAMLNode("apiVersion"), apiVersion), at: 0)
                }
                load(.mapping(YAMLNode.Mapping(pairs, m.tag, m.style, m.mark)), into: &result)
            } else {
                load(item, into: &result)
            }
        }
    }

    private func loadObject(_ mapping: YAMLNode.Mapping, origin: SourceLocation, into result: inout ManifestLoadResult)
    {
        let ctx = DecodeContext(source: source, origin: origin, fieldValidation: options.fieldValidation)
        let root = MappingReader(mapping, path: "", goPath: "", goType: mapping["kind"]?.scalar?.string ?? "", ctx: ctx)
        let apiVersion = root.string("apiVersion") ?? ""
        let kind = root.string("kind") ?? ""
        let nameGuess = mapping["metadata"]?.mapping?["name"]?.scalar?.string ?? ""
        let nsGuess = mapping["metadata"]?.mapping?["namespace"]?.scalar?.string ?? ""
        func reject(_ reason: ManifestRejection.Reason) {
            result.diagnostics += ctx.diagnostics
            result.rejections.append(
                ManifestRejection(reason: reason, kind: kind, name: nameGuess, namespace: nsGuess, location: origin))
        }
        if let missing = missingTypeFields(apiVersion: apiVersion, kind: kind, ctx, at: origin) {
            reject(.clientValidation(missing))
            return
        }
        let resourceKind: ResourceKind
        switch KindResolver.resolve(apiVersion: apiVersion, kind: kind) {
        case .kind(let k): resourceKind = k
        case .noMatch(let message, let hint):
            let at = root.keyMark(KindResolver.loadable.contains { $0.kind == kind } ? "apiVersion" : "kind")
            ctx.report(.error, at: at.map(source.location) ?? origin, message, hint: hint)
            reject(.noKindMatch(message))
            return
        }
        guard var object = decode(resourceKind, root) else { return }
        root.finish()
        // The API server stops at a decoding error; stsim goes on to validate what it could read,
        // so that every finding of the file is reported at once, and still answers as the server.
        let badRequest = ctx.hasErrors ? badRequestMessage(ctx.diagnostics) : nil
        // BeforeCreate clears the namespace of cluster-scoped kinds.
        if !resourceKind.isNamespaced { object.metadata.namespace = "" }
        // The server validates the defaulted object, so stsim does too, even when the caller wants
        // the object as written (the engine applies the defaults itself on create).
        var defaulted = object
        APIDefaults.apply(to: &defaulted, defaultStorageClass: options.defaultStorageClass)
        if options.applyDefaults { object = defaulted }
        let (causes, warnings) = findings(defaulted, resourceKind, ctx)
        for c in causes {
            ctx.report(.error, at: c.location ?? origin, c.text, hint: c.hint)
        }
        for w in warnings {
            ctx.report(.warning, path: w.path, w.message, hint: w.hint)
        }
        if let badRequest {
            reject(.badRequest(badRequest))
            return
        }
        if !causes.isEmpty {
            reject(.invalid(causes))
            return
        }
        result.diagnostics += ctx.diagnostics
        result.objects.append(
            LoadedObject(
                object: object, location: origin, fields: ctx.locations,
                appliedConfiguration: ManifestJSON.compact(.mapping(mapping))))
    }

    /// kubectl's client-side check that apiVersion and kind are set: the reason it gives
    /// (`apiVersion not set`, or both in brackets), each reported with what to add; nil when both are.
    private func missingTypeFields(apiVersion: String, kind: String, _ ctx: DecodeContext, at origin: SourceLocation)
        -> String?
    {
        guard kind.isEmpty || apiVersion.isEmpty else { return nil }
        var missing: [String] = []
        if apiVersion.isEmpty {
            missing.append("apiVersion not set")
            let v = KindResolver.loadable.first { $0.kind == kind }?.apiVersion ?? "v1"
            ctx.report(
                .error, at: origin, "error validating data: apiVersion not set", hint: "add a line apiVersion: \(v)"
            )
        }
        if kind.isEmpty {
            missing.append("kind not set")
            ctx.report(
                .error, at: origin, "error validating data: kind not set",
                hint: "add a line such as kind: StatefulSet")
        }
        return missing.count == 1 ? missing[0] : "[\(missing.joined(separator: ", "))]"
    }

    /// The API server's validation causes and stsim's warnings for a decoded, defaulted object.
    private func findings(_ object: KubeObject, _ kind: ResourceKind, _ ctx: DecodeContext) -> (
        [FieldError], [Advisor.Warning]
    ) {
        var causes = Validator.validate(object).filter { !ctx.isUnderFailedField($0.path) }.map { cause -> FieldError in
            var c = cause
            c.location = c.location ?? ctx.location(of: c.path)
            return c
        }
        var warnings = Advisor.warnings(for: object).filter { !ctx.isUnderFailedField($0.path) }
        for c in ctx.causes {
            // A StatefulSet's pod template is not validated on create (7.3): its pods fail later.
            if kind == .statefulSet, c.path.hasPrefix("spec.template.spec.") {
                let podPath = String(c.path.dropFirst("spec.template.".count))
                warnings.append(
                    Advisor.Warning(
                        path: c.path,
                        message: "pods of StatefulSet \"\(object.name)\" will be rejected: \(podPath): \(c.body)",
                        hint: c.hint))
            } else {
                causes.append(c)
            }
        }
        return (causes, warnings)
    }

    /// The API server stops at the first type error; unknown fields are all listed, joined (7.2).
    private func badRequestMessage(_ diagnostics: [Diagnostic]) -> String {
        // In document order, as the JSON decoder meets them.
        let errors = ManifestLoader.sorted(diagnostics).filter { $0.severity == .error }
        if let typeError = errors.first(where: { !$0.message.hasPrefix("strict decoding error: ") }) {
            return typeError.message
        }
        let fields = errors.map { String($0.message.dropFirst("strict decoding error: ".count)) }
        return "strict decoding error: " + fields.joined(separator: ", ")
    }

    private func decode(_ kind: ResourceKind, _ r: MappingReader) -> KubeObject? {
        let t = options.timestamps
        let meta = r.objectMeta(timestamps: t)
        switch kind {
        case .statefulSet:
            return .statefulSet(
                StatefulSet(metadata: meta, spec: r.statefulSetSpec(timestamps: t), status: r.statefulSetStatus(t)))
        case .replicaSet:
            return .replicaSet(
                ReplicaSet(metadata: meta, spec: r.replicaSetSpec(timestamps: t), status: r.replicaSetStatus()))
        case .daemonSet:
            return .daemonSet(
                DaemonSet(metadata: meta, spec: r.daemonSetSpec(timestamps: t), status: r.daemonSetStatus()))
        case .pod:
            return .pod(Pod(metadata: meta, spec: r.podSpec() ?? PodSpec(), status: r.podStatus(t)))
        case .service:
            let spec = r.serviceSpec()
            r.serviceStatus()
            return .service(Service(metadata: meta, spec: spec))
        case .persistentVolumeClaim:
            return .persistentVolumeClaim(
                PersistentVolumeClaim(
                    metadata: meta, spec: r.claimSpec() ?? PersistentVolumeClaimSpec(),
                    status: r.claimStatus() ?? PersistentVolumeClaimStatus()))
        case .persistentVolume:
            return .persistentVolume(
                PersistentVolume(metadata: meta, spec: r.persistentVolumeSpec(), status: r.persistentVolumeStatus(t)))
        case .storageClass:
            var c = StorageClass(metadata: meta)
            r.storageClassFields(into: &c)
            return .storageClass(c)
        case .node:
            return .node(StsimEngine.Node(metadata: meta, spec: r.nodeSpec(t), status: r.nodeStatus(t)))
        case .namespace:
            return .namespace(r.namespace(metadata: meta))
        case .podDisruptionBudget:
            let spec = r.podDisruptionBudgetSpec()
            r.podDisruptionBudgetStatus()
            return .podDisruptionBudget(PodDisruptionBudget(metadata: meta, spec: spec))
        case .configMap: return .configMap(r.configMap(metadata: meta))
        case .secret: return .secret(r.secret(metadata: meta))
        case .serviceAccount: return .serviceAccount(r.serviceAccount(metadata: meta))
        case .endpoints, .endpointSlice, .event, .controllerRevision:
            // Written only by controllers; KindResolver does not offer them.
            return nil
        }
    }
}
