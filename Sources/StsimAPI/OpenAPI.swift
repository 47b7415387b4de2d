import StsimEngine

/// The OpenAPI v3 documents kubectl reads before `create`, `apply` and `edit`. Each kind gets a
/// PATCH operation that takes `fieldValidation`, which tells kubectl the server validates
/// strictly (ManifestLoader does, with kubectl's texts), so kubectl skips its client-side schema
/// check. No schemas are served: client-side `apply` then uses the patch strategies compiled
/// into kubectl, and `kubectl explain` has nothing to show.
enum OpenAPI {
    static var root: String {
        let paths = ServedResources.groups.map { g in
            #""\#(g.root)":{"serverRelativeURL":"/openapi/v3/\#(g.root)?hash=\#(hash(document(g)))"}"#
        }
        return #"{"paths":{\#(paths.joined(separator: ","))}}"#
    }

    static func group(root: String) -> ServedResources.Group? {
        ServedResources.groups.first { $0.root == root }
    }

    static func document(_ group: ServedResources.Group) -> String {
        let paths = group.kinds.map { k in
            let path =
                "/\(group.root)/" + (k.isNamespaced ? "namespaces/{namespace}/" : "") + "\(k.plural)/{name}"
            return #""\#(path)":{"patch":\#(patchOperation(k))}"#
        }
        return
            #"{"openapi":"3.0.0","info":{"title":"Kubernetes","version":"v1.32.0"},"paths":{\#(paths.joined(separator: ","))},"components":{"schemas":{}}}"#
    }

    private static func patchOperation(_ k: ResourceKind) -> String {
        let parameters = ["dryRun", "fieldManager", "fieldValidation", "force"].map {
            #"{"name":"\#($0)","in":"query","schema":{"type":"string"}}"#
        }
        return
            #"{"operationId":"patch\#(k.kind)","x-kubernetes-action":"patch","x-kubernetes-group-version-kind":{"group":"\#(k.group)","version":"v1","kind":"\#(k.kind)"},"parameters":[\#(parameters.joined(separator: ","))],"responses":{"200":{"description":"OK"}}}"#
    }

    /// The `hash=` cache key of a document: it changes whenever the document does (FNV-1a).
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
