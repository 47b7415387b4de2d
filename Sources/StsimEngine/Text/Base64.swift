/// Standard base64 (RFC 4648 section 4, with padding), as Go's `encoding/json` writes a `[]byte`:
/// how a Secret's `data` and a ConfigMap's `binaryData` travel in manifests and `-o yaml`.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i])
            let b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[b2 & 63] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes, or the offset of the first byte Go's decoder refuses (`illegal base64 data at
    /// input byte N`). Go's strict decoder skips `\r` and `\n` and wants the padding.
    public static func decode(_ text: String) -> Result<[UInt8], DecodeError> {
        var values: [UInt8] = []
        var padding = 0
        for (offset, c) in text.utf8.enumerated() {
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { continue }
            if c == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let v = value(c) else { return .failure(DecodeError(offset: offset)) }
            values.append(v)
        }
        let total = values.count + padding
        guard total % 4 == 0, padding <= 2, values.count % 4 != 1, padding == (4 - values.count % 4) % 4 else {
            // Go reports an unfinished last group at its first byte.
            if padding == 0 { return .failure(DecodeError(offset: values.count - values.count % 4)) }
            return .failure(DecodeError(offset: max(0, text.utf8.count - padding)))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 3 / 4)
        var i = 0
        while i < values.count {
            let chunk = values[i..<min(i + 4, values.count)].map(UInt32.init)
            var n: UInt32 = 0
            for (j, v) in chunk.enumerated() { n |= v << (18 - 6 * UInt32(j)) }
            bytes.append(UInt8(n >> 16 & 0xFF))
            if chunk.count > 2 { bytes.append(UInt8(n >> 8 & 0xFF)) }
            if chunk.count > 3 { bytes.append(UInt8(n & 0xFF)) }
            i += 4
        }
        return .success(bytes)
    }

    public struct DecodeError: Error, Hashable, Sendable {
        public var offset: Int
        /// Go's `base64.CorruptInputError` text.
        public var message: String { "illegal base64 data at input byte \(offset)" }
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
