import StsimEngine

extension MappingReader {
    /// `spec.finalizers` and `status.phase` of a Namespace (`kubectl get ns -o yaml` read back).
    func namespace(metadata: ObjectMeta) -> Namespace {
        var ns = Namespace(metadata: metadata)
        _ = nested("spec", goType: "NamespaceSpec") { s in
            ns.finalizers = s.strings("finalizers", goTypeName: "[]v1.FinalizerName") ?? []
        }
        _ = nested("status", goType: "NamespaceStatus") { s in
            ns.phase = s.string("phase").flatMap(Namespace.Phase.init(rawValue:))
            _ = s.node("conditions")
        }
        return ns
    }
}
