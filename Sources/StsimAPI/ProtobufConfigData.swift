import Foundation

/// The fields of a ConfigMap and a Secret in protobuf (k8s.io/api core/v1 generated.proto):
/// ConfigMap 2 data, 3 binaryData, 4 immutable; Secret 2 data, 3 type, 4 stringData, 5 immutable.
/// Maps are repeated entries (1 key, 2 value); bytes become base64, as JSON carries them.
enum ProtobufConfigData {
    static func read(_ fields: [ProtobufNamespace.Field], kind: String, into object: inout [String: Any]) -> Bool {
        let secret = kind == "Secret"
        for f in fields where f.number != 1 {
            switch (f.number, secret) {
            case (2, false), (4, true):
                guard put(f, into: &object, key: f.number == 2 ? "data" : "stringData", bytes: false) else {
                    return false
                }
            case (3, false), (2, true):
                guard put(f, into: &object, key: f.number == 3 ? "binaryData" : "data", bytes: true) else {
                    return false
                }
            case (3, true): object["type"] = String(decoding: f.bytes, as: UTF8.self)
            case (4, false), (5, true): object["immutable"] = (f.value ?? 0) != 0
            default: continue
            }
        }
        return true
    }

    private static func put(_ f: ProtobufNamespace.Field, into object: inout [String: Any], key: String, bytes: Bool)
        -> Bool
    {
        guard let entry = ProtobufNamespace.fields(f.bytes) else { return false }
        let name = entry.first { $0.number == 1 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let raw = Array(entry.first { $0.number == 2 }?.bytes ?? [])
        var map = object[key] as? [String: String] ?? [:]
        map[name] = bytes ? Data(raw).base64EncodedString() : String(decoding: raw, as: UTF8.self)
        object[key] = map
        return true
    }
}
