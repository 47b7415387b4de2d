import StsimEngine

/// `metadata` and the small meta types every kind shares.
extension MappingReader {
    func objectMeta(_ key: String = "metadata", timestamps: Timestamps) -> ObjectMeta {
        nested(key, goType: "ObjectMeta") { $0.readObjectMeta(timestamps: timestamps) } ?? ObjectMeta()
    }

    private func readObjectMeta(timestamps: Timestamps) -> ObjectMeta {
        var m = ObjectMeta()
        m.name = string("name") ?? ""
        m.generateName = string("generateName")
        m.namespace = string("namespace") ?? ""
        if let u = string("uid") {
            if let uid = UID(u) {
                m.uid = uid
            } else {
                ctx.report(
                    .error, path: child("uid"),
                    "metadata.uid: Invalid value: \"\(u)\": must be a UUID such as 6a2f1c3e-0b7d-4e59-9f00-1d2c3b4a5f60"
                )
            }
        }
        if let rv = string("resourceVersion") {
            // The API treats it as an opaque string; stsim's store counts in integers.
            if let n = Int(rv) {
                m.resourceVersion = n
            } else {
                ctx.report(
                    .warning, path: child("resourceVersion"),
                    "resourceVersion \"\(rv)\" is not a number stsim issued; it is ignored")
            }
        }
        m.generation = int("generation", goTypeName: "int64") ?? 0
        m.creationTimestamp = time("creationTimestamp", timestamps)
        m.deletionTimestamp = time("deletionTimestamp", timestamps)
        m.deletionGracePeriodSeconds = int("deletionGracePeriodSeconds", goTypeName: "int64")
        m.labels = stringMap("labels") ?? [:]
        m.annotations = stringMap("annotations") ?? [:]
        m.ownerReferences = objects("ownerReferences", goType: "OwnerReference") { $0.ownerReference() } ?? []
        m.finalizers = strings("finalizers") ?? []
        unmodelled("managedFields", "selfLink")
        return m
    }

    func time(_ key: String, _ timestamps: Timestamps) -> VirtualTime? {
        guard let text = string(key) else { return nil }
        if let t = timestamps.parse(text) { return t }
        ctx.fail(child(key))
        ctx.report(
            .error, path: child(key),
            "parsing time \"\(text)\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\(text)\" as RFC 3339",
            hint: "write times as RFC 3339, e.g. 2024-01-01T00:00:00Z")
        return nil
    }

    private func ownerReference() -> OwnerReference? {
        let apiVersion = string("apiVersion") ?? ""
        let kind = string("kind") ?? ""
        let name = string("name") ?? ""
        let uidText = string("uid") ?? ""
        let controller = bool("controller")
        let block = bool("blockOwnerDeletion")
        guard let uid = UID(uidText) else {
            ctx.report(.error, path: child("uid"), "\(path).uid: Invalid value: \"\(uidText)\": must be a UUID")
            return nil
        }
        return OwnerReference(
            apiVersion: apiVersion, kind: kind, name: name, uid: uid, controller: controller, blockOwnerDeletion: block)
    }

    func labelSelector(_ key: String) -> LabelSelector? {
        nested(key, goType: "LabelSelector") { r in
            LabelSelector(
                matchLabels: r.stringMap("matchLabels") ?? [:],
                matchExpressions: r.objects("matchExpressions", goType: "LabelSelectorRequirement") { e in
                    let key = e.string("key") ?? ""
                    let op = e.string("operator") ?? ""
                    let values = e.strings("values") ?? []
                    guard let o = LabelSelectorRequirement.Operator(rawValue: op) else {
                        var cause = FieldError.invalid(
                            "\(e.path).operator", .string(op), "not a valid selector operator")
                        cause.hint = "use In, NotIn, Exists or DoesNotExist"
                        e.ctx.invalid(cause)
                        return nil
                    }
                    return LabelSelectorRequirement(key: key, operator: o, values: values)
                } ?? []
            )
        }
    }
}
