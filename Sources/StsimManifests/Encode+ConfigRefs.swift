import StsimEngine

/// A pod's references to ConfigMaps and Secrets, in the API's field order.
extension WireEncoder {
    func keySelector(_ r: KeySelector) -> WireValue {
        var x = WireObject()
        x["key"] = .string(r.key)
        x["name"] = .string(r.name)
        x.bool("optional", r.optional)
        return x.value
    }

    func envFromSource(_ e: EnvFromSource) -> WireValue {
        var ref = WireObject()
        ref["name"] = .string(e.name)
        ref.bool("optional", e.optional)
        var x = WireObject()
        x[e.source == .configMap ? "configMapRef" : "secretRef"] = ref.value
        x.string("prefix", e.prefix)
        return x.value
    }

    func keyProjection(_ p: KeyProjection, nameKey: String) -> WireValue {
        var x = WireObject()
        x.int("defaultMode", p.defaultMode)
        x.array(
            "items",
            p.items.map { i in
                var item = WireObject()
                item["key"] = .string(i.key)
                item.int("mode", i.mode)
                item["path"] = .string(i.path)
                return item.value
            })
        x[nameKey] = .string(p.name)
        x.bool("optional", p.optional)
        return x.value
    }
}

extension WireEncoder {
    /// A `map[string][]byte`: each value base64, as Go's JSON encoder writes bytes.
    func bytesMap(_ m: [String: [UInt8]]) -> WireValue {
        .object(m.keys.sorted().map { ($0, .string(Base64.encode(m[$0]!))) })
    }
}
