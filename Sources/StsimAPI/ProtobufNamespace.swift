import Foundation

/// kubectl's typed generators (`kubectl create namespace`) send protobuf, not JSON. stsim reads
/// the one such body it serves, a Namespace: the `k8s\0` envelope (runtime.Unknown: 1 typeMeta,
/// 2 raw), the Namespace (1 metadata), its ObjectMeta (1 name, 11 labels, 12 annotations), and
/// hands the rest of the API the same object as JSON.
enum ProtobufNamespace {
    static let contentType = "application/vnd.kubernetes.protobuf"

    /// The JSON of the Namespace a protobuf body carries, nil when it is not one.
    static func json(_ body: [UInt8]) -> String? {
        guard body.count > 4, Array(body[0..<4]) == Array("k8s\u{0}".utf8),
            let raw = fields(body[4...])?.first(where: { $0.number == 2 })?.bytes,
            let meta = fields(raw)?.first(where: { $0.number == 1 })?.bytes,
            let metaFields = fields(meta)
        else { return nil }
        var metadata: [String: Any] = [:]
        for f in metaFields {
            switch f.number {
            case 1: metadata["name"] = String(decoding: f.bytes, as: UTF8.self)
            case 2: metadata["generateName"] = String(decoding: f.bytes, as: UTF8.self)
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
        let object: [String: Any] = ["apiVersion": "v1", "kind": "Namespace", "metadata": metadata]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    struct Field {
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    /// The length-delimited fields of a message (varints are skipped); nil when it is malformed.
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
            case 0: guard varint() != nil else { return nil }
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
