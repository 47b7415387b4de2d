import StsimEngine
import Yams

/// ConfigMaps and Secrets. A Secret's `stringData` is merged into `data` here, as the API server
/// does on every write (`stringData` wins on a shared key), so the stored object never has it.
extension MappingReader {
    func configMap(metadata: ObjectMeta) -> ConfigMap {
        ConfigMap(
            metadata: metadata, data: stringMap("data") ?? [:], binaryData: bytesMap("binaryData") ?? [:],
            immutable: bool("immutable"))
    }

    func secret(metadata: ObjectMeta) -> Secret {
        var s = Secret(
            metadata: metadata, type: string("type"), data: bytesMap("data") ?? [:], immutable: bool("immutable"))
        for (k, v) in stringMap("stringData") ?? [:] { s.data[k] = Array(v.utf8) }
        return s
    }

    /// A `map[string][]byte`: base64 values, refused as Go's decoder refuses them.
    func bytesMap(_ key: String) -> [String: [UInt8]]? {
        guard let text = stringMap(key) else { return nil }
        var out: [String: [UInt8]] = [:]
        for name in text.keys.sorted() {
            switch Base64.decode(text[name]!) {
            case .success(let bytes): out[name] = bytes
            case .failure(let e):
                ctx.fail(child(key))
                var mark: Yams.Mark?
                if case .mapping(let m)? = node(key) { mark = m.first { $0.key.scalar?.string == name }?.value.mark }
                ctx.report(
                    .error, at: mark ?? keyMark(key), e.message,
                    hint: "\(key) values are base64 (echo -n VALUE | base64); for plain text use stringData")
            }
        }
        return out
    }
}
