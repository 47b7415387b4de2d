import StsimEngine

extension WireEncoder {
    /// The fields of a ConfigMap, a Secret or a ServiceAccount after `metadata`, in Go's order
    /// (what `-o json` shows; `-o yaml` sorts them).
    func configFields(_ object: KubeObject) -> [(String, WireValue)] {
        var o = WireObject()
        switch object {
        case .configMap(let c):
            o.map("data", c.data)
            o["binaryData"] = c.binaryData.isEmpty ? nil : bytesMap(c.binaryData)
            o.bool("immutable", c.immutable)
        case .secret(let s):
            o["data"] = s.data.isEmpty ? nil : bytesMap(s.data)
            o.bool("immutable", s.immutable)
            o.string("type", s.type)
        case .serviceAccount(let a):
            if !a.secrets.isEmpty {
                o["secrets"] = .array(
                    a.secrets.map { r in
                        var ref = WireObject()
                        ref.string("name", r.name)
                        ref.string("namespace", r.namespace)
                        return ref.value
                    })
            }
            if !a.imagePullSecrets.isEmpty {
                o["imagePullSecrets"] = .array(a.imagePullSecrets.map { .object([("name", .string($0))]) })
            }
            o.bool("automountServiceAccountToken", a.automountServiceAccountToken)
        default: break
        }
        return o.fields
    }
}
