import StsimEngine

extension WireEncoder {
    /// A `projected` volume in the API's field order.
    func projected(_ p: ProjectedVolumeSource) -> WireValue {
        var o = WireObject()
        o.array(
            "sources",
            p.sources.map { source in
                var s = WireObject()
                switch source {
                case .serviceAccountToken(let path, let expiration, let audience):
                    var t = WireObject()
                    t.string("audience", audience)
                    t.int("expirationSeconds", expiration)
                    t["path"] = .string(path)
                    s["serviceAccountToken"] = t.value
                case .configMap(let k): s["configMap"] = keyProjection(k, nameKey: "name")
                case .secret(let k): s["secret"] = keyProjection(k, nameKey: "name")
                case .downwardAPI(let files):
                    var d = WireObject()
                    d.array(
                        "items",
                        files.map { f in
                            var i = WireObject()
                            i["path"] = .string(f.path)
                            var ref = WireObject()
                            ref.string("apiVersion", f.apiVersion)
                            ref["fieldPath"] = .string(f.fieldPath)
                            i["fieldRef"] = ref.value
                            i.int("mode", f.mode)
                            return i.value
                        })
                    s["downwardAPI"] = d.value
                }
                return s.value
            })
        o.int("defaultMode", p.defaultMode)
        return o.value
    }
}
