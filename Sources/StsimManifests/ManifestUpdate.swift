import StsimEngine

/// The objects `kubectl apply`, `patch` and `edit` send for an object that exists: each computes
/// the new object as a tree (StrategicMerge, JSONMergePatch) over the live object's wire form and
/// decodes it back through the loader. The engine's `update` then checks immutable fields and
/// writes it.
public enum ManifestUpdate {
    public enum PatchType: String, Sendable, CaseIterable {
        /// kubectl patch's default: lists with a merge key merge by that key.
        case strategic
        /// RFC 7386: lists are replaced whole.
        case merge
        /// RFC 6902: a list of operations (add, remove, replace, move, copy, test).
        case json
    }

    /// Why no object came out, in kubectl's words.
    public struct Failure: Error, Sendable {
        public var message: String
        /// stsim's advice from the loader's findings (`did you mean "replicas"?`).
        public var hint: String?

        init(message: String, hint: String? = nil) {
            self.message = message
            self.hint = hint
        }
    }

    /// The object as `kubectl apply` creates it: with the last-applied-configuration annotation.
    public static func created(_ loaded: LoadedObject) -> KubeObject {
        var object = loaded.object
        object.metadata.annotations[LoadedObject.lastAppliedAnnotation] = loaded.appliedConfiguration + "\n"
        return object
    }

    /// `kubectl apply` of `loaded` to the existing `live` object: the three-way merge of the
    /// last-applied configuration, the manifest and the live object. `hadLastApplied` is false when
    /// the live object was not created by apply (kubectl then warns, and patches the annotation in).
    public static func applied(_ loaded: LoadedObject, onto live: KubeObject, timestamps: Timestamps = .standard)
        -> (object: Result<KubeObject, Failure>, hadLastApplied: Bool)
    {
        let lastApplied = live.metadata.annotations[LoadedObject.lastAppliedAnnotation]
        let original = lastApplied.flatMap { try? WireValue.parse($0).get() }
        guard case .success(var modified) = WireValue.parse(loaded.appliedConfiguration) else {
            return (.failure(Failure(message: "error: the manifest could not be read back")), lastApplied != nil)
        }
        let metadata = (modified["metadata"] ?? .object([]))
        let annotations = (metadata["annotations"] ?? .object([])).setting(
            LoadedObject.lastAppliedAnnotation, .string(loaded.appliedConfiguration + "\n"))
        modified = modified.setting("metadata", metadata.setting("annotations", annotations))
        let current = WireEncoder(timestamps: timestamps).object(live)
        let merged = StrategicMerge.merge(
            original: original, modified: modified, current: current, kind: live.kind.kind)
        return (decode(merged, like: live, timestamps: timestamps), lastApplied != nil)
    }

    /// `kubectl patch -p PATCH` of the live object.
    public static func patched(
        _ live: KubeObject, patch: String, type: PatchType = .strategic, timestamps: Timestamps = .standard
    )
        -> Result<KubeObject, Failure>
    {
        let parsed: WireValue
        switch WireValue.parse(patch) {
        case .success(let p): parsed = p
        case .failure(let e): return .failure(Failure(message: "error: unable to parse \"\(patch)\": \(e.problem)"))
        }
        guard type == .json || parsed.fields != nil else {
            return .failure(
                Failure(
                    message:
                        "Error from server (BadRequest): json: cannot unmarshal \(parsed.jsonWord) into Go value of type map[string]interface {}",
                    hint: nil))
        }
        let current = WireEncoder(timestamps: timestamps).object(live)
        let result: WireValue
        switch type {
        case .strategic:
            do {
                result = try StrategicPatch.apply(parsed, to: current, kind: live.kind.kind)
            } catch {
                return .failure(Failure(message: error.message))
            }
        case .merge: result = JSONMergePatch.apply(parsed, to: current)
        case .json: return jsonPatched(live, parsed, onto: current, timestamps: timestamps)
        }
        return decode(result, like: live, timestamps: timestamps)
    }

    /// The server's answers (k8s.io/apiserver's patch handler): a body that is not a list of
    /// operations is a 400 with Go's decoding error; an operation that does not apply is a bare
    /// 422, which kubectl prints as the request being invalid, without saying which operation.
    private static func jsonPatched(
        _ live: KubeObject, _ patch: WireValue, onto current: WireValue, timestamps: Timestamps
    )
        -> Result<KubeObject, Failure>
    {
        switch JSONPatch.apply(patch, to: current) {
        case .success(let result): return decode(result, like: live, timestamps: timestamps)
        case .failure(.notAPatch(let why)): return .failure(Failure(message: "Error from server (BadRequest): \(why)"))
        case .failure(.doesNotApply(let why)):
            return .failure(
                Failure(
                    message: "The request is invalid: the server rejected our request due to an error in our request",
                    hint: "the operation that did not apply: \(why)"))
        }
    }

    /// Decodes a changed tree back into an object, as the API server decodes a patched object.
    private static func decode(_ tree: WireValue, like live: KubeObject, timestamps: Timestamps) -> Result<
        KubeObject, Failure
    > {
        // The kind and name are the live object's whatever the patch says: a patch cannot move an object.
        let text = JSONEmitter.document(tree)
        let result = ManifestLoader.load(
            text: text, file: "<patched \(live.kind.singular)>",
            options: .init(timestamps: timestamps, applyDefaults: false))
        if let rejection = result.rejections.first {
            let message: String
            switch rejection.reason {
            case .badRequest(let m):
                message =
                    "Error from server (BadRequest): \(live.kind.kind) in version \"v1\" cannot be handled as a \(live.kind.kind): \(m)"
            case .invalid(let causes):
                message = ManifestRejection.invalidMessage(kind: live.kind.kind, name: live.name, causes: causes)
            default: message = rejection.kubectlMessage(file: "patch")
            }
            return .failure(Failure(message: message, hint: result.errors.compactMap(\.hint).first))
        }
        guard var object = result.objects.first?.object, object.kind == live.kind, object.name == live.name else {
            return .failure(
                Failure(
                    message:
                        "Error from server (BadRequest): the patch may not change the kind or the name of \(live.kind.qualifiedSingular)/\(live.name)"
                ))
        }
        object.metadata.namespace = live.metadata.namespace
        return .success(object)
    }
}

extension WireValue {
    /// The JSON type's name, as Go's decoder says it.
    var jsonWord: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .int: "number"
        case .bool: "bool"
        case .null: "null"
        }
    }
}
