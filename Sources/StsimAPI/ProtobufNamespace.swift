import Foundation

/// kubectl's typed generators (`kubectl create namespace|configmap|secret|serviceaccount`) send protobuf, not
/// JSON. stsim reads those bodies: the `k8s\0` envelope (runtime.Unknown: 1 typeMeta, 2 raw), the
/// object (1 metadata; a ConfigMap's and a Secret's fields in `ProtobufConfigData`), its
/// ObjectMeta (1 name, 2 generateName, 3 namespace, 11 labels, 12 annotations), and hands the rest
/// of the API the same object as JSON.
enum ProtobufNamespace {
    static let contentType = "application/vnd.kubernetes.protobuf"

    /// The JSON of the Namespace, ConfigMap, Secret or ServiceAccount a protobuf body carries, nil when it is
    /// none of them or malformed.
    static func json(_ body: [UInt8], kind: String) -> String? {
        guard body.count > 4, Array(body[0..<4]) == Array("k8s\u{0}".utf8),
            let raw = fields(body[4...])?.first(where: { $0.number == 2 })?.bytes,
            let objectFields = fields(raw),
            let meta = objectFields.first(where: { $0.number == 1 })?.bytes,
            let metadata = metadata(meta)
        else { return nil }
        var object: [String: Any] = ["apiVersion": "v1", "kind": kind, "metadata": metadata]
        switch kind {
        case "Namespace": break
        case "ConfigMap", "Secret":
            guard ProtobufConfigData.read(objectFields, kind: kind, into: &object) else { return nil }
        case "ServiceAccount":
            guard serviceAccount(objectFields, into: &object) else { return nil }
        default: return nil
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// ServiceAccount 2 secrets (ObjectReference: 2 namespace, 3 name), 3 imagePullSecrets
    /// (LocalObjectReference: 1 name), 4 automountServiceAccountToken.
    private static func serviceAccount(_ fields: [Field], into object: inout [String: Any]) -> Bool {
        func text(_ f: Field?) -> String? { f.map { String(decoding: $0.bytes, as: UTF8.self) } }
        for f in fields where f.number != 1 {
            switch f.number {
            case 2, 3:
                guard let ref = Self.fields(f.bytes) else { return false }
                let key = f.number == 2 ? "secrets" : "imagePullSecrets"
                var entry: [String: String] = [:]
                entry["name"] = text(ref.first { $0.number == (f.number == 2 ? 3 : 1) })
                if f.number == 2 { entry["namespace"] = text(ref.first { $0.number == 2 }) }
                object[key] = (object[key] as? [[String: String]] ?? []) + [entry]
            case 4: object["automountServiceAccountToken"] = (f.value ?? 0) != 0
            default: continue
            }
        }
        return true
    }

    private static func metadata(_ meta: ArraySlice<UInt8>) -> [String: Any]? {
        guard let metaFields = fields(meta) else { return nil }
        var metadata: [String: Any] = [:]
        for f in metaFields {
            switch f.number {
            case 1: metadata["name"] = String(decoding: f.bytes, as: UTF8.self)
            case 2: metadata["generateName"] = String(decoding: f.bytes, as: UTF8.self)
            case 3: metadata["namespace"] = String(decoding: f.bytes, as: UTF8.self)
            case 11, 12:
                guard let entry = fields(f.bytes) else { return nil }
                let key = entry.first { $0.number == 1 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
                let value = entry.first { $0.number == 2 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
                let map = f.number == 11 ? "labels" : "annotations"
                var m = metadata[map] as? [String: String] ?? [:]
                m[key] = value
                metadata[map] = m
            default: continue
            }
        }
        return metadata
    }

    struct Field {
        var number: Int
        var bytes: ArraySlice<UInt8>
        /// A varint field's value (then `bytes` is empty).
        var value: Int? = nil
    }

    /// The length-delimited and varint fields of a message; nil when it is malformed.
    static func fields(_ data: ArraySlice<UInt8>) -> [Field]? {
        var out: [Field] = []
        var i = data.startIndex
        func varint() -> Int? {
            var v = 0
            var shift = 0
            while i < data.endIndex, shift < 63 {
                let b = data[i]
                i += 1
                v |= Int(b & 0x7F) << shift
                if b & 0x80 == 0 { return v }
                shift += 7
            }
            return nil
        }
        while i < data.endIndex {
            guard let tag = varint() else { return nil }
            switch tag & 7 {
            case 0:
                guard let v = varint() else { return nil }
                out.append(Field(number: tag >> 3, bytes: data[i..<i], value: v))
            case 2:
                guard let n = varint(), n >= 0, n <= data.endIndex - i else { return nil }
                out.append(Field(number: tag >> 3, bytes: data[i..<(i + n)]))
                i += n
            default: return nil
            }
        }
        return out
    }
}
