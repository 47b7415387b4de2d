import StsimEngine

/// `metadata` and the shared meta types, in ObjectMeta's field order.
extension WireEncoder {
    func meta(_ m: ObjectMeta) -> WireValue {
        var o = WireObject()
        o.string("name", m.name)
        o.string("generateName", m.generateName)
        o.string("namespace", m.namespace)
        o.string("uid", m.uid?.description)
        if m.resourceVersion > 0 { o["resourceVersion"] = .string(String(m.resourceVersion)) }
        o.nonZero("generation", m.generation)
        // metav1.Time marshals its zero value as null, so templates show `creationTimestamp: null`.
        o["creationTimestamp"] = time(m.creationTimestamp) ?? .null
        o["deletionTimestamp"] = time(m.deletionTimestamp)
        o.int("deletionGracePeriodSeconds", m.deletionGracePeriodSeconds)
        o.map("labels", m.labels)
        o.map("annotations", m.annotations)
        o.array(
            "ownerReferences",
            m.ownerReferences.map { r in
                var x = WireObject()
                x["apiVersion"] = .string(r.apiVersion)
                x["kind"] = .string(r.kind)
                x["name"] = .string(r.name)
                x["uid"] = .string(r.uid.description)
                x.bool("controller", r.controller)
                x.bool("blockOwnerDeletion", r.blockOwnerDeletion)
                return x.value
            })
        o.strings("finalizers", m.finalizers)
        return o.value
    }

    func time(_ t: VirtualTime?) -> WireValue? { t.map { .string(timestamps.format($0)) } }

    func selector(_ s: LabelSelector) -> WireValue {
        var o = WireObject()
        o.map("matchLabels", s.matchLabels)
        o.array(
            "matchExpressions",
            s.matchExpressions.map { e in
                var x = WireObject()
                x["key"] = .string(e.key)
                x["operator"] = .string(e.operator.rawValue)
                x.strings("values", e.values)
                return x.value
            })
        return o.value
    }

    func quantity(_ q: Quantity) -> WireValue { .string(QuantityCanonical.text(q)) }

    /// A `ResourceList` holding storage only.
    func storage(_ q: Quantity?) -> WireValue? { q.map { .object([("storage", quantity($0))]) } }
}
